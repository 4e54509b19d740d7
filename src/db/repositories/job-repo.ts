// SQL of the background jobs. Every statement is idempotent and safe when
// several instances run it at once: rows are claimed by an UPDATE whose WHERE
// clause stops matching once done (PostgreSQL re-checks it after waiting for
// a concurrent writer), so each row is handled by exactly one of them.
import { sql } from 'kysely';
import { mailDb, type AnyDb } from './mail-schema.ts';

export interface ClaimedReminder {
  id: string;
  contact_email: string;
  locale: string;
}

/**
 * Marks booked appointments of an office starting within (now, now + hours]
 * that were booked before that window opened, and not reminded yet; returns
 * those that have an e-mail address. Call in the transaction that enqueues
 * the reminders.
 */
export async function claimDueReminders(
  tx: AnyDb,
  q: { orgId: string; officeId: string; hours: number; now: Date },
): Promise<ClaimedReminder[]> {
  const windowMs = q.hours * 3600_000;
  const until = new Date(q.now.getTime() + windowMs);
  const rows = await mailDb(tx)
    .updateTable('appointments')
    .set({ reminded_at: q.now })
    .where('org_id', '=', q.orgId)
    .where('office_id', '=', q.officeId)
    .where('status', '=', 'booked')
    .where('reminded_at', 'is', null)
    .where('starts_at', '>', q.now)
    .where('starts_at', '<=', until)
    .where(sql<boolean>`created_at <= starts_at - make_interval(secs => ${windowMs / 1000})`)
    .returning(['id', 'contact_email', 'locale'])
    .execute();
  return rows.filter((r): r is ClaimedReminder => typeof r.contact_email === 'string' && r.contact_email !== '');
}

/**
 * Erases the personal data of appointments that ended before `endedBefore`:
 * name, e-mail, phone, e-mail key and token hash; sets anonymized_at. The
 * rows stay (office, time, concerns, status) for statistics. Their outbox
 * rows (recipient, links) are deleted, and the reasons staff typed into their
 * history (moves, cancellations) removed. Returns how many were anonymised.
 */
export async function anonymizeEnded(tx: AnyDb, q: { orgId: string; endedBefore: Date; now: Date; limit: number }): Promise<number> {
  const db = mailDb(tx);
  const ids = await db
    .selectFrom('appointments')
    .select('id')
    .where('org_id', '=', q.orgId)
    .where('anonymized_at', 'is', null)
    .where('ends_at', '<', q.endedBefore)
    .where('status', '<>', 'held')
    .orderBy('ends_at')
    .limit(q.limit)
    .forUpdate()
    .skipLocked()
    .execute();
  if (ids.length === 0) return 0;
  const list = ids.map((r) => r.id);
  await db.deleteFrom('outbox').where('org_id', '=', q.orgId).where('appointment_id', 'in', list).execute();
  // the reasons and call notes staff typed into the appointments' history may name the person too
  await db.updateTable('audit_log').set({ details: sql<string>`details - 'reason' - 'note'` })
    .where('org_id', '=', q.orgId).where('appointment_id', 'in', list)
    .where('action', 'in', ['appointment.move', 'appointment.cancel', 'appointment.contacted']).execute();
  const r = await db
    .updateTable('appointments')
    .set({
      contact_name: null, contact_email: null, contact_phone: null, email_key: null, token_hash: null, anonymized_at: q.now,
    })
    .where('id', 'in', list)
    .where('anonymized_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Forgets idempotency keys (and the encrypted first answers) older than `before`. */
export async function purgeIdempotencyKeys(db: AnyDb, before: Date): Promise<number> {
  const r = await mailDb(db).deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
