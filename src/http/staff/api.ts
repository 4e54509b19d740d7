// The staff API under /api/v1/staff: the day list, the nearest free times,
// phone/walk-in bookings, the counter actions (a no-show only after the office's
// grace) and cancelling on behalf (a reason is required: 422 naming the field). Authenticated by the back-office session cookie or
// `Authorization: Bearer azs_…` (amtszeit user token); anonymous: 401 JSON.
// Errors are the API's JSON errors (http/errors.ts).
import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify';
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
import { StaffAttendanceRequest, StaffBookRequest, StaffCancelRequest } from './api-schemas.ts';
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
  });
}
