// SQL for the staff API tokens (table staff_api_tokens, migrations 004/005):
// only the SHA-256 of a token is stored; each has an id to list and revoke it.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { StaffUserRow } from './staff-user-repo.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ApiTokenInfo {
  id: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export async function insertApiToken(db: Db, q: { orgId: string; idHash: string; userId: string; label: string }): Promise<string> {
  const r = await db
    .insertInto('staff_api_tokens')
    .values({ org_id: q.orgId, id_hash: q.idHash, user_id: q.userId, label: q.label })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The active user a token belongs to, with the token's id and last use, or undefined. */
export async function findApiTokenUser(
  db: Db,
  q: { orgId: string; idHash: string },
): Promise<(StaffUserRow & { token_id: string; token_last_used_at: Date | null }) | undefined> {
  return db
    .selectFrom('staff_api_tokens as t')
    .innerJoin('staff_users as u', (j) => j.onRef('u.org_id', '=', 't.org_id').onRef('u.id', '=', 't.user_id'))
    .selectAll('u')
    .select(['t.id as token_id', 't.last_used_at as token_last_used_at'])
    .where('t.org_id', '=', q.orgId)
    .where('t.id_hash', '=', q.idHash)
    .where('u.active', '=', true)
    .executeTakeFirst();
}

export async function touchApiToken(db: Db, q: { orgId: string; id: string; at: Date }): Promise<void> {
  await db.updateTable('staff_api_tokens').set({ last_used_at: q.at }).where('org_id', '=', q.orgId).where('id', '=', q.id).execute();
}

export async function listApiTokens(db: Db, q: { orgId: string; userId: string }): Promise<ApiTokenInfo[]> {
  const rows = await db
    .selectFrom('staff_api_tokens')
    .select(['id', 'label', 'created_at', 'last_used_at'])
    .where('org_id', '=', q.orgId)
    .where('user_id', '=', q.userId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}

/** Deletes one token of the user; returns its label, or undefined when there is no such token. */
export async function deleteApiToken(db: Db, q: { orgId: string; userId: string; id: string }): Promise<string | undefined> {
  const r = await db
    .deleteFrom('staff_api_tokens')
    .where('org_id', '=', q.orgId)
    .where('user_id', '=', q.userId)
    .where('id', '=', q.id)
    .returning('label')
    .executeTakeFirst();
  return r?.label;
}

export async function deleteApiTokensOfUser(db: Db, q: { orgId: string; userId: string }): Promise<number> {
  const r = await db.deleteFrom('staff_api_tokens').where('org_id', '=', q.orgId).where('user_id', '=', q.userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
