// SQL for the counter queue's tickets (migration 009): hand out the next
// number of an office's day (serialised per office and day by a transaction
// advisory lock, so two arrivals never get the same number), lock the waiting
// for "call next" one by one in the queue's order (FOR UPDATE SKIP LOCKED: a
// ticket another clerk is calling right now is skipped, never called twice), read an office's day and its last
// calls, and announce a call on the NOTIFY channel the waiting-room display
// listens to.
import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { Database, QueueTicketKind, QueueTicketsTable } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type TicketRow = Selectable<QueueTicketsTable>;

/** The NOTIFY channel of calls: payload `{"org":…,"office":…,"number":…,"desk":…}` (JSON). */
export const QUEUE_CALL_CHANNEL = 'amtszeit_queue_call';

/** Serialises number handing-out for an office's day until the transaction ends. */
export async function lockOfficeDay(tx: Transaction<Database>, orgId: string, officeId: string, day: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`queue:${orgId}:${officeId}:${day}`}))`.execute(tx);
}

/** The last sequence number of a kind on the office's day (0 if none). Call under lockOfficeDay. */
export async function lastSeq(tx: Db, orgId: string, officeId: string, day: string, kind: QueueTicketKind): Promise<number> {
  const r = await tx.selectFrom('queue_tickets').select((eb) => eb.fn.max('seq').as('seq'))
    .where('org_id', '=', orgId).where('office_id', '=', officeId).where('day', '=', day).where('kind', '=', kind)
    .executeTakeFirst();
  return Number(r?.seq ?? 0);
}

export async function insertTicket(tx: Db, t: Insertable<QueueTicketsTable>): Promise<TicketRow> {
  return tx.insertInto('queue_tickets').values(t).returningAll().executeTakeFirstOrThrow();
}

export async function ticketOfAppointment(db: Db, orgId: string, appointmentId: string): Promise<TicketRow | undefined> {
  return db.selectFrom('queue_tickets').selectAll().where('org_id', '=', orgId).where('appointment_id', '=', appointmentId).executeTakeFirst();
}

/** The office's tickets of the day, by status (all statuses when none are given). */
export async function ticketsOfDay(db: Db, orgId: string, officeId: string, day: string, statuses?: TicketRow['status'][]): Promise<TicketRow[]> {
  let q = db.selectFrom('queue_tickets').selectAll().where('org_id', '=', orgId).where('office_id', '=', officeId).where('day', '=', day);
  if (statuses) q = q.where('status', 'in', statuses);
  return q.orderBy('arrived_at').execute();
}

/**
 * Locks one ticket if it is still waiting (or deferred) and no other transaction holds it; else
 * undefined (another clerk is calling it right now, or already called it: the status is re-checked
 * on the newest row version).
 */
export async function lockIfWaiting(tx: Transaction<Database>, orgId: string, id: string): Promise<TicketRow | undefined> {
  return tx.selectFrom('queue_tickets').selectAll()
    .where('org_id', '=', orgId).where('id', '=', id).where('status', 'in', ['waiting', 'deferred'])
    .forUpdate().skipLocked().executeTakeFirst();
}

/** What the queue needs of the appointments of its tickets. */
export async function appointmentsOfTickets(db: Db, orgId: string, ids: string[]): Promise<{
  id: string; reference: string | null; starts_at: Date; duration_minutes: number; services: { id: string; quantity: number }[]; contact_name: string | null;
}[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('appointments').select(['id', 'reference', 'starts_at', 'duration_minutes', 'services', 'contact_name'])
    .where('org_id', '=', orgId).where('id', 'in', ids).execute();
}

/** One ticket of the office's day by its number (`W017`) or id, locked when `forUpdate`. */
export async function findTicket(
  db: Db, orgId: string, officeId: string, day: string, key: { number?: string; id?: string }, forUpdate = false,
): Promise<TicketRow | undefined> {
  let q = db.selectFrom('queue_tickets').selectAll().where('org_id', '=', orgId).where('office_id', '=', officeId);
  if (key.id) q = q.where('id', '=', key.id);
  else q = q.where('day', '=', day).where('number', '=', key.number ?? '');
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateTicket(tx: Db, orgId: string, id: string, changes: Updateable<QueueTicketsTable>): Promise<TicketRow> {
  return tx.updateTable('queue_tickets').set(changes).where('org_id', '=', orgId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** The office's last calls of the day, newest first (numbers and desks only: what a display may show). */
export async function lastCalls(db: Db, orgId: string, officeId: string, day: string, limit: number): Promise<Pick<TicketRow, 'number' | 'desk' | 'called_at' | 'status'>[]> {
  return db.selectFrom('queue_tickets').select(['number', 'desk', 'called_at', 'status'])
    .where('org_id', '=', orgId).where('office_id', '=', officeId).where('day', '=', day).where('called_at', 'is not', null)
    .orderBy('called_at', 'desc').limit(limit).execute();
}

/** Announces a call to the displays (delivered when the transaction commits). */
export async function notifyCall(tx: Db, payload: { org: string; office: string; number: string; desk: string }): Promise<void> {
  await sql`SELECT pg_notify(${QUEUE_CALL_CHANNEL}, ${JSON.stringify(payload)})`.execute(tx);
}
