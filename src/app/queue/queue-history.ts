// The appointment history entry of a queue action on a booked citizen's ticket
// (`appointment.queue_*`: called to which desk, service begun, put back, passed
// on, not there after the call), in the transaction of the action. Walk-ins
// have no appointment and so no history; their ticket keeps the times.
import type { Transaction } from 'kysely';
import type { AppointmentAction, AppointmentChange } from '../../domain/appointment-history.ts';
import type { Database } from '../../db/schema.ts';
import { recordAppointmentChanges } from '../../db/repositories/appointment-history-repo.ts';
import type { TicketRow } from '../../db/repositories/queue-ticket-repo.ts';
import { historyEntry } from '../history-entry.ts';
import type { StaffUser } from '../staff/access.ts';

export async function recordQueueHistory(
  tx: Transaction<Database>, at: { orgId: string; now: number }, user: StaffUser, t: TicketRow,
  action: AppointmentAction, details: Omit<AppointmentChange, 'reference' | 'ticket'> = {},
): Promise<void> {
  if (!t.appointment_id) return;
  const a = await tx.selectFrom('appointments').select(['id', 'office_id', 'reference'])
    .where('org_id', '=', at.orgId).where('id', '=', t.appointment_id).executeTakeFirst();
  if (!a) return;
  await recordAppointmentChanges(tx, [historyEntry(at, a, { kind: 'staff', userId: user.id }, action, { ticket: t.number, ...details })]);
}
