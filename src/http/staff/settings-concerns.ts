// Concerns (admins only; organization-wide): the list, editing one, adding one, removing one.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { settingsForm } from '../../app/staff/change-settings.ts';
import { DomainError } from '../../domain/errors.ts';
import type { OrgConfig } from '../../domain/types.ts';
import { formBody, sendPage } from '../web/page.ts';
import { ConcernListPage, ConcernPage, ConcernRemovePage } from '../views/staff/settings-concern-page.tsx';
import { emptyState } from '../views/staff/settings-page.tsx';
import { settingsTexts } from '../views/staff/settings-texts.ts';
import type { StaffDeps } from './plugin.ts';
import { savedNotice, submitSettings } from './settings-apply.ts';
import { concernEdit, concernRemove, concernValues } from './settings-concern.ts';
import { query, staffEnv, userOf } from './staff-page.ts';

const CONCERNS = { concerns: true } as const;
const idParam = (req: FastifyRequest) => ((req.params as { id?: string }).id ?? '').slice(0, 64);
const LIST = '/staff/einstellungen/anliegen';

function requireConcern(config: OrgConfig, id: string) {
  const s = config.services.find((x) => x.id === id);
  if (!s) throw new DomainError('not_found');
  return s;
}

export function registerConcernSettings(app: FastifyInstance, { ctx, write }: StaffDeps): void {
  const offices = (config: OrgConfig) => config.offices.map((o) => ({ id: o.id, name: o.name }));

  app.get(LIST, async (req, reply) => {
    const { config } = await settingsForm(ctx, userOf(req), CONCERNS);
    const { frame, locale } = staffEnv(req, reply);
    const rows = config.services.map((s) => ({
      id: s.id, name: s.name[locale], area: s.area[locale], minutes: s.minutes,
      offices: config.offices.filter((o) => o.services.includes(s.id)).map((o) => o.name),
    }));
    return sendPage(reply, ConcernListPage({ frame, rows, notice: savedNotice(query(req), locale) }));
  });

  // adding
  const NEW = '/staff/einstellungen/neues-anliegen';
  app.get(NEW, async (req, reply) => {
    const { config, version } = await settingsForm(ctx, userOf(req), CONCERNS);
    const { frame } = staffEnv(req, reply);
    const title = settingsTexts(frame.locale).concerns.newTitle;
    return sendPage(reply, ConcernPage({ frame, title, version, state: emptyState({ 's-maxQuantity': '1' }), offices: offices(config) }));
  });
  app.post(NEW, { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const { config } = await settingsForm(ctx, userOf(req), CONCERNS);
    const { frame, locale } = staffEnv(req, reply);
    const s = settingsTexts(locale);
    const values = formBody(req);
    const { edit, refs, serviceId } = concernEdit(values, config, undefined, s);
    return submitSettings(ctx, req, reply, {
      target: CONCERNS, action: 'settings.service.add', subject: { service: serviceId }, values, edit, refs,
      page: NEW, done: `${LIST}/${encodeURIComponent(serviceId)}`,
      valuesOf: () => ({ ...values }),
      render: (state, version, c) => ConcernPage({ frame, title: s.concerns.newTitle, version, state, offices: offices(c) }),
    });
  });

  // editing
  app.get(`${LIST}/:id`, async (req, reply) => {
    const { config, version } = await settingsForm(ctx, userOf(req), CONCERNS);
    const id = idParam(req);
    const service = requireConcern(config, id);
    const { frame, locale } = staffEnv(req, reply);
    const title = settingsTexts(locale).concerns.editTitle(service.name[locale]);
    const state = emptyState(concernValues(service, config), savedNotice(query(req), locale));
    return sendPage(reply, ConcernPage({ frame, id, title, version, state, offices: offices(config) }));
  });
  app.post(`${LIST}/:id`, { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const { config } = await settingsForm(ctx, userOf(req), CONCERNS);
    const id = idParam(req);
    const service = requireConcern(config, id);
    const { frame, locale } = staffEnv(req, reply);
    const s = settingsTexts(locale);
    const values = formBody(req);
    const { edit, refs } = concernEdit(values, config, id, s);
    const title = s.concerns.editTitle(service.name[locale]);
    return submitSettings(ctx, req, reply, {
      target: CONCERNS, action: 'settings.service.update', subject: { service: id }, values, edit, refs,
      page: `${LIST}/${encodeURIComponent(id)}`,
      valuesOf: (c) => concernValues(c.services.find((x) => x.id === id), c),
      render: (state, version, c) => ConcernPage({ frame, id, title, version, state, offices: offices(c) }),
    });
  });

  // removing
  app.get(`${LIST}/:id/entfernen`, async (req, reply) => {
    const { config, version } = await settingsForm(ctx, userOf(req), CONCERNS);
    const id = idParam(req);
    const service = requireConcern(config, id);
    const { frame, locale } = staffEnv(req, reply);
    return sendPage(reply, ConcernRemovePage({ frame, id, name: service.name[locale], version, state: emptyState({}) }));
  });
  app.post(`${LIST}/:id/entfernen`, { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const { config } = await settingsForm(ctx, userOf(req), CONCERNS);
    const id = idParam(req);
    const service = requireConcern(config, id);
    const { frame, locale } = staffEnv(req, reply);
    const values = formBody(req);
    const { edit, refs } = concernRemove(config, id, settingsTexts(locale));
    return submitSettings(ctx, req, reply, {
      target: CONCERNS, action: 'settings.service.remove', subject: { service: id }, values, edit, refs,
      page: `${LIST}/${encodeURIComponent(id)}/entfernen`, done: LIST,
      valuesOf: () => ({}),
      render: (state, version) => ConcernRemovePage({ frame, id, name: service.name[locale], version, state }),
    });
  });
}
