// The API's request and response schemas. The same zod schemas validate the
// requests and generate the OpenAPI document (src/http/api/openapi.ts).
import { z } from 'zod';

export const Slug = z.string().regex(/^[a-z0-9-]{1,64}$/);
export const LocaleSchema = z.enum(['de', 'en']);
export const LocalDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ example: '2026-12-01' });
export const InstantSchema = z.string().max(40).meta({ description: 'RFC 3339 with offset', example: '2026-12-01T09:30:00+01:00' });

export const ServiceLineSchema = z.strictObject({
  id: z.string().max(64),
  quantity: z.number().int().min(1).max(1000).default(1),
});
export const ServiceLinesSchema = z.array(ServiceLineSchema).max(50);

export const HoldRequest = z
  .strictObject({
    office: z.string().max(64),
    services: ServiceLinesSchema,
    startsAt: InstantSchema,
  })
  .meta({ id: 'HoldRequest' });

export const ContactSchema = z.strictObject({
  name: z.string().max(500),
  email: z.string().max(500),
  phone: z.string().max(100).nullish(),
});

export const BookRequest = z
  .strictObject({
    office: z.string().max(64),
    services: ServiceLinesSchema,
    startsAt: InstantSchema,
    holdId: z.string().max(64).optional(),
    contact: ContactSchema,
    locale: LocaleSchema.optional(),
    consent: z.boolean(),
  })
  .meta({ id: 'BookRequest' });

export const RescheduleRequest = z.strictObject({ startsAt: InstantSchema }).meta({ id: 'RescheduleRequest' });

export const SlotTimeSchema = z
  .object({ date: LocalDateSchema, time: z.string().meta({ example: '09:30' }), startsAt: InstantSchema })
  .meta({ id: 'SlotTime' });

export const OfficeSchema = z
  .object({ id: Slug, name: z.string(), address: z.string(), phone: z.string(), email: z.string(), services: z.array(Slug) })
  .meta({ id: 'Office' });

export const ServiceSchema = z
  .object({
    id: Slug,
    name: z.string(),
    area: z.string(),
    minutes: z.number().int(),
    maxQuantity: z.number().int(),
    documents: z.array(z.string()),
    fee: z.string().nullable(),
  })
  .meta({ id: 'Service' });

export const DayStatusSchema = z.enum(['available', 'full', 'closed', 'too_soon', 'not_yet_bookable']);

export const AvailabilitySchema = z
  .object({
    office: Slug,
    durationMinutes: z.number().int(),
    earliest: SlotTimeSchema.nullable(),
    days: z.array(z.object({ date: LocalDateSchema, status: DayStatusSchema, freeTimes: z.number().int() })),
  })
  .meta({ id: 'Availability' });

export const DayTimesSchema = z
  .object({
    date: LocalDateSchema,
    durationMinutes: z.number().int(),
    times: z.array(z.object({ time: z.string(), startsAt: InstantSchema })),
  })
  .meta({ id: 'DayTimes' });

export const EarliestSchema = z.array(SlotTimeSchema.extend({ office: Slug })).meta({ id: 'EarliestPerOffice' });

export const HoldSchema = z.object({ holdId: z.string(), expiresAt: InstantSchema }).meta({ id: 'Hold' });

export const AppointmentSchema = z
  .object({
    reference: z.string().meta({ example: 'K7Q2-9XMD' }),
    status: z.enum(['pending', 'booked', 'cancelled', 'checked_in', 'completed', 'no_show']),
    office: Slug,
    startsAt: InstantSchema,
    endsAt: InstantSchema,
    durationMinutes: z.number().int(),
    services: z.array(z.object({ id: Slug, name: z.string(), quantity: z.number().int(), documents: z.array(z.string()) })),
    contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
    channel: z.enum(['online', 'phone', 'counter']),
    locale: LocaleSchema,
    createdAt: InstantSchema,
  })
  .meta({ id: 'Appointment' });

export const BookedAppointmentSchema = AppointmentSchema.extend({ manageToken: z.string() }).meta({ id: 'BookedAppointment' });

export const ErrorSchema = z
  .object({
    error: z.string().meta({ example: 'validation' }),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    alternatives: z.array(SlotTimeSchema).optional(),
  })
  .meta({ id: 'Error' });

export const HealthSchema = z.object({ status: z.enum(['ok', 'degraded', 'down']), database: z.string().optional() }).meta({ id: 'Health' });
