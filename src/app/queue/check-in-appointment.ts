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
import { checkInOpensAt, checkInRefusal } from '../../domain/queue.ts';
import { localDateOf, localTimeOf } from '../../domain/time.ts';
import type { Locale } from '../../domain/types.ts';
import { withRetry } from '../../db/retry.ts';
import { ticketOfAppointment } from '../../db/repositories/queue-ticket-repo.ts';
import { effectiveStatus } from '../appointment-view.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from '../staff/access.ts';
import { loadForStaff } from '../staff/get-staff-appointment.ts';
import { checkInWithTicket } from './issue-ticket.ts';
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
      const { ticket, appointment: updated } = await checkInWithTicket(tx, ctx.orgId, user, qo, row);
      return ticketView(ticket, updated, qo, q.locale);
    }),
  );
}
