// The counter view (/staff/schalter?office=…&platz=…): a clerk at a desk calls
// the next citizen, acts on the ticket called to the desk (again, begin, done,
// not there, put back, pass to another desk), records a booked citizen's
// arrival and gives walk-in tickets. Plain forms with CSRF; a success is
// Post/Redirect/Get back to the desk with what happened (the number shown big);
// a refusal shows the page again with the reason in words (at the field where
// there is one), never a 500. Staff of the office only: another office is 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { userOffices, type StaffUser } from '../../app/staff/access.ts';
import { getQueue } from '../../app/queue/get-queue.ts';
import { callNext } from '../../app/queue/call-next.ts';
import { checkInAppointment } from '../../app/queue/check-in-appointment.ts';
import { createWalkIn } from '../../app/queue/create-walk-in.ts';
import { recallTicket } from '../../app/queue/recall-ticket.ts';
import { startTicket } from '../../app/queue/start-ticket.ts';
import { finishTicket } from '../../app/queue/finish-ticket.ts';
import { noShowTicket } from '../../app/queue/no-show-ticket.ts';
import { deferTicket } from '../../app/queue/defer-ticket.ts';
import { transferTicket } from '../../app/queue/transfer-ticket.ts';
import type { TicketQuery } from '../../app/queue/ticket-action.ts';
import type { TicketView } from '../../app/queue/queue-office.ts';
import type { AppContext } from '../../app/context.ts';
import { DomainError, isDomainError } from '../../domain/errors.ts';
import type { Locale } from '../../domain/types.ts';
import { localTimeOf } from '../../domain/time.ts';
import { message } from '../messages.ts';
import { formBody, redirect, sendPage } from '../web/page.ts';
import { DeskPage, type DeskNotice } from '../views/staff/desk-page.tsx';
import { deskTexts } from '../views/staff/desk-texts.ts';
import type { FormError } from '../views/staff/admin-parts.tsx';
import type { StaffDeps } from './plugin.ts';
import { query, staffEnv, userOf } from './staff-page.ts';

const NUMBER = /^[A-Z]\d{1,5}$/;
const ACTIONS: Record<string, (c: AppContext, u: StaffUser, q: TicketQuery) => Promise<TicketView>> = {
  recall: recallTicket, start: startTicket, finish: finishTicket, 'no-show': noShowTicket, defer: deferTicket,
};

interface Shown { notice?: DeskNotice; errors?: FormError[]; reference?: string; quantities?: Record<string, string> }

/** The first field message of a refusal in words, or undefined for other errors. */
function refusal(e: unknown, locale: Locale): { field: string; text: string } | undefined {
  if (!isDomainError(e) || (e.code === 'not_found' && !e.details.fields)) return undefined;
  const [field, p] = Object.entries(e.details.fields ?? {})[0] ?? [];
  if (!field || !p) return undefined;
  return { field, text: message(p.key, locale, p.params) };
}

export function registerDeskRoutes(app: FastifyInstance, { ctx, write }: StaffDeps): void {
  const deskUrl = (office: string, platz: string, extra = '') =>
    `/staff/schalter?office=${encodeURIComponent(office)}&platz=${encodeURIComponent(platz)}${extra}`;

  /** The page for this office and desk, with what the handler has to say. */
  async function show(req: FastifyRequest, reply: FastifyReply, officeId: string, platz: string, shown: Shown, status = 200): Promise<FastifyReply> {
    const user = userOf(req);
    const { locale, frame } = staffEnv(req, reply);
    const catalog = await ctx.catalog();
    const queue = await getQueue(ctx, user, { office: officeId, locale });
    const office = catalog.offices.get(queue.office.id)!;
    const errors = [...(shown.errors ?? [])];
    const known = queue.desks.some((x) => x.id === platz);
    if (platz && !known) {
      errors.unshift({ id: 'platz', message: message('queue.desk.unknown', locale, { desks: queue.desks.map((x) => x.id).join(', ') }) });
      if (status === 200) status = 400;
    }
    return sendPage(reply, DeskPage({
      frame, queue, tz: catalog.config.organization.timezone, desk: known ? platz : '',
      offices: userOffices(user, catalog).map((id) => ({ id, name: catalog.offices.get(id)?.name ?? id })),
      services: office.services.flatMap((id) => {
        const s = catalog.services.get(id);
        return s ? [{ id, name: s.name[locale], max: s.maxQuantity }] : [];
      }),
      notice: shown.notice, errors, reference: shown.reference, quantities: shown.quantities,
      asOf: localTimeOf(ctx.now(), catalog.config.organization.timezone),
    }), status);
  }

  app.get('/staff/schalter', async (req, reply) => {
    const user = userOf(req);
    const q = query(req);
    const officeId = q.office || userOffices(user, await ctx.catalog())[0];
    if (!officeId) throw new DomainError('not_found');
    const d = deskTexts(staffEnv(req, reply).locale);
    const nr = NUMBER.test(q.nr ?? '') ? q.nr! : '';
    let notice: DeskNotice | undefined;
    if (q.ok === 'nobody') notice = { kind: 'info', text: d.nobody };
    else if (nr && q.ok === 'called') notice = { kind: 'success', text: d.called(nr), big: nr };
    else if (nr && q.ok === 'checkin') notice = { kind: 'success', text: d.checkedIn(nr), big: nr, hint: d.tellCitizen };
    else if (nr && q.ok === 'walkin') notice = { kind: 'success', text: d.newTicket(nr), big: nr, hint: d.tellCitizen };
    else if (nr && q.ok === 'transfer') notice = { kind: 'success', text: d.done.transfer(nr, (q.an ?? '').slice(0, 60)) };
    else if (nr && (q.ok === 'recall' || q.ok === 'start' || q.ok === 'finish' || q.ok === 'no-show' || q.ok === 'defer')) notice = { kind: 'success', text: d.done[q.ok](nr) };
    return show(req, reply, officeId, (q.platz ?? '').slice(0, 60), { notice });
  });

  const post = { ...write, preHandler: app.csrfProtection };
  const form = (req: FastifyRequest) => {
    const body = formBody(req);
    return { body, office: (body.office ?? '').slice(0, 60), platz: (body.platz ?? '').slice(0, 60) };
  };

  app.post('/staff/schalter/aufrufen', post, async (req, reply) => {
    const user = userOf(req);
    const { office, platz } = form(req);
    const { locale } = staffEnv(req, reply);
    try {
      const { ticket } = await callNext(ctx, user, { office, desk: platz, locale });
      return redirect(reply, deskUrl(office, platz, ticket ? `&ok=called&nr=${ticket.number}` : '&ok=nobody'));
    } catch (e) {
      const r = refusal(e, locale);
      if (!r) throw e;
      return show(req, reply, office, platz, { errors: [{ id: 'platz', message: r.text }] }, 422);
    }
  });

  app.post('/staff/schalter/aktion', post, async (req, reply) => {
    const user = userOf(req);
    const { body, office, platz } = form(req);
    const { locale } = staffEnv(req, reply);
    const d = deskTexts(locale);
    const nr = (body.nummer ?? '').slice(0, 10).toUpperCase();
    const action = body.aktion ?? '';
    const queue = await getQueue(ctx, user, { office, locale });
    const atDesk = [...queue.called, ...queue.serving].some((t) => t.number === nr && t.desk?.id === platz);
    if (!NUMBER.test(nr) || !atDesk || !(action in ACTIONS || action === 'transfer')) {
      return show(req, reply, office, platz, { notice: { kind: 'warning', text: d.notAtDesk(NUMBER.test(nr) ? nr : '?') } }, 409);
    }
    const q: TicketQuery = { office, ticket: nr, locale };
    try {
      if (action === 'transfer') {
        const t = await transferTicket(ctx, user, { ...q, desk: (body.ziel ?? '').slice(0, 60) });
        return redirect(reply, deskUrl(office, platz, `&ok=transfer&nr=${t.number}&an=${encodeURIComponent(t.desk?.name ?? '')}`));
      }
      const t = await ACTIONS[action]!(ctx, user, q);
      return redirect(reply, deskUrl(office, platz, `&ok=${action}&nr=${t.number}`));
    } catch (e) {
      const r = refusal(e, locale);
      if (!r) throw e;
      if (r.field === 'desk') return show(req, reply, office, platz, { errors: [{ id: `ziel-${nr}`, message: r.text }] }, 422);
      return show(req, reply, office, platz, { notice: { kind: 'warning', text: r.text } }, 409);
    }
  });

  app.post('/staff/schalter/ankunft', post, async (req, reply) => {
    const user = userOf(req);
    const { body, office, platz } = form(req);
    const { locale } = staffEnv(req, reply);
    const d = deskTexts(locale);
    const reference = (body.referenz ?? '').trim().slice(0, 40);
    const refused = (text: string, status: number) => show(req, reply, office, platz, { errors: [{ id: 'referenz', message: text }], reference }, status);
    if (!reference) return refused(d.referenceMissing, 422);
    try {
      const t = await checkInAppointment(ctx, user, { reference, locale });
      return redirect(reply, deskUrl(office, platz, `&ok=checkin&nr=${t.number}`));
    } catch (e) {
      if (isDomainError(e) && e.code === 'not_found') return refused(d.referenceUnknown, 422);
      const r = refusal(e, locale);
      if (!r) throw e;
      return refused(r.text, 409);
    }
  });

  app.post('/staff/schalter/wartemarke', post, async (req, reply) => {
    const user = userOf(req);
    const { body, office, platz } = form(req);
    const { locale } = staffEnv(req, reply);
    const d = deskTexts(locale);
    const quantities: Record<string, string> = {};
    const concerns: { id: string; quantity: number }[] = [];
    let bad = false;
    for (const [k, v] of Object.entries(body)) {
      if (!k.startsWith('q_')) continue;
      const id = k.slice(2, 80);
      const raw = v.trim().slice(0, 6);
      quantities[id] = raw;
      if (raw === '' || raw === '0') continue;
      if (!/^\d{1,3}$/.test(raw)) bad = true;
      else concerns.push({ id, quantity: Number(raw) });
    }
    const refused = (text: string, status: number) => show(req, reply, office, platz, { errors: [{ id: 'anliegen', message: text }], quantities }, status);
    if (bad) return refused(d.badQuantity, 422);
    if (concerns.length === 0) return refused(d.noConcern, 422);
    try {
      const t = await createWalkIn(ctx, user, { office, concerns, locale });
      return redirect(reply, deskUrl(office, platz, `&ok=walkin&nr=${t.number}`));
    } catch (e) {
      const r = refusal(e, locale);
      if (!r) throw e;
      return refused(r.text, r.field === 'office' ? 409 : 422);
    }
  });
}
