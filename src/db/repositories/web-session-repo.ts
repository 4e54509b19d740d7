// SQL for the citizen pages' sessions (table web_sessions, migration 003).
// Rows are keyed by the SHA-256 of the cookie's session id, never the id itself.
import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export interface WebSessionsTable {
  org_id: string;
  id_hash: string;
  data: ColumnType<unknown, string, string>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

type Db = Kysely<Database> | Transaction<Database>;
const web = (db: Db) => db.withTables<{ web_sessions: WebSessionsTable }>();

/** The session's data, or undefined when there is none or it has expired. */
export async function loadWebSession(db: Db, q: { orgId: string; idHash: string; now: Date }): Promise<unknown | undefined> {
  const row = await web(db)
    .selectFrom('web_sessions')
    .select('data')
    .where('org_id', '=', q.orgId)
    .where('id_hash', '=', q.idHash)
    .where('expires_at', '>', q.now)
    .executeTakeFirst();
  return row?.data;
}

/** Creates or replaces a session's data and moves its expiry. */
export async function saveWebSession(
  db: Db,
  q: { orgId: string; idHash: string; data: unknown; now: Date; expiresAt: Date },
): Promise<void> {
  const data = JSON.stringify(q.data);
  await web(db)
    .insertInto('web_sessions')
    .values({ org_id: q.orgId, id_hash: q.idHash, data, created_at: q.now, updated_at: q.now, expires_at: q.expiresAt })
    .onConflict((oc) => oc.column('id_hash').doUpdateSet({ data, updated_at: q.now, expires_at: q.expiresAt }))
    .execute();
}

export async function deleteWebSession(db: Db, q: { orgId: string; idHash: string }): Promise<void> {
  await web(db).deleteFrom('web_sessions').where('org_id', '=', q.orgId).where('id_hash', '=', q.idHash).execute();
}

/** Deletes expired sessions (with the contact data they may hold); returns how many. */
export async function purgeExpiredWebSessions(db: Db, now: Date): Promise<number> {
  const r = await web(db).deleteFrom('web_sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
