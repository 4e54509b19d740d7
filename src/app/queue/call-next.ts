// Use case: "Nächste/n aufrufen" at a desk: the first of the office's waiting
// in the queue's order (domain/queue.ts) is called to the desk, by this clerk.
// Safe when clerks press at the same moment, on one instance or several: the
// candidates are read in order and taken one by one with FOR UPDATE SKIP
// LOCKED, re-checking that each is still waiting — a ticket another clerk is
// calling right now is skipped, so no two clerks ever get the same citizen.
// The call is announced on the NOTIFY channel (delivered at commit) for the
// waiting-room displays. Nobody waiting: `ticket: null`.
import type { Locale } from '../../domain/types.ts';
import { withRetry } from '../../db/retry.ts';
import { lockIfWaiting, notifyCall, ticketsOfDay, updateTicket } from '../../db/repositories/queue-ticket-repo.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from '../staff/access.ts';
import { recordQueueHistory } from './queue-history.ts';
import { deskOf, openQueueOffice, ticketView, type TicketView } from './queue-office.ts';
import { appointmentsOf, waitingLine } from './waiting-line.ts';

export async function callNext(
  ctx: AppContext, user: StaffUser, q: { office: string; desk: string; locale: Locale },
): Promise<{ ticket: TicketView | null }> {
  const qo = await openQueueOffice(ctx, user, q.office);
  const desk = deskOf(qo.rules, q.desk);
  return withRetry(() =>
    ctx.db.transaction().execute(async (tx) => {
      const waiting = await ticketsOfDay(tx, ctx.orgId, q.office, qo.day, ['waiting', 'deferred']);
      const apps = await appointmentsOf(tx, ctx.orgId, waiting);
      for (const e of waitingLine(waiting, apps, qo)) {
        const locked = await lockIfWaiting(tx, ctx.orgId, e.id);
        if (!locked) continue; // another clerk has it
        const called = await updateTicket(tx, ctx.orgId, locked.id, {
          status: 'called', called_at: new Date(qo.now), called_by: user.id, desk: desk.id, call_count: locked.call_count + 1,
        });
        await recordQueueHistory(tx, { orgId: ctx.orgId, now: qo.now }, user, called, 'appointment.queue_call', { desk: desk.name, calls: called.call_count });
        await notifyCall(tx, { org: ctx.orgId, office: q.office, number: called.number, desk: desk.id });
        return { ticket: ticketView(called, called.appointment_id ? apps.get(called.appointment_id) : undefined, qo, q.locale) };
      }
      return { ticket: null };
    }),
  );
}
