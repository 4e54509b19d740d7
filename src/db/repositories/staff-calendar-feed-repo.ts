// SQL for the calendar feeds per office (table staff_calendar_feeds, migration
// 005): only the SHA-256 of a feed's token is stored.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { StaffUserRow } from './staff-user-repo.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface CalendarFeedInfo {
  id: string;
  officeId: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  createdBy: { name: string; email: string };
}

export async function insertCalendarFeed(
  db: Db, q: { orgId: string; idHash: string; officeId: string; label: string; createdBy: string },
): Promise<string> {
  const r = await db
    .insertInto('staff_calendar_feeds')
    .values({ org_id: q.orgId, id_hash: q.idHash, office_id: q.officeId, label: q.label, created_by: q.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function listCalendarFeeds(db: Db, q: { orgId: string; officeId: string }): Promise<CalendarFeedInfo[]> {
  const rows = await db
    .selectFrom('staff_calendar_feeds as f')
    .innerJoin('staff_users as u', (j) => j.onRef('u.org_id', '=', 'f.org_id').onRef('u.id', '=', 'f.created_by'))
    .select(['f.id', 'f.office_id', 'f.label', 'f.created_at', 'f.last_used_at', 'u.name', 'u.email'])
    .where('f.org_id', '=', q.orgId)
    .where('f.office_id', '=', q.officeId)
    .orderBy('f.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id, officeId: r.office_id, label: r.label, createdAt: r.created_at, lastUsedAt: r.last_used_at, createdBy: { name: r.name, email: r.email },
  }));
}

/** The feed behind a token hash with its creator (active or not), or undefined. */
export async function findCalendarFeed(
  db: Db, q: { orgId: string; idHash: string },
): Promise<{ id: string; officeId: string; lastUsedAt: Date | null; creator: StaffUserRow } | undefined> {
  const row = await db
    .selectFrom('staff_calendar_feeds as f')
    .innerJoin('staff_users as u', (j) => j.onRef('u.org_id', '=', 'f.org_id').onRef('u.id', '=', 'f.created_by'))
    .selectAll('u')
    .select(['f.id as feed_id', 'f.office_id as feed_office_id', 'f.last_used_at as feed_last_used_at'])
    .where('f.org_id', '=', q.orgId)
    .where('f.id_hash', '=', q.idHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { feed_id, feed_office_id, feed_last_used_at, ...creator } = row;
  return { id: feed_id, officeId: feed_office_id, lastUsedAt: feed_last_used_at, creator };
}

export async function touchCalendarFeed(db: Db, q: { orgId: string; id: string; at: Date }): Promise<void> {
  await db.updateTable('staff_calendar_feeds').set({ last_used_at: q.at }).where('org_id', '=', q.orgId).where('id', '=', q.id).execute();
}

/** Deletes a feed of the office; returns its label, or undefined when there is none. */
export async function deleteCalendarFeed(db: Db, q: { orgId: string; officeId: string; id: string }): Promise<string | undefined> {
  const r = await db
    .deleteFrom('staff_calendar_feeds')
    .where('org_id', '=', q.orgId)
    .where('office_id', '=', q.officeId)
    .where('id', '=', q.id)
    .returning('label')
    .executeTakeFirst();
  return r?.label;
}

export async function deleteCalendarFeedsOfUser(db: Db, q: { orgId: string; userId: string }): Promise<number> {
  const r = await db.deleteFrom('staff_calendar_feeds').where('org_id', '=', q.orgId).where('created_by', '=', q.userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The feeds a user made (which deactivating them revokes): label and office, oldest first. */
export async function listCalendarFeedsOfUser(db: Db, q: { orgId: string; userId: string }): Promise<{ label: string; officeId: string }[]> {
  const rows = await db.selectFrom('staff_calendar_feeds').select(['label', 'office_id']).where('org_id', '=', q.orgId)
    .where('created_by', '=', q.userId).orderBy('created_at').execute();
  return rows.map((r) => ({ label: r.label, officeId: r.office_id }));
}
