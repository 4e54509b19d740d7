// Use case: a booked citizen checks in at the office's self-service kiosk
// (public, no login; only where `queue.kiosk` is on, else not_found) by typing
// or scanning the reference. Same rules and effects as the front desk's
// check-in (check-in-appointment.ts): the appointment becomes checked_in with a
// history entry (by the citizen) and gets the next `T…` number of the day.
//
// What the kiosk may tell, so it cannot be used to probe references: a
// reference that does not exist, belongs to another office, is not today, or
// cannot be checked in (cancelled, completed, …) is `unknown` — one answer for
// all. Only a reference valid today at this office learns more: too early
// (from when), too late, or already checked in — never a name, concern, or
// the number already given.
import { DomainError } from '../../domain/errors.ts';
import { checkInOpensAt, checkInRefusal, estimatedWaits, priorityAt, queueOrder, ticketNumber, type QueueEntry } from '../../domain/queue.ts';
import { localDateOf, localTimeOf } from '../../domain/time.ts';
import type { Database } from '../../db/schema.ts';
import type { Transaction } from 'kysely';
import { withRetry } from '../../db/retry.ts';
import { findByReference, findById } from '../../db/repositories/appointment-repo.ts';
import { appointmentsOfTickets, insertTicket, lastSeq, lockOfficeDay, ticketOfAppointment, ticketsOfDay } from '../../db/repositories/queue-ticket-repo.ts';
import { effectiveStatus } from '../appointment-view.ts';
import type { AppContext } from '../context.ts';
import { normalizeReference } from '../tokens.ts';
import { applyAttendance } from '../staff/record-attendance.ts';
import { queueOfficeOf, ticketMinutes, type QueueOffice } from './queue-office.ts';

export type KioskResult =
  | { ok: true; number: string; waitMinutes: number }
  | { ok: false; why: 'unknown' | 'too_late' | 'already' }
  | { ok: false; why: 'too_early'; time: string };

/** The office's kiosk, if it has one switched on; not_found otherwise. */
export async function kioskOffice(ctx: AppContext, officeId: string): Promise<QueueOffice> {
  const catalog = await ctx.catalog();
  const office = catalog.offices.get(officeId);
  const qo = office ? queueOfficeOf(catalog, office, ctx.now()) : undefined;
  if (!qo || !qo.rules.kiosk) throw new DomainError('not_found');
  return qo;
}

export async function kioskCheckIn(ctx: AppContext, q: { office: string; reference: string }): Promise<KioskResult> {
  const qo = await kioskOffice(ctx, q.office);
  const ref = normalizeReference(q.reference);
  if (!ref) return { ok: false, why: 'unknown' };
  const result = await withRetry(() =>
    ctx.db.transaction().execute(async (tx): Promise<KioskResult> => {
      const found = await findByReference(tx, ctx.orgId, ref);
      if (!found || found.office_id !== qo.office.id) return { ok: false, why: 'unknown' };
      const row = await findById(tx, ctx.orgId, found.id, true);
      if (!row) return { ok: false, why: 'unknown' };
      const startsAt = row.starts_at.getTime();
      if (localDateOf(startsAt, qo.tz) !== qo.day) return { ok: false, why: 'unknown' };
      const status = effectiveStatus(row, qo.now);
      if (status !== 'booked' && status !== 'pending' && status !== 'checked_in') return { ok: false, why: 'unknown' };
      if (await ticketOfAppointment(tx, ctx.orgId, row.id)) return { ok: false, why: 'already' };
      const refusal = checkInRefusal(startsAt, qo.now, true, qo.rules);
      if (refusal === 'too_early') return { ok: false, why: 'too_early', time: localTimeOf(checkInOpensAt(startsAt, qo.rules), qo.tz) };
      if (refusal) return { ok: false, why: 'too_late' };
      await lockOfficeDay(tx, ctx.orgId, row.office_id, qo.day);
      const number = ticketNumber('appointment', (await lastSeq(tx, ctx.orgId, row.office_id, qo.day, 'appointment')) + 1);
      await applyAttendance(tx, ctx, null, qo.catalog, row, 'checked_in', qo.now, { ticket: number });
      await insertTicket(tx, {
        org_id: ctx.orgId, office_id: row.office_id, day: qo.day, number, seq: Number(number.slice(1)), kind: 'appointment',
        appointment_id: row.id, concerns: '[]',
        priority_at: new Date(priorityAt({ kind: 'appointment', startsAt, arrivedAt: qo.now }, qo.rules.lateGraceMinutes)),
        arrived_at: new Date(qo.now),
      });
      return { ok: true, number, waitMinutes: await waitOf(tx, ctx.orgId, qo, number) };
    }),
  );
  return result;
}

/** Estimated minutes until `number` is called: those ahead of it spread over the office's desks. */
async function waitOf(tx: Transaction<Database>, orgId: string, qo: QueueOffice, number: string): Promise<number> {
  const tickets = await ticketsOfDay(tx, orgId, qo.office.id, qo.day, ['waiting', 'deferred']);
  const apps = new Map((await appointmentsOfTickets(tx, orgId, tickets.flatMap((t) => (t.appointment_id ? [t.appointment_id] : []))))
    .map((a) => [a.id, a]));
  const entries = tickets.map((t): QueueEntry & { number: string } => {
    const a = t.appointment_id ? apps.get(t.appointment_id) : undefined;
    return {
      id: t.id, number: t.number, kind: t.kind, status: t.status === 'deferred' ? 'deferred' : 'waiting', priorityAt: t.priority_at.getTime(),
      arrivedAt: t.arrived_at.getTime(), startsAt: a?.starts_at.getTime() ?? null, deferredAt: t.deferred_at?.getTime() ?? null,
      minutes: ticketMinutes(t, a, qo.catalog),
    };
  });
  const ordered = queueOrder(entries, qo.now);
  const waits = estimatedWaits(ordered, qo.rules.desks.length);
  return waits[ordered.findIndex((e) => e.number === number)] ?? 0;
}
