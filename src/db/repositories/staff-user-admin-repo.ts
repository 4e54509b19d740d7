// SQL for managing staff accounts in the browser (tables staff_users and
// staff_sessions, migrations 004/005): the list, changes to a user, the lock
// that serialises them (so two admins cannot both remove "the other" last
// admin), and ending all sessions of a user.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, StaffRole } from '../schema.ts';
import type { StaffUserRow } from './staff-user-repo.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function listStaffUsers(db: Db, orgId: string): Promise<StaffUserRow[]> {
  return db.selectFrom('staff_users').selectAll().where('org_id', '=', orgId).orderBy('active', 'desc').orderBy('name').orderBy('email').execute();
}

/** Serialises changes to the accounts of one organization (until the transaction ends). */
export async function lockStaffUsers(tx: Transaction<Database>, orgId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`staff-users:${orgId}`}, 0))`.execute(tx);
}

export async function countActiveAdmins(db: Db, orgId: string): Promise<number> {
  const r = await db
    .selectFrom('staff_users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function updateStaffUser(
  db: Db,
  q: { orgId: string; id: string; name?: string; role?: StaffRole; offices?: string[]; active?: boolean; passwordHash?: string },
): Promise<void> {
  await db
    .updateTable('staff_users')
    .set({
      ...(q.name !== undefined ? { name: q.name } : {}),
      ...(q.role !== undefined ? { role: q.role } : {}),
      ...(q.offices !== undefined ? { offices: JSON.stringify(q.offices) } : {}),
      ...(q.active !== undefined ? { active: q.active } : {}),
      ...(q.passwordHash !== undefined ? { password_hash: q.passwordHash } : {}),
    })
    .where('org_id', '=', q.orgId)
    .where('id', '=', q.id)
    .execute();
}

export async function setLastLogin(db: Db, q: { orgId: string; id: string; at: Date }): Promise<void> {
  await db.updateTable('staff_users').set({ last_login_at: q.at }).where('org_id', '=', q.orgId).where('id', '=', q.id).execute();
}

/** How many sessions of a user are still valid: seen since `seenSince` and begun since `createdSince`. */
export async function countLiveSessionsOfUser(db: Db, q: { orgId: string; userId: string; seenSince: Date; createdSince: Date }): Promise<number> {
  const r = await db.selectFrom('staff_sessions').select((eb) => eb.fn.countAll<string>().as('n')).where('org_id', '=', q.orgId)
    .where('user_id', '=', q.userId).where('last_seen_at', '>=', q.seenSince).where('created_at', '>=', q.createdSince).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Ends every session of a user, except the one with `keepIdHash`; returns how many. */
export async function deleteSessionsOfUser(db: Db, q: { orgId: string; userId: string; keepIdHash?: string }): Promise<number> {
  let query = db.deleteFrom('staff_sessions').where('org_id', '=', q.orgId).where('user_id', '=', q.userId);
  if (q.keepIdHash) query = query.where('id_hash', '<>', q.keepIdHash);
  const r = await query.executeTakeFirst();
  return Number(r.numDeletedRows);
}
