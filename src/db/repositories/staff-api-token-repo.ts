// SQL for the staff API tokens (table staff_api_tokens, migration 004): only
// the SHA-256 of a token is stored.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { StaffUserRow } from './staff-user-repo.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertApiToken(db: Db, q: { orgId: string; idHash: string; userId: string; label: string }): Promise<void> {
  await db.insertInto('staff_api_tokens').values({ org_id: q.orgId, id_hash: q.idHash, user_id: q.userId, label: q.label }).execute();
}

/** The active user a token belongs to, or undefined. */
export async function findApiTokenUser(db: Db, q: { orgId: string; idHash: string }): Promise<StaffUserRow | undefined> {
  return db
    .selectFrom('staff_api_tokens as t')
    .innerJoin('staff_users as u', (j) => j.onRef('u.org_id', '=', 't.org_id').onRef('u.id', '=', 't.user_id'))
    .selectAll('u')
    .where('t.org_id', '=', q.orgId)
    .where('t.id_hash', '=', q.idHash)
    .where('u.active', '=', true)
    .executeTakeFirst();
}
