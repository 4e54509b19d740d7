// Submitting a settings form: the change goes through changeSettings (the import's
// checks and the import itself); the answer is a redirect when saved, or the
// form again with the problems next to the fields, the appointments it would
// strand (to confirm or cancel), or the current values when someone else was faster.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppContext } from '../../app/context.ts';
import { changeSettings, settingsForm, type ChangeSettingsInput } from '../../app/staff/change-settings.ts';
import type { RawConfig } from '../../config/raw.ts';
import { localDateOf, localTimeOf } from '../../domain/time.ts';
import type { OrgConfig } from '../../domain/types.ts';
import { redirect, sendPage } from '../web/page.ts';
import { emptyState, type FormState } from '../views/staff/settings-page.tsx';
import { settingsTexts } from '../views/staff/settings-texts.ts';
import { withProblems, type FieldRef } from './settings-form.ts';
import { staffEnv, userOf } from './staff-page.ts';

export interface SubmitSettings {
  target: ChangeSettingsInput['target'];
  action: string;
  subject: Record<string, string>;
  values: Record<string, string>;
  edit: (raw: RawConfig) => void;
  refs: FieldRef[];
  /** the form's address (also where "saved" is shown, unless `done`) */
  page: string;
  done?: string;
  /** the form's values from a configuration (shown when the form was stale) */
  valuesOf: (config: OrgConfig) => Record<string, string>;
  render: (state: FormState, version: string, config: OrgConfig) => JSX.Element;
}

export async function submitSettings(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, q: SubmitSettings): Promise<FastifyReply> {
  const user = userOf(req);
  const { locale } = staffEnv(req, reply);
  const s = settingsTexts(locale);
  const base = q.values.version ?? '';
  const r = await changeSettings(ctx, user, {
    target: q.target, action: q.action, subject: q.subject, base, edit: q.edit, confirm: (q.values.confirm ?? '').split(',').filter(Boolean).slice(0, 500), locale,
  });
  const catalog = await ctx.catalog();
  switch (r.status) {
    case 'applied':
      return redirect(reply, `${q.done ?? q.page}?gespeichert=${r.kept.length}`);
    case 'unchanged':
      return redirect(reply, `${q.page}?gespeichert=keine`);
    case 'invalid':
      return sendPage(reply, q.render(withProblems(q.values, r.problems, q.refs, { s, locale, config: catalog.config }), base, catalog.config), 400);
    case 'conflicts': {
      const tz = catalog.config.organization.timezone;
      const conflicts = r.conflicts.map((c) => ({
        reference: c.reference,
        when: `${localDateOf(c.start, tz)} ${localTimeOf(c.start, tz)}`,
        office: catalog.offices.get(c.officeId)?.name ?? c.officeId,
        reason: `${s.reasons[c.reason] ?? c.reason}${c.serviceId ? ` (${catalog.services.get(c.serviceId)?.name[locale] ?? c.serviceId})` : ''}`,
      }));
      return sendPage(reply, q.render({ ...emptyState(q.values), conflicts }, base, catalog.config), 409);
    }
    case 'stale': {
      const fresh = await settingsForm(ctx, user, q.target);
      return sendPage(reply, q.render(emptyState(q.valuesOf(fresh.config), { kind: 'warning', text: s.common.stale }), fresh.version, fresh.config), 409);
    }
  }
}

/** The notice after Post/Redirect/Get: `?gespeichert=N` (N appointments kept as conflicts) or `=keine`. */
export function savedNotice(query: Record<string, string>, locale: 'de' | 'en'): FormState['notice'] {
  const s = settingsTexts(locale).common;
  const v = query.gespeichert;
  if (v === undefined) return undefined;
  if (v === 'keine') return { kind: 'info', text: s.unchanged };
  const n = Number(v);
  return n > 0 ? { kind: 'warning', text: s.kept(n) } : { kind: 'success', text: s.saved };
}
