// Settings (/staff/einstellungen): the overview, an office's opening hours,
// booking rules and details (its leads and admins), and the audit log
// (/staff/protokoll: admins, and leads for their offices). Concerns are in settings-concerns.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { settingsForm } from '../../app/staff/change-settings.ts';
import { listAudit } from '../../app/staff/list-audit.ts';
import { canEditConcerns, settingsOffices } from '../../app/staff/settings-access.ts';
import { DomainError } from '../../domain/errors.ts';
import type { OrgConfig } from '../../domain/types.ts';
import { formBody, sendPage } from '../web/page.ts';
import { AuditLogPage } from '../views/staff/audit-page.tsx';
import { HoursPage } from '../views/staff/settings-hours-page.tsx';
import { DetailsPage, RulesPage } from '../views/staff/settings-office-page.tsx';
import { emptyState, SettingsOverviewPage, type FormState } from '../views/staff/settings-page.tsx';
import { settingsTexts, type SettingsTexts } from '../views/staff/settings-texts.ts';
import type { StaffDeps } from './plugin.ts';
import { savedNotice, submitSettings } from './settings-apply.ts';
import { registerConcernSettings } from './settings-concerns.ts';
import type { FieldRef } from './settings-form.ts';
import { hoursEdit, hoursValues } from './settings-hours.ts';
import { bookingEdit, bookingValues, detailEdit, detailValues } from './settings-office.ts';
import { query, staffEnv, userOf } from './staff-page.ts';
import type { RawConfig } from '../../config/raw.ts';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { StaffFrame } from '../views/staff/staff-layout.tsx';

/** One page of an office's settings: how its values come from the config, how the form changes it, how it looks. */
interface OfficeSection {
  path: string;
  action: string;
  values: (config: OrgConfig, officeId: string) => Record<string, string>;
  edit: (v: Record<string, string>, config: OrgConfig, officeId: string, index: number, s: SettingsTexts) => { edit: (raw: RawConfig) => void; refs: FieldRef[] };
  render: (frame: StaffFrame, office: { id: string; name: string }, version: string, state: FormState, config: OrgConfig) => JSX.Element;
}

const office = (config: OrgConfig, id: string) => config.offices.find((o) => o.id === id)!;

const SECTIONS: OfficeSection[] = [
  {
    path: 'zeiten', action: 'settings.office.hours',
    values: (c, id) => hoursValues(office(c, id)),
    edit: (v, _c, id, i, s) => hoursEdit(v, id, i, s),
    render: (frame, o, version, state) => HoursPage({ frame, office: o, version, state }),
  },
  {
    path: 'regeln', action: 'settings.office.booking',
    values: (c, id) => bookingValues(office(c, id)),
    edit: (v, _c, id, i, s) => bookingEdit(v, id, i, s),
    render: (frame, o, version, state) => RulesPage({ frame, office: o, version, state }),
  },
  {
    path: 'angaben', action: 'settings.office.details',
    values: (c, id) => detailValues(office(c, id)),
    edit: (v, c, id, i, s) => detailEdit(v, c, id, i, s),
    render: (frame, o, version, state, config) => DetailsPage({
      frame, office: o, version, state, services: config.services.map((x) => ({ id: x.id, name: x.name[frame.locale] })),
    }),
  },
];

const officeParam = (req: FastifyRequest) => ((req.params as { office?: string }).office ?? '').slice(0, 64);

export function registerSettingsRoutes(app: FastifyInstance, deps: StaffDeps): void {
  const { ctx, write } = deps;

  app.get('/staff/einstellungen', async (req, reply) => {
    const user = userOf(req);
    const catalog = await ctx.catalog();
    const offices = settingsOffices(user, catalog);
    if (offices.length === 0 && !canEditConcerns(user)) throw new DomainError('not_found');
    const { frame } = staffEnv(req, reply);
    return sendPage(reply, SettingsOverviewPage({
      frame, concerns: canEditConcerns(user), offices: offices.map((id) => ({ id, name: catalog.offices.get(id)?.name ?? id })),
    }));
  });

  for (const section of SECTIONS) {
    const url = `/staff/einstellungen/amt/:office/${section.path}`;
    app.get(url, async (req, reply) => {
      const officeId = officeParam(req);
      const { config, version } = await settingsForm(ctx, userOf(req), { office: officeId });
      const { frame, locale } = staffEnv(req, reply);
      const state = emptyState(section.values(config, officeId), savedNotice(query(req), locale));
      return sendPage(reply, section.render(frame, { id: officeId, name: office(config, officeId).name }, version, state, config));
    });

    /** Submits the form (POST), or shows the calendar step for one stranded appointment (GET `…/zeit`, the form in its query). */
    const submit = async (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, pickGet?: boolean) => {
      const officeId = officeParam(req);
      const { config } = await settingsForm(ctx, userOf(req), { office: officeId });
      const { frame, locale } = staffEnv(req, reply);
      const index = config.offices.findIndex((o) => o.id === officeId);
      const { edit, refs } = section.edit(values, config, officeId, index, settingsTexts(locale));
      const page = `/staff/einstellungen/amt/${encodeURIComponent(officeId)}/${section.path}`;
      return submitSettings(ctx, req, reply, {
        target: { office: officeId }, action: section.action, subject: { office: officeId }, values, edit, refs, page,
        valuesOf: (c) => section.values(c, officeId),
        render: (state, version, c) => section.render(frame, { id: officeId, name: c.offices.find((o) => o.id === officeId)?.name ?? officeId }, version, state, c),
      }, pickGet ? { path: `${page}/zeit` } : undefined);
    };

    app.post(url, { ...write, preHandler: app.csrfProtection }, async (req, reply) => submit(req, reply, formBody(req)));
    app.get(`${url}/zeit`, async (req, reply) => submit(req, reply, query(req), true));
  }

  registerConcernSettings(app, deps);

  app.get('/staff/protokoll', async (req, reply) => {
    const q = query(req);
    const { frame, locale } = staffEnv(req, reply);
    const data = await listAudit(ctx, userOf(req), {
      from: q.from, to: q.to, person: q.person, action: q.action, office: q.office, page: Number(q.seite) || 1, locale,
    });
    return sendPage(reply, AuditLogPage({ frame, data }), Object.keys(data.problems).length > 0 ? 400 : 200);
  });
}
