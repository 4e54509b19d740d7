// SQL for staff accounts (table staff_users, migration 004) and the failed
// login attempts used for throttling (staff_login_failures).
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, StaffRole, StaffUsersTable } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type StaffUserRow = Selectable<StaffUsersTable>;

export async function insertStaffUser(
  db: Db,
  u: { orgId: string; email: string; name: string; passwordHash: string; role: StaffRole; offices: string[] },
): Promise<StaffUserRow | undefined> {
  return db
    .insertInto('staff_users')
    .values({ org_id: u.orgId, email: u.email, name: u.name, password_hash: u.passwordHash, role: u.role, offices: JSON.stringify(u.offices) })
    .onConflict((oc) => oc.columns(['org_id', 'email']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findStaffUserByEmail(db: Db, orgId: string, email: string): Promise<StaffUserRow | undefined> {
  return db.selectFrom('staff_users').selectAll().where('org_id', '=', orgId).where('email', '=', email).executeTakeFirst();
}

export async function findStaffUserById(db: Db, orgId: string, id: string): Promise<StaffUserRow | undefined> {
  return db.selectFrom('staff_users').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function countStaffUsers(db: Db, orgId: string): Promise<number> {
  const r = await db.selectFrom('staff_users').select((eb) => eb.fn.countAll<string>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function recordLoginFailure(db: Db, q: { orgId: string; keys: string[]; at: Date }): Promise<void> {
  if (q.keys.length === 0) return;
  await db.insertInto('staff_login_failures').values(q.keys.map((key) => ({ org_id: q.orgId, key, at: q.at }))).execute();
}

/** Failed attempts per key since `since`. */
export async function countLoginFailures(db: Db, q: { orgId: string; key: string; since: Date }): Promise<number> {
  const r = await db
    .selectFrom('staff_login_failures')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', q.orgId)
    .where('key', '=', q.key)
    .where('at', '>', q.since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function clearLoginFailures(db: Db, q: { orgId: string; key: string; before?: Date }): Promise<void> {
  let query = db.deleteFrom('staff_login_failures').where('org_id', '=', q.orgId);
  query = q.before ? query.where('at', '<', q.before) : query.where('key', '=', q.key);
  await query.execute();
}

/** Deletes failure records (logins, wrong feed tokens) older than `before`, of every organization; returns how many. */
export async function purgeLoginFailures(db: Db, before: Date): Promise<number> {
  const r = await db.deleteFrom('staff_login_failures').where('at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
