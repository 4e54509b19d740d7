// The OpenAPI 3.1 document, generated from the zod schemas that validate the requests.
import { z } from 'zod';
import * as S from './schemas.ts';
import { StaffAppointmentSchema, StaffAttendanceRequest, StaffBookRequest, StaffCancelRequest, StaffDaySchema, StaffFreeTimesSchema } from '../staff/api-schemas.ts';
import { StaffCallNextSchema, StaffDeskRequest, StaffQueueSchema, StaffTicketSchema, StaffWalkInRequest } from '../staff/api-schemas.ts';

const COMPONENTS = [
  S.HoldRequest, S.BookRequest, S.RescheduleRequest, S.SlotTimeSchema, S.OfficeSchema, S.ServiceSchema,
  S.AvailabilitySchema, S.DayTimesSchema, S.EarliestSchema, S.HoldSchema, S.AppointmentSchema,
  S.BookedAppointmentSchema, S.ErrorSchema, S.HealthSchema, StaffBookRequest, StaffDaySchema, StaffFreeTimesSchema,
  StaffAttendanceRequest, StaffCancelRequest, StaffAppointmentSchema,
  StaffWalkInRequest, StaffDeskRequest, StaffTicketSchema, StaffCallNextSchema, StaffQueueSchema,
];

const ref = (schema: z.ZodType) => ({ $ref: `#/components/schemas/${z.globalRegistry.get(schema)?.id}` });
const json = (schema: z.ZodType | object) => ({
  content: { 'application/json': { schema: schema instanceof z.ZodType ? ref(schema) : schema } },
});
const error = (description: string) => ({ description, ...json(S.ErrorSchema) });

const q = (name: string, description: string, required = false, schema: object = { type: 'string' }) => ({
  name, in: 'query', required, description, schema,
});
const lang = q('lang', 'Language of names and messages (default: Accept-Language, then the organization default)', false, { enum: ['de', 'en'] });
const servicesParam = q('services', 'Chosen concerns as `id:qty,id:qty` (qty defaults to 1)', true);
const officeParam = q('office', 'Office id', true);
const refParam = { name: 'ref', in: 'path', required: true, description: 'Reference, e.g. K7Q2-9XMD', schema: { type: 'string' } };
const tokenParam = q('token', 'Manage token from the booking (or header X-Manage-Token)');
const tokenHeader = { name: 'X-Manage-Token', in: 'header', required: false, schema: { type: 'string' } };
const manage = [refParam, tokenParam, tokenHeader, lang];
const notFound = error('Unknown reference or wrong/missing token');

const STAFF_SECURITY = [{ staffSession: [] }, { staffToken: [] }];
const queueOffice = { name: 'officeId', in: 'path', required: true, description: 'The office id (one of yours)', schema: { type: 'string' } };
const queueTicket = { name: 'ticket', in: 'path', required: true, description: "The waiting number of today (W017, also w17) or the ticket's id", schema: { type: 'string' } };
const ticketAction = (summary: string, operationId: string, states: string, body?: unknown) => ({
  post: {
    summary, operationId, tags: ['staff'], security: STAFF_SECURITY,
    parameters: [queueOffice, queueTicket, lang],
    ...(body ? { requestBody: { required: true, ...json(body as typeof StaffDeskRequest) } } : {}),
    responses: {
      200: { description: 'The ticket after the action', ...json(StaffTicketSchema) },
      401: error('not logged in'),
      404: error('unknown office or waiting number today, or not one of your offices'),
      409: error(`not_allowed: only ${states}; \`message\` says why ("Nicht möglich: W017 wurde noch nicht aufgerufen.")`),
      ...(body ? { 422: error("validation: `fields.desk` names the office's desks") } : {}),
    },
  },
});
const staffRef = { name: 'reference', in: 'path', required: true, description: 'Reference, e.g. K7Q2-9XMD (no manage token: staff act in their offices)', schema: { type: 'string' } };

function components(): Record<string, unknown> {
  const all = z.toJSONSchema(z.globalRegistry, {
    uri: (id) => `#/components/schemas/${id}`,
    io: 'input',
    unrepresentable: 'any',
  }).schemas as Record<string, Record<string, unknown>>;
  const wanted = new Set(COMPONENTS.map((s) => z.globalRegistry.get(s)?.id));
  return Object.fromEntries(
    Object.entries(all)
      .filter(([id]) => wanted.has(id))
      .map(([id, s]) => {
        const { $schema: _s, $id: _i, ...rest } = s;
        return [id, rest];
      }),
  );
}

export function openApiDocument(opts: { title: string; serverUrl?: string }): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: `${opts.title} – Amtszeit API`,
      version: '1.0.0',
      description:
        'Appointment booking for citizen offices. Times of day are local HH:MM in the organization\'s zone; instants are RFC 3339 with offset. Errors are `{ error, message, fields? }` in the request\'s language.',
    },
    servers: opts.serverUrl ? [{ url: opts.serverUrl }] : undefined,
    paths: {
      '/api/v1/offices': {
        get: { summary: 'The offices', operationId: 'listOffices', responses: { 200: { description: 'Offices', ...json({ type: 'array', items: ref(S.OfficeSchema) }) } } },
      },
      '/api/v1/services': {
        get: {
          summary: 'The concerns offered; with q, those matching everyday words, best first',
          operationId: 'listServices',
          parameters: [q('office', 'Only those offered at this office'), q('q', 'Everyday words, e.g. "umzug", "perso"'), lang],
          responses: { 200: { description: 'Concerns', ...json({ type: 'array', items: ref(S.ServiceSchema) }) }, 422: error('Unknown office') },
        },
      },
      '/api/v1/availability': {
        get: {
          summary: 'Day overview (at most 62 days)',
          operationId: 'getAvailability',
          parameters: [officeParam, servicesParam, q('from', 'First local date (default today)', false, { type: 'string', format: 'date' }), q('to', 'Last local date, inclusive (default from + 30 days)', false, { type: 'string', format: 'date' }), lang],
          responses: { 200: { description: 'Days', ...json(S.AvailabilitySchema) }, 422: error('Invalid query') },
        },
      },
      '/api/v1/availability/{date}': {
        get: {
          summary: 'Bookable start times of one day',
          operationId: 'getDayTimes',
          parameters: [{ name: 'date', in: 'path', required: true, schema: { type: 'string', format: 'date' } }, officeParam, servicesParam, lang],
          responses: { 200: { description: 'Times', ...json(S.DayTimesSchema) }, 422: error('Invalid query') },
        },
      },
      '/api/v1/earliest': {
        get: {
          summary: 'The earliest bookable time at each office offering all the concerns, soonest first',
          operationId: 'findEarliest',
          parameters: [servicesParam, lang],
          responses: { 200: { description: 'Earliest times', ...json(S.EarliestSchema) }, 422: error('Invalid query') },
        },
      },
      '/api/v1/holds': {
        post: {
          summary: 'Hold a time while the citizen fills in the form',
          operationId: 'createHold',
          parameters: [lang],
          requestBody: { required: true, ...json(S.HoldRequest) },
          responses: { 201: { description: 'Held', ...json(S.HoldSchema) }, 409: error('slot_unavailable, with alternatives'), 422: error('Invalid request') },
        },
      },
      '/api/v1/holds/{id}/extend': {
        post: {
          summary: 'Keep a held time for another holdMinutes (while the form is still being filled in)',
          operationId: 'extendHold',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'Extended', ...json(S.HoldSchema) }, 404: error('Unknown hold, or the time was given to someone else') },
        },
      },
      '/api/v1/holds/{id}': {
        delete: {
          summary: 'Give a hold back',
          operationId: 'releaseHold',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 204: { description: 'Released' }, 404: error('Unknown hold') },
        },
      },
      '/api/v1/appointments': {
        post: {
          summary: 'Book an appointment',
          operationId: 'bookAppointment',
          parameters: [
            lang,
            { name: 'Idempotency-Key', in: 'header', required: false, description: 'Same key and body within 24 h returns the first answer and books nothing more; another body: 422', schema: { type: 'string', maxLength: 255 } },
          ],
          requestBody: { required: true, ...json(S.BookRequest) },
          responses: {
            201: { description: 'Booked', ...json(S.BookedAppointmentSchema) },
            409: error('slot_unavailable, with up to 5 alternatives'),
            422: error('validation: every invalid field in `fields`'),
            429: error('limit_reached: too many upcoming appointments for this e-mail'),
            503: error('busy: try again after Retry-After seconds'),
          },
        },
      },
      '/api/v1/appointments/{ref}': {
        get: { summary: 'One appointment', operationId: 'getAppointment', parameters: manage, responses: { 200: { description: 'The appointment', ...json(S.AppointmentSchema) }, 404: notFound } },
      },
      '/api/v1/appointments/{ref}/confirm': {
        post: {
          summary: 'Confirm a pending booking (the e-mail link)',
          operationId: 'confirmAppointment',
          parameters: manage,
          responses: { 200: { description: 'Confirmed', ...json(S.AppointmentSchema) }, 404: notFound, 410: error('expired') },
        },
      },
      '/api/v1/appointments/{ref}/cancel': {
        post: {
          summary: 'Cancel',
          operationId: 'cancelAppointment',
          parameters: manage,
          responses: { 200: { description: 'Cancelled', ...json(S.AppointmentSchema) }, 404: notFound, 409: error('too_late or not_allowed') },
        },
      },
      '/api/v1/appointments/{ref}/reschedule': {
        post: {
          summary: 'Move it, atomically: the old time is freed only if the new one is taken',
          operationId: 'rescheduleAppointment',
          parameters: manage,
          requestBody: { required: true, ...json(S.RescheduleRequest) },
          responses: { 200: { description: 'Moved', ...json(S.AppointmentSchema) }, 404: notFound, 409: error('slot_unavailable (with alternatives), too_late or not_allowed'), 422: error('Invalid request') },
        },
      },
      '/api/v1/staff/day': {
        get: {
          summary: 'Staff: an office\'s day (timeline per counter lane and list)',
          operationId: 'staffDay', tags: ['staff'], security: STAFF_SECURITY,
          parameters: [officeParam, q('date', 'Local date YYYY-MM-DD (default: today)'), lang],
          responses: { 200: { description: 'The day', ...json(StaffDaySchema) }, 401: error('not logged in'), 404: error('unknown office, or not one of yours') },
        },
      },
      '/api/v1/staff/free-times': {
        get: {
          summary: 'Staff: the nearest free times for a caller (phone lanes) or a walk-in (every counter)',
          operationId: 'staffFreeTimes', tags: ['staff'], security: STAFF_SECURITY,
          parameters: [officeParam, servicesParam, q('channel', 'phone (default) or counter', false, { enum: ['phone', 'counter'] }), lang],
          responses: { 200: { description: 'Free times', ...json(StaffFreeTimesSchema) }, 401: error('not logged in'), 404: error('unknown office, or not one of yours'), 422: error('validation') },
        },
      },
      '/api/v1/staff/appointments': {
        post: {
          summary: 'Staff: book for a caller or a walk-in (e-mail optional; if given, the confirmation mail goes out)',
          operationId: 'staffBook', tags: ['staff'], security: STAFF_SECURITY,
          parameters: [lang],
          requestBody: { required: true, ...json(StaffBookRequest) },
          responses: {
            201: { description: 'Booked', ...json(S.AppointmentSchema) },
            401: error('not logged in'),
            404: error('unknown office, or not one of yours'),
            409: error('slot_unavailable'),
            422: error('validation'),
          },
        },
      },
      '/api/v1/staff/appointments/{reference}/attendance': {
        post: {
          summary: 'Staff: at the counter: arrived, completed, no-show (only once the office\'s grace after the start has passed), or undo on the day',
          operationId: 'staffAttendance', tags: ['staff'], security: STAFF_SECURITY,
          parameters: [staffRef, lang],
          requestBody: { required: true, ...json(StaffAttendanceRequest) },
          responses: {
            200: { description: 'Recorded (or already so)', ...json(StaffAppointmentSchema) },
            401: error('not logged in'),
            404: error('unknown reference, or not one of your offices'),
            409: error('not_allowed: `message` and `fields.status` say why, e.g. "Nicht erschienen kann ab 09:45 Uhr erfasst werden."'),
            422: error('validation'),
          },
        },
      },
      '/api/v1/staff/appointments/{reference}/cancel': {
        post: {
          summary: 'Staff: cancel on the citizen\'s behalf with a reason (sent to the citizen by e-mail, kept in the history)',
          operationId: 'staffCancel', tags: ['staff'], security: STAFF_SECURITY,
          parameters: [staffRef, lang],
          requestBody: { required: true, ...json(StaffCancelRequest) },
          responses: {
            200: { description: 'Cancelled', ...json(StaffAppointmentSchema) },
            401: error('not logged in'),
            404: error('unknown reference, or not one of your offices'),
            409: error('not_allowed (already cancelled or done)'),
            422: error('validation: `fields.reason` when the reason is missing, blank or too long'),
          },
        },
      },
      '/api/v1/staff/appointments/{reference}/check-in': {
        post: {
          summary: 'Staff: check a booked citizen in at the counter queue (a waiting number T…; the appointment becomes checked_in)',
          description: "Only on the appointment's day, from the office's `queue.checkInBeforeMinutes` (default 30) before the start until `checkInAfterMinutes` (default 15) after it; once.",
          operationId: 'staffCheckIn', tags: ['staff'], security: STAFF_SECURITY,
          parameters: [staffRef, lang],
          responses: {
            201: { description: 'Checked in: the ticket', ...json(StaffTicketSchema) },
            401: error('not logged in'),
            404: error('unknown reference, or not one of your offices'),
            409: error('not_allowed: `message` says why: too early (from when), too late (go to the front desk), not today, already checked in (with the number), or cancelled/done'),
          },
        },
      },
      '/api/v1/staff/queue/{officeId}': {
        get: {
          summary: "Staff: the office's queue today: waiting (in call order, with estimated waits), called, serving, desks, last calls",
          operationId: 'staffQueue', tags: ['staff'], security: STAFF_SECURITY,
          parameters: [queueOffice, lang],
          responses: { 200: { description: 'The queue', ...json(StaffQueueSchema) }, 401: error('not logged in'), 404: error('unknown office, or not one of yours') },
        },
      },
      '/api/v1/staff/queue/{officeId}/walk-ins': {
        post: {
          summary: 'Staff: a waiting number W… for a walk-in with one or more concerns',
          operationId: 'staffWalkIn', tags: ['staff'], security: STAFF_SECURITY,
          parameters: [queueOffice, lang],
          requestBody: { required: true, ...json(StaffWalkInRequest) },
          responses: {
            201: { description: 'The ticket', ...json(StaffTicketSchema) },
            401: error('not logged in'),
            404: error('unknown office, or not one of yours'),
            409: error('not_allowed: the office takes no walk-ins (`queue.walkIns: false`)'),
            422: error('validation: unknown concerns, quantities'),
          },
        },
      },
      '/api/v1/staff/queue/{officeId}/call-next': {
        post: {
          summary: 'Staff: call the next citizen to a desk, by the queue\'s order; never the same citizen to two clerks',
          operationId: 'staffCallNext', tags: ['staff'], security: STAFF_SECURITY,
          parameters: [queueOffice, lang],
          requestBody: { required: true, ...json(StaffDeskRequest) },
          responses: {
            200: { description: 'The called ticket, or `ticket: null` when nobody waits', ...json(StaffCallNextSchema) },
            401: error('not logged in'),
            404: error('unknown office, or not one of yours'),
            422: error("validation: `fields.desk` names the office's desks"),
          },
        },
      },
      '/api/v1/staff/queue/{officeId}/tickets/{ticket}/recall': ticketAction('Staff: call a called number again (same desk)', 'staffTicketRecall', 'a called ticket'),
      '/api/v1/staff/queue/{officeId}/tickets/{ticket}/start': ticketAction('Staff: the called citizen is at the desk: service begins', 'staffTicketStart', 'a called ticket'),
      '/api/v1/staff/queue/{officeId}/tickets/{ticket}/finish': ticketAction('Staff: served; a booked citizen\'s appointment becomes completed', 'staffTicketFinish', 'a called or served ticket'),
      '/api/v1/staff/queue/{officeId}/tickets/{ticket}/no-show': ticketAction('Staff: not there after the call; a booked citizen\'s appointment becomes no_show', 'staffTicketNoShow', 'a called ticket'),
      '/api/v1/staff/queue/{officeId}/tickets/{ticket}/defer': ticketAction('Staff: put back in the queue, behind everyone waiting ("zurückstellen")', 'staffTicketDefer', 'a called or served ticket'),
      '/api/v1/staff/queue/{officeId}/tickets/{ticket}/transfer': ticketAction('Staff: pass to another desk (called there)', 'staffTicketTransfer', 'a called or served ticket', StaffDeskRequest),
      '/api/v1/appointments/{ref}/calendar.ics': {
        get: {
          summary: 'The appointment as iCalendar',
          operationId: 'appointmentCalendar',
          parameters: manage,
          responses: { 200: { description: 'iCalendar', content: { 'text/calendar': { schema: { type: 'string' } } } }, 404: notFound },
        },
      },
      '/healthz': {
        get: { summary: 'Liveness and database reachability', operationId: 'health', responses: { 200: { description: 'OK', ...json(S.HealthSchema) }, 503: { description: 'Database unreachable', ...json(S.HealthSchema) } } },
      },
    },
    components: {
      schemas: components(),
      securitySchemes: {
        staffSession: { type: 'apiKey', in: 'cookie', name: 'amtszeit_staff', description: 'The back-office session after logging in at /staff' },
        staffToken: { type: 'http', scheme: 'bearer', description: 'A staff API token (amtszeit user token --email E)' },
      },
    },
  };
}
