// SQL for the request counters every instance shares (table rate_limits,
// migration 006): one atomic statement per counted request, and the purge of
// windows that have ended.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Adds one to the counter of (organization, bucket, key, window) and returns
 * the new count: INSERT … ON CONFLICT DO UPDATE SET count = count + 1
 * RETURNING count. Atomic on PostgreSQL and PGlite: simultaneous requests on
 * any number of instances each get a distinct count.
 */
export async function incrementRequestCount(
  db: Db,
  q: { orgId: string; bucket: string; key: string; windowStart: Date; expiresAt: Date },
): Promise<number> {
  const row = await db
    .insertInto('rate_limits')
    .values({ org_id: q.orgId, bucket: q.bucket, key: q.key, window_start: q.windowStart, expires_at: q.expiresAt, count: 1 })
    .onConflict((oc) => oc.columns(['org_id', 'bucket', 'key', 'window_start']).doUpdateSet((eb) => ({ count: eb('rate_limits.count', '+', 1) })))
    .returning('count')
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Deletes the counters of windows that ended before `before` (all organizations); returns how many. */
export async function purgeRequestCounts(db: Db, before: Date): Promise<number> {
  const r = await db.deleteFrom('rate_limits').where('expires_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
