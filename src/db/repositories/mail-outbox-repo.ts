// SQL of the outbox relay: claim due mails (FOR UPDATE SKIP LOCKED, with a
// lease), renew the lease while sending, then record what happened to each.
// Several relays may run at once: a row claimed by one is locked while the
// claim runs and not due again until its lease ends, so no other relay takes
// it in between.
import { sql, type Selectable } from 'kysely';
import { mailDb, type AnyDb, type MailDatabase, type OutboxErrorKind } from './mail-schema.ts';

export type OutboxRow = Selectable<MailDatabase['outbox']>;
export type MailAppointmentRow = Selectable<MailDatabase['appointments']>;

/**
 * Claims up to `limit` due pending rows: each gets `attempts + 1`,
 * `next_attempt_at = leaseUntil` and no error kind (so a recovery of the mail
 * server cannot make a leased row due), committed at once; a relay that dies
 * while sending leaves rows that become due again when the lease ends.
 */
export async function claimDueMails(db: AnyDb, q: { now: Date; leaseUntil: Date; limit: number }): Promise<OutboxRow[]> {
  const result = await sql<OutboxRow>`
    WITH due AS (
      SELECT id FROM outbox
      WHERE status = 'pending' AND next_attempt_at <= ${q.now}
      ORDER BY next_attempt_at, id
      LIMIT ${q.limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE outbox o
    SET next_attempt_at = ${q.leaseUntil}, attempts = o.attempts + 1, last_error_kind = NULL
    FROM due
    WHERE o.id = due.id
    RETURNING o.*`.execute(db);
  return [...result.rows].sort((a, b) => Number(a.id) - Number(b.id));
}

/**
 * Extends the lease of the rows this relay still holds (pending, and still
 * under the lease it gave them); a row whose lease ran out and that another
 * relay claimed meanwhile has another lease and is left alone.
 */
export async function renewMailLease(db: AnyDb, q: { ids: string[]; leaseUntil: Date; newLeaseUntil: Date }): Promise<number> {
  if (q.ids.length === 0) return 0;
  const r = await mailDb(db)
    .updateTable('outbox')
    .set({ next_attempt_at: q.newLeaseUntil })
    .where('id', 'in', q.ids)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '=', q.leaseUntil)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The transport accepted the mail: sent, and the manage token leaves the database. */
export async function markMailSent(db: AnyDb, id: string, now: Date): Promise<void> {
  await mailDb(db)
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: now, last_error: null, last_error_kind: null, payload: sql`payload - 'manageToken'` as never })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export async function scheduleMailRetry(db: AnyDb, id: string, q: { at: Date; error: string; kind: OutboxErrorKind }): Promise<void> {
  await mailDb(db)
    .updateTable('outbox')
    .set({ next_attempt_at: q.at, last_error: q.error, last_error_kind: q.kind })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * The mail server answers again: every row waiting for a retry because it
 * was unreachable is due now (instead of at its next backoff step).
 * Returns how many.
 */
export async function releaseMailsWaitingForServer(db: AnyDb, now: Date): Promise<number> {
  const r = await mailDb(db)
    .updateTable('outbox')
    .set({ next_attempt_at: now })
    .where('status', '=', 'pending')
    .where('last_error_kind', '=', 'unreachable')
    .where('next_attempt_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Given up (or pointless): `failed` / `skipped`, keeping the reason; the manage token is removed. */
export async function finishMail(db: AnyDb, id: string, q: { status: 'failed' | 'skipped'; reason: string; kind?: OutboxErrorKind | null }): Promise<void> {
  await mailDb(db)
    .updateTable('outbox')
    .set({ status: q.status, last_error: q.reason, last_error_kind: q.kind ?? null, payload: sql`payload - 'manageToken'` as never })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export async function findMailAppointment(db: AnyDb, orgId: string, id: string): Promise<MailAppointmentRow | undefined> {
  return mailDb(db).selectFrom('appointments').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** The appointments of a batch of outbox rows, in one statement: key `org_id/id`. */
export async function findMailAppointments(db: AnyDb, rows: { org_id: string; appointment_id: string | null }[]): Promise<Map<string, MailAppointmentRow>> {
  const ids = [...new Set(rows.flatMap((r) => (r.appointment_id ? [r.appointment_id] : [])))];
  if (ids.length === 0) return new Map();
  const found = await mailDb(db).selectFrom('appointments').selectAll().where('id', 'in', ids).execute();
  return new Map(found.map((a) => [`${a.org_id}/${a.id}`, a]));
}

/** Mails that were given up, newest first (for staff). */
export async function failedMails(db: AnyDb, orgId: string, limit = 100): Promise<OutboxRow[]> {
  return mailDb(db)
    .selectFrom('outbox')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', '=', 'failed')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** One appointment's mails that could not be delivered, oldest first (the staff's appointment page). */
export async function failedMailsOf(db: AnyDb, orgId: string, appointmentId: string): Promise<{ kind: string; last_error_kind: OutboxErrorKind | null; created_at: Date }[]> {
  return mailDb(db)
    .selectFrom('outbox')
    .select(['kind', 'last_error_kind', 'created_at'])
    .where('org_id', '=', orgId)
    .where('appointment_id', '=', appointmentId)
    .where('status', '=', 'failed')
    .orderBy('id')
    .execute();
}
