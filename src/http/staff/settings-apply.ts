// Submitting a settings form: the change goes through changeSettings (the import's
// checks and the import itself); the answer is a redirect when saved (to the
// result page when appointments were moved or cancelled), or the form again with
// the problems next to the fields, the appointments it would strand (an office's:
// with a choice each, see stranded-form.ts; the calendar step for one of them),
// or the current values when someone else was faster.
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
import { choiceFields, nextPick, PICK_FIELDS, readPickSearch, readRowChoices, takePick, toChoices, type RowChoice } from './stranded-form.ts';
import { StrandedPickPage } from '../views/staff/stranded-pick-page.tsx';
import { strandedTexts } from '../views/staff/stranded-texts.ts';
import { outcomeUrl } from './plan-change-routes.ts';

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

/**
 * Submits (POST) or, with `pickGet`, shows the calendar step (GET, its links carry the form).
 * For an office: `c_REF` choices, `reason`; `step=pick|back` and `fuer` come from the calendar step.
 */
export async function submitSettings(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, q: SubmitSettings, pickGet?: { path: string }): Promise<FastifyReply> {
  const user = userOf(req);
  const { locale, t, frame } = staffEnv(req, reply);
  const s = settingsTexts(locale);
  const st = strandedTexts(locale);
  const base = q.values.version ?? '';
  const withChoices = 'office' in q.target;
  const rows: Map<string, RowChoice> = withChoices ? readRowChoices(q.values) : new Map();
  const step = q.values.step;
  // the calendar step: which appointment, and with which problem
  let pick: { ref: string; error?: 'choose' } | undefined;
  if (withChoices) {
    const fuer = (q.values.fuer ?? '').slice(0, 20);
    if (pickGet) {
      if (!rows.has(fuer)) rows.set(fuer, { c: 'calendar' });
      pick = { ref: fuer };
    } else if (takePick(rows, q.values) === 'choose') pick = { ref: fuer, error: 'choose' };
    else {
      // entering (the confirm button) or a time taken: the next appointment waiting for the calendar first
      const pending = step === 'pick' || (step === undefined && q.values.confirm) ? nextPick(rows) : undefined;
      if (pending) pick = { ref: pending };
    }
  }
  const search = readPickSearch(pickGet ? q.values : {});
  const r = await changeSettings(ctx, user, {
    target: q.target, action: q.action, subject: q.subject, base, edit: q.edit, confirm: (q.values.confirm ?? '').split(',').filter(Boolean).slice(0, 500), locale,
    choices: toChoices(rows), reason: q.values.reason ?? '',
    dryRun: step === 'pick' || step === 'back',
    pick: pick && { reference: pick.ref, search: { date: search.date ?? undefined, part: search.part, month: search.month } },
  });
  const catalog = await ctx.catalog();
  switch (r.status) {
    case 'applied':
      return redirect(reply, r.outcomeId && 'office' in q.target ? outcomeUrl(q.target.office, { relaned: 0, outcomes: [], outcomeId: r.outcomeId }) : `${q.done ?? q.page}?gespeichert=${r.kept.length}`);
    case 'unchanged':
      return redirect(reply, `${q.page}?gespeichert=keine`);
    case 'invalid':
      return sendPage(reply, q.render(withProblems(q.values, r.problems, q.refs, { s, locale, config: catalog.config }), base, catalog.config), 400);
    case 'conflicts': {
      if (r.picking && pick) {
        // the form's state without the calendar step's own fields and the confirmation (taken anew on the form)
        const state = Object.fromEntries(Object.entries(q.values).filter(([k, v]) => v !== '' && k !== 'confirm' && !PICK_FIELDS.includes(k) && !/^[ctp]_/.test(k)));
        const pending = [...rows].filter(([k, v]) => k !== pick!.ref && v.c === 'calendar').length;
        return sendPage(reply, StrandedPickPage({
          frame, appointment: r.picking.appointment, found: r.picking.found, search, state: { ...state, ...choiceFields(rows) },
          postAction: q.page, getAction: `${q.page}/zeit`, pending,
          error: pick.error ? t.bookPage.chooseTime : undefined, dayError: search.date === null ? t.bookPage.dayInvalid : undefined,
        }), pick.error || search.date === null ? 400 : 200);
      }
      const tz = catalog.config.organization.timezone;
      const conflicts = r.conflicts.map((c) => ({
        reference: c.reference,
        when: `${localDateOf(c.start, tz)} ${localTimeOf(c.start, tz)}`,
        office: catalog.offices.get(c.officeId)?.name ?? c.officeId,
        reason: `${s.reasons[c.reason] ?? c.reason}${c.serviceId ? ` (${catalog.services.get(c.serviceId)?.name[locale] ?? c.serviceId})` : ''}`,
      }));
      const chosen = new Map<string, RowChoice>(r.affected.map((a) => [a.reference, rows.get(a.reference) ?? { c: 'keep' }]));
      const reason = q.values.reason ?? st.settings.reasonDefault;
      const stranded = r.affected.length > 0 ? { affected: r.affected, chosen, reason, reasonError: r.reasonMissing ? st.settings.reasonRequired : undefined } : undefined;
      const state = { ...emptyState(q.values), conflicts, stranded };
      if (stranded?.reasonError) {
        state.errors = [{ id: 'reason', message: stranded.reasonError }];
        state.fieldErrors = { reason: stranded.reasonError };
      }
      return sendPage(reply, q.render(state, base, catalog.config), r.reasonMissing ? 400 : 409);
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
