// The staff API under /api/v1/staff: the day list, the nearest free times,
// phone/walk-in bookings, the counter actions (a no-show only after the office's
// grace) and cancelling on behalf (a reason is required: 422 naming the field); the counter queue (check-in,
// walk-ins, call next, the queue, and the actions on a ticket). Authenticated by the back-office session cookie or
// `Authorization: Bearer azs_…` (amtszeit user token); anonymous: 401 JSON.
// Errors are the API's JSON errors (http/errors.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import cookie from '@fastify/cookie';
import type { AppContext } from '../../app/context.ts';
import type { StaffUser } from '../../app/staff/access.ts';
import { bookForCaller } from '../../app/staff/book-for-caller.ts';
import { findFreeTimes } from '../../app/staff/find-free-times.ts';
import { getDay } from '../../app/staff/get-day.ts';
import { cancelOnBehalf } from '../../app/staff/cancel-on-behalf.ts';
import { recordAttendance } from '../../app/staff/record-attendance.ts';
import { resolveApiToken } from '../../app/staff/resolve-api-token.ts';
import { resolveSession } from '../../app/staff/resolve-session.ts';
import { DomainError, isDomainError } from '../../domain/errors.ts';
import { domainErrorBody } from '../errors.ts';
import { parseServicesParam, parseWith, queryString, requestLocale } from '../api/request.ts';
import { StaffAttendanceRequest, StaffBookRequest, StaffCancelRequest, StaffDeskRequest, StaffWalkInRequest } from './api-schemas.ts';
import { checkInAppointment } from '../../app/queue/check-in-appointment.ts';
import { createWalkIn } from '../../app/queue/create-walk-in.ts';
import { callNext } from '../../app/queue/call-next.ts';
import { getQueue } from '../../app/queue/get-queue.ts';
import { recallTicket } from '../../app/queue/recall-ticket.ts';
import { noShowTicket } from '../../app/queue/no-show-ticket.ts';
import { startTicket } from '../../app/queue/start-ticket.ts';
import { finishTicket } from '../../app/queue/finish-ticket.ts';
import { deferTicket } from '../../app/queue/defer-ticket.ts';
import { transferTicket } from '../../app/queue/transfer-ticket.ts';
import type { TicketQuery } from '../../app/queue/ticket-action.ts';
import type { TicketView } from '../../app/queue/queue-office.ts';
import { STAFF_COOKIE } from './staff-page.ts';

declare module 'fastify' {
  interface FastifyRequest {
    apiStaffUser: StaffUser | null;
  }
}

export async function registerStaffApi(app: FastifyInstance, ctx: AppContext, write: RouteShorthandOptions): Promise<void> {
  await app.register(async (api) => {
    await api.register(cookie);
    api.decorateRequest('apiStaffUser', null);
    api.addHook('preHandler', async (req, reply) => {
      const auth = req.headers.authorization;
      const bearer = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
      req.apiStaffUser = bearer ? await resolveApiToken(ctx, bearer) : await resolveSession(ctx, req.cookies[STAFF_COOKIE]);
      if (!req.apiStaffUser) {
        return reply.status(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized', message: 'Log in at /staff or send an API token.' });
      }
    });
    const user = (req: FastifyRequest): StaffUser => req.apiStaffUser!;

    api.get('/api/v1/staff/day', async (req) => {
      const office = queryString(req, 'office');
      if (!office) throw new DomainError('validation', { fields: { office: { key: 'office.required' } } });
      return getDay(ctx, user(req), { office, date: queryString(req, 'date'), locale: requestLocale(req) });
    });

    api.get('/api/v1/staff/free-times', async (req) => {
      const office = queryString(req, 'office');
      if (!office) throw new DomainError('validation', { fields: { office: { key: 'office.required' } } });
      const channel = queryString(req, 'channel') === 'counter' ? 'counter' : 'phone';
      return findFreeTimes(ctx, user(req), { office, services: parseServicesParam(queryString(req, 'services')), channel });
    });

    api.post('/api/v1/staff/appointments', write, async (req, reply) => {
      const body = parseWith(StaffBookRequest, req.body);
      const appointment = await bookForCaller(ctx, user(req), {
        office: body.office, services: body.services, startsAt: body.startsAt, channel: body.channel,
        contact: { name: body.contact.name, email: body.contact.email ?? '', phone: body.contact.phone ?? '' },
        locale: body.locale ?? requestLocale(req),
      });
      return reply.status(201).send(appointment);
    });

    const reference = (req: FastifyRequest) => String((req.params as { reference?: unknown }).reference ?? '');

    api.post('/api/v1/staff/appointments/:reference/attendance', write, async (req, reply) => {
      const body = parseWith(StaffAttendanceRequest, req.body);
      const locale = requestLocale(req);
      try {
        const { undeliveredMails: _u, ...a } = await recordAttendance(ctx, user(req), { reference: reference(req), status: body.status, locale });
        return a;
      } catch (e) {
        // refused: the reason in words is the message ("Nicht erschienen kann ab 09:45 Uhr erfasst werden.")
        if (isDomainError(e) && e.code === 'not_allowed' && e.details.fields?.status) {
          const { status, body: answer } = domainErrorBody(e, locale);
          return reply.status(status).send({ ...answer, message: answer.fields?.status ?? answer.message });
        }
        throw e;
      }
    });

    api.post('/api/v1/staff/appointments/:reference/cancel', write, async (req) => {
      const body = parseWith(StaffCancelRequest, req.body);
      const { undeliveredMails: _u, ...a } = await cancelOnBehalf(ctx, user(req), { reference: reference(req), reason: body.reason, locale: requestLocale(req) });
      return a;
    });

    // ------------------------------------------------------ the counter queue
    // A refusal's reason in words is the message ("Zu früh: Die Anmeldung ist ab 09:15 Uhr möglich.").
    const withReason = async <T>(req: FastifyRequest, reply: FastifyReply, run: () => Promise<T>): Promise<T | FastifyReply> => {
      try {
        return await run();
      } catch (e) {
        if (isDomainError(e) && e.details.fields) {
          const { status, body: answer } = domainErrorBody(e, requestLocale(req));
          const first = Object.values(answer.fields ?? {})[0];
          return reply.status(status).send({ ...answer, message: first ?? answer.message });
        }
        throw e;
      }
    };
    const officeParam = (req: FastifyRequest) => String((req.params as { officeId?: unknown }).officeId ?? '');

    api.post('/api/v1/staff/appointments/:reference/check-in', write, async (req, reply) =>
      withReason(req, reply, async () => reply.status(201).send(await checkInAppointment(ctx, user(req), { reference: reference(req), locale: requestLocale(req) }))));

    api.get('/api/v1/staff/queue/:officeId', async (req, reply) =>
      withReason(req, reply, () => getQueue(ctx, user(req), { office: officeParam(req), locale: requestLocale(req) })));

    api.post('/api/v1/staff/queue/:officeId/walk-ins', write, async (req, reply) =>
      withReason(req, reply, async () => {
        const body = parseWith(StaffWalkInRequest, req.body);
        return reply.status(201).send(await createWalkIn(ctx, user(req), { office: officeParam(req), concerns: body.concerns, locale: requestLocale(req) }));
      }));

    api.post('/api/v1/staff/queue/:officeId/call-next', write, async (req, reply) =>
      withReason(req, reply, async () => {
        const body = parseWith(StaffDeskRequest, req.body);
        return callNext(ctx, user(req), { office: officeParam(req), desk: body.desk, locale: requestLocale(req) });
      }));

    const ticketQuery = (req: FastifyRequest): TicketQuery => ({
      office: officeParam(req), ticket: String((req.params as { ticket?: unknown }).ticket ?? ''), locale: requestLocale(req),
    });
    const actions: Record<string, (c: AppContext, u: StaffUser, q: TicketQuery) => Promise<TicketView>> = {
      recall: recallTicket, 'no-show': noShowTicket, start: startTicket, finish: finishTicket, defer: deferTicket,
    };
    for (const [name, run] of Object.entries(actions)) {
      api.post(`/api/v1/staff/queue/:officeId/tickets/:ticket/${name}`, write, async (req, reply) =>
        withReason(req, reply, () => run(ctx, user(req), ticketQuery(req))));
    }
    api.post('/api/v1/staff/queue/:officeId/tickets/:ticket/transfer', write, async (req, reply) =>
      withReason(req, reply, async () => {
        const body = parseWith(StaffDeskRequest, req.body);
        return transferTicket(ctx, user(req), { ...ticketQuery(req), desk: body.desk });
      }));
  });
}
