// POST /api/v1/appointments and the calls on /api/v1/appointments/REF (each needs the manage token).
import type { FastifyInstance } from 'fastify';
import { bookAppointment } from '../../app/book-appointment.ts';
import { cancelAppointment } from '../../app/cancel-appointment.ts';
import { confirmAppointment } from '../../app/confirm-appointment.ts';
import type { AppContext } from '../../app/context.ts';
import { appointmentCalendar } from '../../app/appointment-calendar.ts';
import { getAppointment } from '../../app/get-appointment.ts';
import { rescheduleAppointment } from '../../app/reschedule-appointment.ts';
import { DomainError } from '../../domain/errors.ts';
import { manageToken, parseWith, requestLocale } from './request.ts';
import { RescheduleRequest } from './schemas.ts';
import { parseBookBody } from './book-body.ts';

type Ref = { Params: { ref: string } };

export function registerAppointmentRoutes(app: FastifyInstance, ctx: AppContext, writeLimit: object): void {
  app.post('/api/v1/appointments', { config: writeLimit }, async (req, reply) => {
    const body = await parseBookBody(ctx, req.body);
    const key = req.headers['idempotency-key'];
    if (key !== undefined && (typeof key !== 'string' || key.length === 0 || key.length > 255))
      throw new DomainError('validation', { fields: { 'Idempotency-Key': { key: 'field.invalid' } } });
    const locale = body.locale ?? requestLocale(req);
    const result = await bookAppointment(ctx, {
      ...body,
      contact: { name: body.contact.name, email: body.contact.email, phone: body.contact.phone ?? null },
      locale,
      idempotency: key ? { key, body } : undefined,
    });
    if (result.replayed) reply.header('Idempotent-Replayed', 'true');
    return reply.status(201).send({ ...result.appointment, manageToken: result.manageToken });
  });

  app.get<Ref>('/api/v1/appointments/:ref', async (req) =>
    getAppointment(ctx, { reference: req.params.ref, token: manageToken(req), locale: langOf(req) }),
  );

  app.post<Ref>('/api/v1/appointments/:ref/cancel', async (req) =>
    cancelAppointment(ctx, { reference: req.params.ref, token: manageToken(req), locale: langOf(req) }),
  );

  app.post<Ref>('/api/v1/appointments/:ref/confirm', async (req) =>
    confirmAppointment(ctx, { reference: req.params.ref, token: manageToken(req), locale: langOf(req) }),
  );

  app.post<Ref>('/api/v1/appointments/:ref/reschedule', { config: writeLimit }, async (req) => {
    const token = manageToken(req);
    // Unknown reference or wrong token: 404 before anything about the body is said.
    await getAppointment(ctx, { reference: req.params.ref, token });
    const body = parseWith(RescheduleRequest, req.body);
    return rescheduleAppointment(ctx, { reference: req.params.ref, token, startsAt: body.startsAt, locale: langOf(req) });
  });

  app.get<Ref>('/api/v1/appointments/:ref/calendar.ics', async (req, reply) => {
    const ics = await appointmentCalendar(ctx, { reference: req.params.ref, token: manageToken(req), locale: langOf(req) });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${ics.filename}"`)
      .send(ics.content);
  });
}

/** Explicit ?lang= or Accept-Language; otherwise the booking's own language. */
function langOf(req: Parameters<typeof requestLocale>[0]) {
  const q = (req.query as Record<string, unknown>).lang;
  if (q === 'de' || q === 'en') return q;
  return req.headers['accept-language'] ? requestLocale(req) : undefined;
}
