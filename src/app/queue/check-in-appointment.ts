// Use case: a booked citizen arrives and staff check them in (the front desk):
// on the appointment's day within the office's window around the start
// (`queue.checkInBeforeMinutes` before, `checkInAfterMinutes` after), once.
// The appointment becomes checked_in with its history entry, as the day view's
// "angekommen" does (record-attendance.ts), and gets a waiting number `T…`
// (the next of the office's day, in order of arrival). A citizen already marked
// arrived in the day view but without a number gets one now. Refusals say what
// to do: too early (from when), too late (the front desk), not today, already
// checked in (with the number).
import { DomainError } from '../../domain/errors.ts';
import { checkInOpensAt, checkInRefusal, priorityAt, ticketNumber } from '../../domain/queue.ts';
import { localDateOf, localTimeOf } from '../../domain/time.ts';
import type { Locale } from '../../domain/types.ts';
import { withRetry } from '../../db/retry.ts';
import { insertTicket, lastSeq, lockOfficeDay, ticketOfAppointment } from '../../db/repositories/queue-ticket-repo.ts';
import { effectiveStatus } from '../appointment-view.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from '../staff/access.ts';
import { loadForStaff } from '../staff/get-staff-appointment.ts';
import { applyAttendance } from '../staff/record-attendance.ts';
import { queueOfficeOf, ticketView, type TicketView } from './queue-office.ts';

export async function checkInAppointment(ctx: AppContext, user: StaffUser, q: { reference: string; locale: Locale }): Promise<TicketView> {
  const catalog = await ctx.catalog();
  const now = ctx.now();
  return withRetry(() =>
    ctx.db.transaction().execute(async (tx) => {
      const row = await loadForStaff(tx, ctx.orgId, user, catalog, q.reference, { forUpdate: true });
      const qo = queueOfficeOf(catalog, catalog.offices.get(row.office_id)!, now);
      const existing = await ticketOfAppointment(tx, ctx.orgId, row.id);
      if (existing) throw new DomainError('not_allowed', { fields: { reference: { key: 'queue.already', params: { number: existing.number } } } });
      const status = effectiveStatus(row, now);
      if (status !== 'booked' && status !== 'pending' && status !== 'checked_in') {
        throw new DomainError('not_allowed', { fields: { reference: { key: 'attendance.not_allowed' } } });
      }
      const startsAt = row.starts_at.getTime();
      const refusal = checkInRefusal(startsAt, now, localDateOf(startsAt, qo.tz) === qo.day, qo.rules);
      if (refusal) {
        const params = refusal === 'too_early' ? { time: localTimeOf(checkInOpensAt(startsAt, qo.rules), qo.tz) } : undefined;
        throw new DomainError('not_allowed', { fields: { reference: { key: `queue.${refusal}`, ...(params ? { params } : {}) } } });
      }
      await lockOfficeDay(tx, ctx.orgId, row.office_id, qo.day);
      const number = ticketNumber('appointment', (await lastSeq(tx, ctx.orgId, row.office_id, qo.day, 'appointment')) + 1);
      const updated = await applyAttendance(tx, ctx, user, catalog, row, 'checked_in', now, { ticket: number });
      const ticket = await insertTicket(tx, {
        org_id: ctx.orgId, office_id: row.office_id, day: qo.day, number, seq: Number(number.slice(1)), kind: 'appointment',
        appointment_id: row.id, concerns: '[]',
        priority_at: new Date(priorityAt({ kind: 'appointment', startsAt, arrivedAt: now }, qo.rules.lateGraceMinutes)),
        arrived_at: new Date(now),
      });
      return ticketView(ticket, updated, qo, q.locale);
    }),
  );
}
