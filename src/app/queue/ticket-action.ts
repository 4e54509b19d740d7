// The frame of an action on one ticket of today (recall, no-show, start,
// finish, defer, transfer; one use case per file beside this one): the office
// (the staff member's own), the ticket by number or id, locked, in one
// transaction; the action returns the changed row; the answer is the ticket as
// staff see it.
import type { Transaction } from 'kysely';
import type { Locale } from '../../domain/types.ts';
import type { Database } from '../../db/schema.ts';
import { withRetry } from '../../db/retry.ts';
import { appointmentsOfTickets, type TicketRow } from '../../db/repositories/queue-ticket-repo.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from '../staff/access.ts';
import { loadTicket, openQueueOffice, ticketView, type QueueOffice, type TicketView } from './queue-office.ts';

export interface TicketQuery { office: string; ticket: string; locale: Locale }

export async function actOnTicket(
  ctx: AppContext, user: StaffUser, q: TicketQuery,
  act: (tx: Transaction<Database>, t: TicketRow, qo: QueueOffice) => Promise<TicketRow>,
): Promise<TicketView> {
  const qo = await openQueueOffice(ctx, user, q.office);
  return withRetry(() =>
    ctx.db.transaction().execute(async (tx) => {
      const t = await loadTicket(tx, ctx.orgId, qo, q.ticket);
      const changed = await act(tx, t, qo);
      const [a] = changed.appointment_id ? await appointmentsOfTickets(tx, ctx.orgId, [changed.appointment_id]) : [];
      return ticketView(changed, a, qo, q.locale);
    }),
  );
}
