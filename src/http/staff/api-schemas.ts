// Request and response schemas of the staff API (/api/v1/staff); they validate
// the requests and appear in the OpenAPI document.
import { z } from 'zod';
import { AppointmentSchema, InstantSchema, LocaleSchema, ServiceLinesSchema, SlotTimeSchema } from '../api/schemas.ts';

export const StaffBookRequest = z
  .strictObject({
    office: z.string().max(64),
    services: ServiceLinesSchema,
    startsAt: InstantSchema,
    channel: z.enum(['phone', 'counter']).default('phone'),
    contact: z.strictObject({
      name: z.string().max(500),
      email: z.string().max(500).optional().meta({ description: 'optional; if given, the confirmation mail goes out' }),
      phone: z.string().max(100).optional(),
    }),
    locale: LocaleSchema.optional(),
  })
  .meta({ id: 'StaffBookRequest' });

const DayItemSchema = z.object({
  kind: z.enum(['appointment', 'hold']),
  reference: z.string().nullable(),
  status: z.string(),
  lane: z.number().int(),
  from: z.string().meta({ example: '09:30' }),
  to: z.string(),
  name: z.string().nullable(),
  services: z.array(z.string()),
  documents: z.array(z.string()),
  channel: z.enum(['online', 'phone', 'counter']),
  conflict: z.string().nullable(),
  cancelledBy: z.enum(['citizen', 'staff', 'expired']).nullable().optional()
    .meta({ description: 'cancelled appointments only: who cancelled (expired: not confirmed in time)' }),
});

const LaneBlockedSchema = z.object({
  from: z.string().meta({ example: '10:00' }),
  to: z.string(),
  kind: z.enum(['block', 'closure']).meta({ description: 'block: this counter is taken away; closure: the office is closed' }),
  reason: z.string().nullable(),
});

export const StaffDaySchema = z
  .object({
    office: z.object({ id: z.string(), name: z.string() }),
    date: z.string(),
    closed: z.boolean(),
    holiday: z.string().nullable().meta({ description: "the public holiday's name in the asked language, or null", example: '1. Weihnachtstag' }),
    lanes: z.array(z.object({
      lane: z.number().int(), items: z.array(DayItemSchema), free: z.array(z.object({ from: z.string(), to: z.string() })),
      blocked: z.array(LaneBlockedSchema).meta({ description: 'periods this lane would be staffed by the opening hours but is not (a block or a part-day closure)' }),
    })),
    list: z.array(DayItemSchema).meta({ description: 'the appointments of the day, without holds and cancelled ones' }),
    cancelled: z.array(DayItemSchema).meta({ description: 'the cancelled appointments starting on the day' }),
    conflicts: z.number().int(),
  })
  .meta({ id: 'StaffDay' });

export const StaffFreeTimesSchema = z
  .object({ durationMinutes: z.number().int(), times: z.array(SlotTimeSchema) })
  .meta({ id: 'StaffFreeTimes' });

export const StaffAttendanceRequest = z
  .strictObject({
    status: z.enum(['checked_in', 'completed', 'no_show', 'booked']).meta({
      description: 'checked_in: on the day; completed: once checked in or begun; no_show: once the office\'s grace after the start has passed (noShowGraceMinutes, default 15); booked: undoes any of them, on the day',
    }),
  })
  .meta({ id: 'StaffAttendanceRequest' });

export const StaffCancelRequest = z
  .strictObject({
    reason: z.string().max(500).meta({ description: 'required, not blank: sent to the citizen in the cancellation e-mail and kept in the history' }),
  })
  .meta({ id: 'StaffCancelRequest' });

/** The appointment as staff see it: also the conflict mark, who cancelled and the documents to bring. */
export const StaffAppointmentSchema = AppointmentSchema.extend({
  conflict: z.string().nullable(),
  cancelReason: z.string().nullable(),
  documents: z.array(z.string()),
}).meta({ id: 'StaffAppointment' });
