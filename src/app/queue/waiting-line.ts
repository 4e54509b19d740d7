// Who waits, in the order they will be called, and how long: the one reading
// of an office's tickets that call-next, the queue view and the kiosk share
// (the rules themselves are pure, in domain/queue.ts).
import type { Kysely, Transaction } from 'kysely';
import { estimatedWaits, queueOrder, type QueueEntry } from '../../domain/queue.ts';
import type { Database } from '../../db/schema.ts';
import { appointmentsOfTickets, type TicketRow } from '../../db/repositories/queue-ticket-repo.ts';
import { ticketMinutes, type QueueOffice, type TicketAppointment } from './queue-office.ts';

export type Waiting = QueueEntry & { row: TicketRow };

/** The booked appointments of these tickets, by appointment id. */
export async function appointmentsOf(
  db: Kysely<Database> | Transaction<Database>, orgId: string, tickets: readonly TicketRow[],
): Promise<Map<string, TicketAppointment>> {
  const rows = await appointmentsOfTickets(db, orgId, tickets.flatMap((t) => (t.appointment_id ? [t.appointment_id] : [])));
  return new Map(rows.map((a) => [a.id, a]));
}

/** The waiting and deferred tickets in the order they will be called. */
export function waitingLine(tickets: readonly TicketRow[], apps: Map<string, TicketAppointment>, qo: QueueOffice): Waiting[] {
  const entries = tickets.filter((t) => t.status === 'waiting' || t.status === 'deferred').map((t): Waiting => {
    const a = t.appointment_id ? apps.get(t.appointment_id) : undefined;
    return {
      id: t.id, kind: t.kind, status: t.status === 'deferred' ? 'deferred' : 'waiting', priorityAt: t.priority_at.getTime(),
      arrivedAt: t.arrived_at.getTime(), startsAt: a?.starts_at.getTime() ?? null, deferredAt: t.deferred_at?.getTime() ?? null,
      minutes: ticketMinutes(t, a, qo.catalog), seq: t.seq, row: t,
    };
  });
  return queueOrder(entries, qo.now);
}

const OPEN_DESK_WINDOW_MS = 60 * 60_000;

/**
 * Estimated minutes until each of `line` is called: the minutes ahead spread
 * over the open desks — those that called someone in the last hour among the
 * day's `tickets`, or all of the office's desks when none did yet.
 */
export function waitEstimates(line: readonly Waiting[], tickets: readonly TicketRow[], qo: QueueOffice): number[] {
  const recent = new Set(tickets.filter((t) => t.desk && t.called_at && qo.now - t.called_at.getTime() < OPEN_DESK_WINDOW_MS).map((t) => t.desk));
  return estimatedWaits(line, recent.size || qo.rules.desks.length);
}
