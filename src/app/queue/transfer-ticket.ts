// Use case: pass a called or served citizen to another desk (e.g. a colleague
// who handles their concern): the number is called to that desk, announced to
// the displays as the newest call, and waits there to be started.
import { notifyCall, updateTicket } from '../../db/repositories/queue-ticket-repo.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from '../staff/access.ts';
import { recordQueueHistory } from './queue-history.ts';
import { deskOf, refuseState, type TicketView } from './queue-office.ts';
import { actOnTicket, type TicketQuery } from './ticket-action.ts';

export function transferTicket(ctx: AppContext, user: StaffUser, q: TicketQuery & { desk: string }): Promise<TicketView> {
  return actOnTicket(ctx, user, q, async (tx, t, qo) => {
    if (t.status !== 'called' && t.status !== 'serving') refuseState(t);
    const desk = deskOf(qo.rules, q.desk);
    if (desk.id === t.desk) throw new DomainError('validation', { fields: { desk: { key: 'queue.desk.same' } } });
    const moved = await updateTicket(tx, ctx.orgId, t.id, {
      status: 'called', desk: desk.id, called_at: new Date(qo.now), called_by: user.id, started_at: null, call_count: t.call_count + 1,
    });
    await recordQueueHistory(tx, { orgId: ctx.orgId, now: qo.now }, user, moved, 'appointment.queue_transfer', { desk: desk.name });
    await notifyCall(tx, { org: ctx.orgId, office: q.office, number: moved.number, desk: desk.id });
    return moved;
  });
}
