// Giving out waiting numbers, in the caller's transaction: the next number of
// the office's day for a kind (under the office-day lock, so two arrivals never
// get the same one), and the check-in of a booked citizen that both the front
// desk and the kiosk make — the appointment becomes checked_in with its history
// entry (record-attendance.ts) and gets a `T…` ticket due at its start.
import type { Transaction } from 'kysely';
import { priorityAt, ticketNumber, type TicketKind } from '../../domain/queue.ts';
import type { Database } from '../../db/schema.ts';
import type { AppointmentRow } from '../../db/repositories/appointment-repo.ts';
import { insertTicket, lastSeq, lockOfficeDay, type TicketRow } from '../../db/repositories/queue-ticket-repo.ts';
import type { StaffUser } from '../staff/access.ts';
import { applyAttendance } from '../staff/record-attendance.ts';
import type { QueueOffice } from './queue-office.ts';

/** The next waiting number of this kind today; holds the office-day lock until the transaction ends. */
export async function nextTicketNumber(tx: Transaction<Database>, orgId: string, qo: QueueOffice, kind: TicketKind): Promise<{ number: string; seq: number }> {
  await lockOfficeDay(tx, orgId, qo.office.id, qo.day);
  const seq = (await lastSeq(tx, orgId, qo.office.id, qo.day, kind)) + 1;
  return { number: ticketNumber(kind, seq), seq };
}

/** Checks in `row` (already checked against the window) and gives it a ticket; `user` null: the citizen at the kiosk. */
export async function checkInWithTicket(
  tx: Transaction<Database>, orgId: string, user: StaffUser | null, qo: QueueOffice, row: AppointmentRow,
): Promise<{ ticket: TicketRow; appointment: AppointmentRow }> {
  const { number, seq } = await nextTicketNumber(tx, orgId, qo, 'appointment');
  const appointment = await applyAttendance(tx, { orgId }, user, qo.catalog, row, 'checked_in', qo.now, { ticket: number });
  const ticket = await insertTicket(tx, {
    org_id: orgId, office_id: row.office_id, day: qo.day, number, seq, kind: 'appointment', appointment_id: row.id, concerns: '[]',
    priority_at: new Date(priorityAt({ kind: 'appointment', startsAt: row.starts_at.getTime(), arrivedAt: qo.now }, qo.rules.lateGraceMinutes)),
    arrived_at: new Date(qo.now),
  });
  return { ticket, appointment };
}
