// Use case: "zurückstellen": a called (or served) citizen goes back into the
// queue, behind everyone waiting (e.g. to fetch a missing document); called
// again later by "call next" in the order they were put back.
import { updateTicket } from '../../db/repositories/queue-ticket-repo.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from '../staff/access.ts';
import { recordQueueHistory } from './queue-history.ts';
import { refuseState, type TicketView } from './queue-office.ts';
import { actOnTicket, type TicketQuery } from './ticket-action.ts';

export function deferTicket(ctx: AppContext, user: StaffUser, q: TicketQuery): Promise<TicketView> {
  return actOnTicket(ctx, user, q, async (tx, t, qo) => {
    if (t.status !== 'called' && t.status !== 'serving') refuseState(t);
    const deferred = await updateTicket(tx, ctx.orgId, t.id, { status: 'deferred', deferred_at: new Date(qo.now), started_at: null });
    await recordQueueHistory(tx, { orgId: ctx.orgId, now: qo.now }, user, deferred, 'appointment.queue_defer');
    return deferred;
  });
}
