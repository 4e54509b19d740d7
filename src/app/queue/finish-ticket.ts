// Use case: "fertig": the citizen has been served (from called or serving;
// started_at is the call's time when service was not started separately). A
// booked citizen's appointment becomes completed, with its history entry, as
// the day view's "erledigt" does (record-attendance.ts).
import { findById } from '../../db/repositories/appointment-repo.ts';
import { updateTicket } from '../../db/repositories/queue-ticket-repo.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from '../staff/access.ts';
import { applyAttendance } from '../staff/record-attendance.ts';
import { refuseState, type TicketView } from './queue-office.ts';
import { actOnTicket, type TicketQuery } from './ticket-action.ts';

export function finishTicket(ctx: AppContext, user: StaffUser, q: TicketQuery): Promise<TicketView> {
  return actOnTicket(ctx, user, q, async (tx, t, qo) => {
    if (t.status !== 'called' && t.status !== 'serving') refuseState(t);
    if (t.appointment_id) {
      const a = await findById(tx, ctx.orgId, t.appointment_id, true);
      if (a && a.status !== 'completed') await applyAttendance(tx, ctx, user, qo.catalog, a, 'completed', qo.now, { ticket: t.number });
    }
    return updateTicket(tx, ctx.orgId, t.id, { status: 'done', started_at: t.started_at ?? t.called_at, finished_at: new Date(qo.now) });
  });
}
