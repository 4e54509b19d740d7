// Use case: "erneut aufrufen": a called citizen has not come to the desk yet;
// the number is called again (to the same desk, announced to the displays as
// the newest call), counted in the ticket's calls.
import { notifyCall, updateTicket } from '../../db/repositories/queue-ticket-repo.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from '../staff/access.ts';
import { recordQueueHistory } from './queue-history.ts';
import { deskName, refuseState, type TicketView } from './queue-office.ts';
import { actOnTicket, type TicketQuery } from './ticket-action.ts';

export function recallTicket(ctx: AppContext, user: StaffUser, q: TicketQuery): Promise<TicketView> {
  return actOnTicket(ctx, user, q, async (tx, t, qo) => {
    if (t.status !== 'called' || !t.desk) refuseState(t);
    const called = await updateTicket(tx, ctx.orgId, t.id, { called_at: new Date(qo.now), called_by: user.id, call_count: t.call_count + 1 });
    await recordQueueHistory(tx, { orgId: ctx.orgId, now: qo.now }, user, called, 'appointment.queue_call', { desk: deskName(qo.rules, t.desk), calls: called.call_count });
    await notifyCall(tx, { org: ctx.orgId, office: q.office, number: called.number, desk: t.desk });
    return called;
  });
}
