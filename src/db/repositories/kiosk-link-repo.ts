// SQL for the kiosk links of an office (table kiosk_links, migration 010):
// only the SHA-256 of a link's token is stored.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface KioskLinkInfo {
  id: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  createdBy: string;
}

export async function insertKioskLink(
  db: Db, q: { orgId: string; idHash: string; officeId: string; label: string; createdBy: string },
): Promise<string> {
  const r = await db
    .insertInto('kiosk_links')
    .values({ org_id: q.orgId, id_hash: q.idHash, office_id: q.officeId, label: q.label, created_by: q.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The office's links, oldest first, with the name of the person who made each. */
export async function listKioskLinks(db: Db, q: { orgId: string; officeId: string }): Promise<KioskLinkInfo[]> {
  const rows = await db
    .selectFrom('kiosk_links as k')
    .innerJoin('staff_users as u', (j) => j.onRef('u.org_id', '=', 'k.org_id').onRef('u.id', '=', 'k.created_by'))
    .select(['k.id', 'k.label', 'k.created_at', 'k.last_used_at', 'u.name'])
    .where('k.org_id', '=', q.orgId)
    .where('k.office_id', '=', q.officeId)
    .orderBy('k.created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.created_at, lastUsedAt: r.last_used_at, createdBy: r.name }));
}

/** The link of this office behind a token hash, or undefined. */
export async function findKioskLink(
  db: Db, q: { orgId: string; officeId: string; idHash: string },
): Promise<{ id: string; lastUsedAt: Date | null } | undefined> {
  const row = await db
    .selectFrom('kiosk_links')
    .select(['id', 'last_used_at'])
    .where('org_id', '=', q.orgId)
    .where('office_id', '=', q.officeId)
    .where('id_hash', '=', q.idHash)
    .executeTakeFirst();
  return row ? { id: row.id, lastUsedAt: row.last_used_at } : undefined;
}

export async function touchKioskLink(db: Db, q: { orgId: string; id: string; at: Date }): Promise<void> {
  await db.updateTable('kiosk_links').set({ last_used_at: q.at }).where('org_id', '=', q.orgId).where('id', '=', q.id).execute();
}

/** Deletes a link of the office; returns its label, or undefined when there is none. */
export async function deleteKioskLink(db: Db, q: { orgId: string; officeId: string; id: string }): Promise<string | undefined> {
  const r = await db
    .deleteFrom('kiosk_links')
    .where('org_id', '=', q.orgId)
    .where('office_id', '=', q.officeId)
    .where('id', '=', q.id)
    .returning('label')
    .executeTakeFirst();
  return r?.label;
}
