// The manage pages behind the e-mail's link `/termin/REF?token=…`: see the
// appointment, cancel it (with a confirmation step), confirm a pending one,
// move it with the same calendar (atomic via rescheduleAppointment), and
// download it as a calendar file.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appointmentCalendar } from '../../app/appointment-calendar.ts';
import type { AppointmentView } from '../../app/appointment-view.ts';
import { cancelAppointment } from '../../app/cancel-appointment.ts';
import { confirmAppointment } from '../../app/confirm-appointment.ts';
import { getAppointment } from '../../app/get-appointment.ts';
import { movingAppointment } from '../../app/moving-appointment.ts';
import { rescheduleAppointment } from '../../app/reschedule-appointment.ts';
import { DomainError, isDomainError } from '../../domain/errors.ts';
import type { Texts } from '../views/texts.ts';
import { CancelPage, ConfirmPage, ManagePage, MovePage, NoTokenPage, type ManagedAppointment } from '../views/pages/manage-pages.tsx';
import { csrfToken, formBody, pageEnv, redirect, sendPage } from './page.ts';
import type { WebDeps } from './plugin.ts';
import { buildTimeChoice } from './time-choice.ts';
import { bringLines } from './steps/review.ts';

export function manageUrls(reference: string, token: string) {
  const ref = encodeURIComponent(reference);
  const tk = encodeURIComponent(token);
  return {
    self: `/termin/${ref}?token=${tk}`,
    cancel: `/termin/${ref}/absagen?token=${tk}`,
    move: `/termin/${ref}/verschieben?token=${tk}`,
    ics: `/termin/${ref}/kalender.ics?token=${tk}`,
    confirm: `/termin/${ref}/bestaetigen`,
  };
}

function tokenOf(req: FastifyRequest, from: 'query' | 'body'): string {
  const src = from === 'query' ? (req.query as Record<string, unknown>) : (req.body as Record<string, unknown> | undefined) ?? {};
  const t = src.token;
  if (typeof t !== 'string' || t.length === 0 || t.length > 200) throw new DomainError('not_found');
  return t;
}

const refOf = (req: FastifyRequest) => {
  const r = (req.params as { reference: string }).reference;
  if (r.length > 20) throw new DomainError('not_found');
  return r;
};

async function managed(deps: WebDeps, a: AppointmentView, token: string, t: Texts): Promise<ManagedAppointment> {
  const catalog = await deps.ctx.catalog();
  const office = catalog.offices.get(a.office);
  return {
    reference: a.reference,
    status: a.status,
    startsAt: a.startsAt,
    office: { name: office?.name ?? a.office, address: office?.address ?? '' },
    concerns: a.services.map((s) => ({ name: s.name, quantity: s.quantity })),
    documents: bringLines(t, a.services),
    contact: { name: a.contact.name, email: a.contact.email },
    urls: manageUrls(a.reference, token),
    token,
  };
}

const NOTICES = { abgesagt: 'cancelled', verschoben: 'moved', bestaetigt: 'confirmed' } as const;
const PROBLEMS = { too_late: 'tooLate', not_allowed: 'notAllowed', expired: 'notAllowed' } as const;

function notice(t: Texts, q: Record<string, unknown>): string | undefined {
  const k = typeof q.ok === 'string' ? NOTICES[q.ok as keyof typeof NOTICES] : undefined;
  return k ? t.manage[k] : undefined;
}

function problem(t: Texts, q: Record<string, unknown>): string | undefined {
  const k = typeof q.problem === 'string' ? PROBLEMS[q.problem as keyof typeof PROBLEMS] : undefined;
  return k ? t.manage[k] : undefined;
}

export function registerManagePages(app: FastifyInstance, deps: WebDeps): void {
  const { ctx, write } = deps;
  const post = { ...write, preHandler: app.csrfProtection };

  app.get('/termin/:reference', async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    if (!(req.query as Record<string, unknown>).token) return sendPage(reply, NoTokenPage({ frame: env.frame }));
    const token = tokenOf(req, 'query');
    const a = await getAppointment(ctx, { reference: refOf(req), token, locale: env.locale });
    const q = req.query as Record<string, unknown>;
    return sendPage(reply, ManagePage({
      frame: env.frame, csrf: csrfToken(reply), a: await managed(deps, a, token, env.t), notice: notice(env.t, q), problem: problem(env.t, q),
    }));
  });

  app.get('/termin/:reference/absagen', async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const token = tokenOf(req, 'query');
    const a = await getAppointment(ctx, { reference: refOf(req), token, locale: env.locale });
    const m = await managed(deps, a, token, env.t);
    if (a.status !== 'booked' && a.status !== 'pending') return redirect(reply, m.urls.self);
    return sendPage(reply, CancelPage({ frame: env.frame, csrf: csrfToken(reply), a: m }));
  });

  app.get('/termin/:reference/bestaetigen', async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const token = tokenOf(req, 'query');
    const a = await getAppointment(ctx, { reference: refOf(req), token, locale: env.locale });
    const m = await managed(deps, a, token, env.t);
    if (a.status !== 'pending') return redirect(reply, m.urls.self);
    return sendPage(reply, ConfirmPage({ frame: env.frame, csrf: csrfToken(reply), a: m }));
  });

  const act = (fn: (reference: string, token: string, locale: 'de' | 'en') => Promise<unknown>, ok: string) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      const env = await pageEnv(ctx, req, reply);
      const token = tokenOf(req, 'body');
      const reference = refOf(req);
      const self = manageUrls(reference, token).self;
      try {
        await fn(reference, token, env.locale);
        return redirect(reply, `${self}&ok=${ok}`);
      } catch (e) {
        if (isDomainError(e) && e.code in PROBLEMS) return redirect(reply, `${self}&problem=${e.code}`);
        throw e;
      }
    };
  app.post('/termin/:reference/absagen', post, act((reference, token, locale) => cancelAppointment(ctx, { reference, token, locale }), 'abgesagt'));
  app.post('/termin/:reference/bestaetigen', post, act((reference, token, locale) => confirmAppointment(ctx, { reference, token, locale }), 'bestaetigt'));

  app.get('/termin/:reference/verschieben', async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const token = tokenOf(req, 'query');
    const a = await getAppointment(ctx, { reference: refOf(req), token, locale: env.locale });
    const m = await managed(deps, a, token, env.t);
    if (a.status !== 'booked' && a.status !== 'pending') return redirect(reply, m.urls.self);
    const q = req.query as Record<string, unknown>;
    const choice = await buildTimeChoice(ctx, {
      office: a.office,
      services: a.services.map((s) => ({ id: s.id, quantity: s.quantity })),
      query: q,
      base: m.urls.move,
      action: `/termin/${encodeURIComponent(a.reference)}/verschieben`,
      earliestAction: `/termin/${encodeURIComponent(a.reference)}/verschieben`,
      hidden: { token },
      submitLabel: env.t.manage.moveSubmit,
      earliestLabel: env.t.manage.moveEarliest,
      except: await movingAppointment(ctx, { reference: refOf(req), token }),
      errors: q.fehler === 'vergeben' ? [{ id: 'zeiten', message: env.t.calendar.errTaken }] : q.fehler === 'zeit' ? [{ id: 'zeiten', message: env.t.calendar.errTime }] : [],
    });
    return sendPage(reply, MovePage({ frame: env.frame, csrf: csrfToken(reply), a: m, choice }));
  });

  app.post('/termin/:reference/verschieben', post, async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const token = tokenOf(req, 'body');
    const reference = refOf(req);
    const urls = manageUrls(reference, token);
    const body = formBody(req);
    const day = /^\d{4}-\d{2}-\d{2}$/.test(body.date ?? '') ? body.date : undefined;
    const back = (fehler: string) => `${urls.move}${day ? `&monat=${day.slice(0, 7)}&tag=${day}` : ''}&fehler=${fehler}#zeiten`;
    const startsAt = body.startsAt || body.startsAtList;
    if (!startsAt) return redirect(reply, back('zeit'));
    try {
      await rescheduleAppointment(ctx, { reference, token, startsAt, locale: env.locale });
      return redirect(reply, `${urls.self}&ok=verschoben`);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      if (e.code === 'slot_unavailable') return redirect(reply, back('vergeben'));
      if (e.code === 'validation') return redirect(reply, back('zeit'));
      if (e.code in PROBLEMS) return redirect(reply, `${urls.self}&problem=${e.code}`);
      throw e;
    }
  });

  app.get('/termin/:reference/kalender.ics', async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const file = await appointmentCalendar(ctx, { reference: refOf(req), token: tokenOf(req, 'query'), locale: env.locale });
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .type('text/calendar; charset=utf-8')
      .send(file.content);
  });
}
