// SQL for staff sessions (table staff_sessions, migration 004). Rows are keyed
// by the SHA-256 of the cookie's session id, never the id itself.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { StaffUserRow } from './staff-user-repo.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertStaffSession(db: Db, q: { orgId: string; idHash: string; userId: string; now: Date }): Promise<void> {
  await db.insertInto('staff_sessions').values({ org_id: q.orgId, id_hash: q.idHash, user_id: q.userId, created_at: q.now, last_seen_at: q.now }).execute();
}

/** The session with its (active) user, or undefined. */
export async function findStaffSession(
  db: Db,
  q: { orgId: string; idHash: string },
): Promise<{ createdAt: Date; lastSeenAt: Date; user: StaffUserRow } | undefined> {
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', (j) => j.onRef('u.org_id', '=', 's.org_id').onRef('u.id', '=', 's.user_id'))
    .selectAll('u')
    .select(['s.created_at as s_created_at', 's.last_seen_at as s_last_seen_at'])
    .where('s.org_id', '=', q.orgId)
    .where('s.id_hash', '=', q.idHash)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  const { s_created_at, s_last_seen_at, ...user } = row;
  return { createdAt: s_created_at, lastSeenAt: s_last_seen_at, user };
}

export async function touchStaffSession(db: Db, q: { orgId: string; idHash: string; now: Date }): Promise<void> {
  await db.updateTable('staff_sessions').set({ last_seen_at: q.now }).where('org_id', '=', q.orgId).where('id_hash', '=', q.idHash).execute();
}

export async function deleteStaffSession(db: Db, q: { orgId: string; idHash: string }): Promise<void> {
  await db.deleteFrom('staff_sessions').where('org_id', '=', q.orgId).where('id_hash', '=', q.idHash).execute();
}

/** Deletes sessions idle since `idleBefore` or created before `createdBefore`. */
export async function purgeStaffSessions(db: Db, q: { idleBefore: Date; createdBefore: Date }): Promise<void> {
  await db.deleteFrom('staff_sessions').where((eb) => eb.or([eb('last_seen_at', '<', q.idleBefore), eb('created_at', '<', q.createdBefore)])).execute();
}
