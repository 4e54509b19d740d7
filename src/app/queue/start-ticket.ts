// Use case: the called citizen has come to the desk: service begins (started_at).
import { updateTicket } from '../../db/repositories/queue-ticket-repo.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from '../staff/access.ts';
import { recordQueueHistory } from './queue-history.ts';
import { deskName, refuseState, type TicketView } from './queue-office.ts';
import { actOnTicket, type TicketQuery } from './ticket-action.ts';

export function startTicket(ctx: AppContext, user: StaffUser, q: TicketQuery): Promise<TicketView> {
  return actOnTicket(ctx, user, q, async (tx, t, qo) => {
    if (t.status !== 'called') refuseState(t);
    const started = await updateTicket(tx, ctx.orgId, t.id, { status: 'serving', started_at: new Date(qo.now) });
    await recordQueueHistory(tx, { orgId: ctx.orgId, now: qo.now }, user, started, 'appointment.queue_start', { desk: deskName(qo.rules, t.desk) });
    return started;
  });
}
