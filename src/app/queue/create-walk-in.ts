// Use case: a citizen without an appointment asks at the front desk; staff give
// them a waiting number `W…` for one or more concerns (with quantities, checked
// like a booking's: offered here, at most maxQuantity each), if the office
// takes walk-ins (`queue.walkIns`). They queue by arrival, filling the gaps
// between the booked times (domain/queue.ts).
import { DomainError } from '../../domain/errors.ts';
import type { Locale, ServiceRequest } from '../../domain/types.ts';
import { withRetry } from '../../db/retry.ts';
import { insertTicket } from '../../db/repositories/queue-ticket-repo.ts';
import type { AppContext } from '../context.ts';
import { resolveSelection } from '../resolve-selection.ts';
import type { StaffUser } from '../staff/access.ts';
import { nextTicketNumber } from './issue-ticket.ts';
import { openQueueOffice, ticketView, type TicketView } from './queue-office.ts';

export async function createWalkIn(
  ctx: AppContext, user: StaffUser, q: { office: string; concerns: ServiceRequest[]; locale: Locale },
): Promise<TicketView> {
  const qo = await openQueueOffice(ctx, user, q.office);
  if (!qo.rules.walkIns) throw new DomainError('not_allowed', { fields: { office: { key: 'queue.walk_ins_off' } } });
  const { requests } = resolveSelection(qo.catalog, q.office, q.concerns);
  return withRetry(() =>
    ctx.db.transaction().execute(async (tx) => {
      const { number, seq } = await nextTicketNumber(tx, ctx.orgId, qo, 'walk_in');
      const ticket = await insertTicket(tx, {
        org_id: ctx.orgId, office_id: q.office, day: qo.day, number, seq, kind: 'walk_in',
        appointment_id: null, concerns: JSON.stringify(requests.map((r) => ({ id: r.id, quantity: r.quantity }))),
        priority_at: new Date(qo.now), arrived_at: new Date(qo.now),
      });
      return ticketView(ticket, undefined, qo, q.locale);
    }),
  );
}
