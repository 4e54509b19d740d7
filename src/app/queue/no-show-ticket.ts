// Use case: "nicht erschienen" after calling: the called citizen did not come
// to the desk (after a recall, typically). The ticket ends as no_show; a
// booked citizen's appointment becomes no_show too (they had checked in, so
// the day view's grace after the start does not apply: they were called and
// not there), with a history entry saying so.
import { findById, updateAppointment } from '../../db/repositories/appointment-repo.ts';
import { updateTicket } from '../../db/repositories/queue-ticket-repo.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from '../staff/access.ts';
import { recordQueueHistory } from './queue-history.ts';
import { refuseState, type TicketView } from './queue-office.ts';
import { actOnTicket, type TicketQuery } from './ticket-action.ts';

export function noShowTicket(ctx: AppContext, user: StaffUser, q: TicketQuery): Promise<TicketView> {
  return actOnTicket(ctx, user, q, async (tx, t, qo) => {
    if (t.status !== 'called') refuseState(t);
    const ended = await updateTicket(tx, ctx.orgId, t.id, { status: 'no_show', finished_at: new Date(qo.now) });
    if (t.appointment_id) {
      const a = await findById(tx, ctx.orgId, t.appointment_id, true);
      if (a && a.status === 'checked_in') {
        await updateAppointment(tx, ctx.orgId, a.id, { status: 'no_show', updated_at: new Date(qo.now) });
        await recordQueueHistory(tx, { orgId: ctx.orgId, now: qo.now }, user, ended, 'appointment.queue_no_show', { fromStatus: 'checked_in', toStatus: 'no_show' });
      }
    }
    return ended;
  });
}
