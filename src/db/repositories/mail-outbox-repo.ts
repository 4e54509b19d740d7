// SQL of the outbox relay: claim due mails (FOR UPDATE SKIP LOCKED, with a
// lease), then record what happened to each. Several relays may run at once:
// a row claimed by one is locked while the claim runs and not due again until
// its lease ends, so no other relay takes it in between.
import { sql, type Selectable } from 'kysely';
import { mailDb, type AnyDb, type MailDatabase } from './mail-schema.ts';

export type OutboxRow = Selectable<MailDatabase['outbox']>;
export type MailAppointmentRow = Selectable<MailDatabase['appointments']>;

/**
 * Claims up to `limit` due pending rows: each gets `attempts + 1` and
 * `next_attempt_at = leaseUntil`, committed at once, so a relay that dies while
 * sending leaves rows that become due again when the lease ends.
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
    SET next_attempt_at = ${q.leaseUntil}, attempts = o.attempts + 1
    FROM due
    WHERE o.id = due.id
    RETURNING o.*`.execute(db);
  return [...result.rows].sort((a, b) => Number(a.id) - Number(b.id));
}

/** The transport accepted the mail: sent, and the manage token leaves the database. */
export async function markMailSent(db: AnyDb, id: string, now: Date): Promise<void> {
  await mailDb(db)
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: now, last_error: null, payload: sql`payload - 'manageToken'` as never })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export async function scheduleMailRetry(db: AnyDb, id: string, q: { at: Date; error: string }): Promise<void> {
  await mailDb(db)
    .updateTable('outbox')
    .set({ next_attempt_at: q.at, last_error: q.error })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Given up (or pointless): `failed` / `skipped`, keeping the reason; the manage token is removed. */
export async function finishMail(db: AnyDb, id: string, q: { status: 'failed' | 'skipped'; reason: string }): Promise<void> {
  await mailDb(db)
    .updateTable('outbox')
    .set({ status: q.status, last_error: q.reason, payload: sql`payload - 'manageToken'` as never })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export async function findMailAppointment(db: AnyDb, orgId: string, id: string): Promise<MailAppointmentRow | undefined> {
  return mailDb(db).selectFrom('appointments').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
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
