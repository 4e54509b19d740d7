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

// ------------------------------------------------------------- the counter queue

export const StaffWalkInRequest = z
  .strictObject({
    concerns: ServiceLinesSchema.meta({ description: 'one or more concerns with quantities, as offered by the office' }),
  })
  .meta({ id: 'StaffWalkInRequest' });

export const StaffDeskRequest = z
  .strictObject({ desk: z.string().max(64).meta({ description: "one of the office's desk ids (offices[].queue.desks), e.g. platz-1", example: 'platz-1' }) })
  .meta({ id: 'StaffDeskRequest' });

const DeskSchema = z.object({ id: z.string(), name: z.string().meta({ example: 'Platz 1' }) });

export const StaffTicketSchema = z
  .object({
    id: z.string(),
    number: z.string().meta({ example: 'W017', description: 'T… booked citizens, W… walk-ins; per office and day' }),
    kind: z.enum(['appointment', 'walk_in']),
    status: z.enum(['waiting', 'called', 'serving', 'done', 'no_show', 'deferred']),
    reference: z.string().nullable(),
    startsAt: z.string().nullable(),
    name: z.string().nullable(),
    concerns: z.array(z.object({ id: z.string(), name: z.string(), quantity: z.number().int() })),
    arrivedAt: z.string(),
    calledAt: z.string().nullable(),
    calledBy: z.string().nullable().meta({ description: 'the staff user id of the last call' }),
    desk: DeskSchema.nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    calls: z.number().int(),
    position: z.number().int().optional().meta({ description: 'waiting only: 1 = next' }),
    estimatedWaitMinutes: z.number().int().optional().meta({ description: 'waiting only' }),
  })
  .meta({ id: 'StaffTicket' });

export const StaffCallNextSchema = z
  .object({ ticket: StaffTicketSchema.nullable().meta({ description: 'null: nobody waiting' }) })
  .meta({ id: 'StaffCallNext' });

export const StaffQueueSchema = z
  .object({
    office: z.object({ id: z.string(), name: z.string() }),
    day: z.string(),
    desks: z.array(DeskSchema),
    walkIns: z.boolean(),
    waiting: z.array(StaffTicketSchema).meta({ description: 'waiting and deferred, in the order they will be called' }),
    called: z.array(StaffTicketSchema),
    serving: z.array(StaffTicketSchema),
    lastCalls: z.array(z.object({ number: z.string(), desk: DeskSchema.nullable(), calledAt: z.string() })).meta({ description: 'newest first, at most 10' }),
    done: z.number().int(),
    noShow: z.number().int(),
  })
  .meta({ id: 'StaffQueue' });
