// SQL for appointments and holds (one table: both occupy a lane of an office).
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AppointmentsTable, Database } from '../schema.ts';
import type { AppointmentEntry } from './appointment-history-repo.ts';
import type { MailKind } from './outbox-repo.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type AppointmentRow = Selectable<AppointmentsTable>;
export type NewAppointment = Insertable<AppointmentsTable>;

/** Statuses that may be moved, cancelled or confirmed and count as "upcoming". */
export const ACTIVE_STATUSES = ['pending', 'booked'] as const;

/** A row that still occupies its lane at `now` (expired holds and pendings do not). */
const live = (now: Date) =>
  sql<boolean>`status <> 'cancelled' AND NOT (status IN ('held', 'pending') AND expires_at IS NOT NULL AND expires_at <= ${now})`;

export interface BusyRow {
  lane: number;
  start: number;
  end: number;
}

/**
 * Occupied lanes of an office overlapping [from, to), ignoring expired holds.
 * One row per lane with its intervals packed as `start,end;start,end` in epoch
 * ms: a month of a busy office is thousands of intervals, and turning each
 * into a row of Date objects cost more than the query itself.
 */
export async function busyIntervals(
  db: Db,
  q: { orgId: string; officeId: string; from: Date; to: Date; now: Date; excludeIds?: string[] },
): Promise<BusyRow[]> {
  return (await busyAndConfigVersion(db, q, false)).busy;
}

/**
 * The busy lanes as `busyIntervals`, and with `withVersion` the configuration's version in the
 * same round trip (a write that places an appointment checks it was decided on the current one).
 */
export async function busyAndConfigVersion(
  db: Db,
  q: { orgId: string; officeId: string; from: Date; to: Date; now: Date; excludeIds?: string[] },
  withVersion = true,
): Promise<{ busy: BusyRow[]; configVersion: string | null }> {
  const exclude = q.excludeIds?.length ? sql`AND id NOT IN (${sql.join(q.excludeIds)})` : sql``;
  const version = withVersion ? sql`UNION ALL SELECT -1, updated_at::text FROM organizations WHERE id = ${q.orgId}` : sql``;
  const r = await sql<{ lane: number; iv: string }>`
    SELECT lane,
           string_agg((extract(epoch FROM starts_at) * 1000)::int8 || ',' || (extract(epoch FROM ends_at) * 1000)::int8, ';') AS iv
      FROM appointments
     WHERE org_id = ${q.orgId} AND office_id = ${q.officeId}
       AND starts_at < ${q.to} AND ends_at > ${q.from}
       AND ${live(q.now)} ${exclude}
     GROUP BY lane
    ${version}`.execute(db);
  const busy: BusyRow[] = [];
  let configVersion: string | null = null;
  for (const row of r.rows) {
    if (row.lane === -1) {
      configVersion = row.iv;
      continue;
    }
    for (const pair of row.iv.split(';')) {
      const comma = pair.indexOf(',');
      busy.push({ lane: row.lane, start: Number(pair.slice(0, comma)), end: Number(pair.slice(comma + 1)) });
    }
  }
  return { busy, configVersion };
}

/**
 * Frees what has expired in [from, to) of an office so the exclusion
 * constraint no longer sees it: holds are deleted, unconfirmed bookings are
 * cancelled (reason `expired`).
 */
export async function releaseExpired(
  tx: Db,
  q: { orgId: string; officeId?: string; from?: Date; to?: Date; now: Date },
): Promise<{ holds: number; pending: number }> {
  let del = tx
    .deleteFrom('appointments')
    .where('org_id', '=', q.orgId)
    .where('status', '=', 'held')
    .where('expires_at', '<=', q.now);
  let upd = tx
    .updateTable('appointments')
    .set({ status: 'cancelled', cancel_reason: 'expired', cancelled_at: q.now, updated_at: q.now })
    .where('org_id', '=', q.orgId)
    .where('status', '=', 'pending')
    .where('expires_at', '<=', q.now);
  if (q.officeId) {
    del = del.where('office_id', '=', q.officeId);
    upd = upd.where('office_id', '=', q.officeId);
  }
  if (q.from && q.to) {
    del = del.where('starts_at', '<', q.to).where('ends_at', '>', q.from);
    upd = upd.where('starts_at', '<', q.to).where('ends_at', '>', q.from);
  }
  const released = upd.returning(['org_id', 'id', 'office_id', 'reference']);
  // each released booking's history entry (`appointment.expire`, by the system) in the same statement
  const d = await del.executeTakeFirst();
  const u = await tx
    .with('u', () => released)
    .insertInto('audit_log')
    .columns(['org_id', 'at', 'actor', 'action', 'appointment_id', 'office_id', 'details'])
    .expression((eb) =>
      eb.selectFrom('u').select((e) => [
        'u.org_id', sql<Date>`${q.now}::timestamptz`.as('at'), e.val('system').as('actor'), e.val('appointment.expire').as('action'), 'u.id', 'u.office_id',
        sql<string>`jsonb_build_object('reference', concat(left(u.reference, 4), '-', substr(u.reference, 5)), 'fromStatus', 'pending', 'toStatus', 'cancelled')`.as('details'),
      ]),
    )
    .executeTakeFirst();
  return { holds: Number(d.numDeletedRows), pending: Number(u.numInsertedOrUpdatedRows ?? 0) };
}

/** Inserts unless the lane is taken (exclusion constraint): returns the new row or null. */
/** An e-mail to write to the outbox together with the row it is about. */
export interface OutboxDraft {
  kind: MailKind;
  recipient: string;
  locale: string;
  payload: Record<string, unknown>;
}

/** The history entry of a new appointment; its id and office come from the inserted row. */
export type HistoryDraft = Omit<AppointmentEntry, 'appointmentId' | 'officeId' | 'orgId'>;

/**
 * Inserts unless the exclusion constraint finds the lane taken (then null). With `mail`, the
 * outbox row, and with `history`, the history entry are written by the same statement (no
 * extra round trip on a booking).
 */
export async function insertIfLaneFree(tx: Db, row: NewAppointment, mail?: OutboxDraft, history?: HistoryDraft): Promise<AppointmentRow | null> {
  if (!mail && !history) {
    const inserted = await tx.insertInto('appointments').values(row).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst();
    return inserted ?? null;
  }
  let query = tx.with('a', (db) => db.insertInto('appointments').values(row).onConflict((oc) => oc.doNothing()).returningAll());
  if (mail) {
    query = query.with('o', (db) =>
      db
        .insertInto('outbox')
        .columns(['org_id', 'appointment_id', 'kind', 'recipient', 'locale', 'payload'])
        .expression((eb) =>
          eb.selectFrom('a').select((e) => [
            'a.org_id', 'a.id', e.val(mail.kind).as('kind'), e.val(mail.recipient).as('recipient'), e.val(mail.locale).as('locale'),
            sql<string>`${JSON.stringify(mail.payload)}::jsonb`.as('payload'),
          ]),
        ),
    ) as unknown as typeof query;
  }
  if (history) {
    const userId = history.actor.kind === 'staff' ? history.actor.userId : null;
    query = query.with('h', (db) =>
      db
        .insertInto('audit_log')
        .columns(['org_id', 'at', 'actor', 'actor_user_id', 'action', 'appointment_id', 'office_id', 'details'])
        .expression((eb) =>
          eb.selectFrom('a').select((e) => [
            'a.org_id', sql<Date>`${history.at}::timestamptz`.as('at'), e.val(history.actor.kind).as('actor'), sql<string | null>`${userId}::uuid`.as('actor_user_id'),
            e.val(history.action).as('action'), 'a.id', 'a.office_id', sql<string>`${JSON.stringify(history.details)}::jsonb`.as('details'),
          ]),
        ),
    ) as unknown as typeof query;
  }
  const inserted = await query.selectFrom('a').selectAll().executeTakeFirst();
  return (inserted as AppointmentRow | undefined) ?? null;
}

export async function findByReference(db: Db, orgId: string, reference: string): Promise<AppointmentRow | undefined> {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('reference', '=', reference)
    .executeTakeFirst();
}

export async function findById(db: Db, orgId: string, id: string, forUpdate = false): Promise<AppointmentRow | undefined> {
  let q = db.selectFrom('appointments').selectAll().where('org_id', '=', orgId).where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Upcoming live appointments of one e-mail address at an office. */
export async function countActiveForEmail(
  db: Db,
  q: { orgId: string; officeId: string; emailKey: string; now: Date },
): Promise<number> {
  const row = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', q.orgId)
    .where('office_id', '=', q.officeId)
    .where('email_key', '=', q.emailKey)
    .where('status', 'in', [...ACTIVE_STATUSES])
    .where('starts_at', '>', q.now)
    .where(live(q.now))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteHold(db: Db, orgId: string, holdId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('appointments')
    .where('org_id', '=', orgId)
    .where('id', '=', holdId)
    .where('status', '=', 'held')
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The office of a hold that still exists (expired or not). */
export async function findHoldOffice(db: Db, orgId: string, holdId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('appointments')
    .select('office_id')
    .where('org_id', '=', orgId)
    .where('id', '=', holdId)
    .where('status', '=', 'held')
    .executeTakeFirst();
  return row?.office_id;
}

/** Moves a hold's expiry; false when the hold is gone. */
export async function setHoldExpiry(db: Db, orgId: string, holdId: string, expiresAt: Date, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('appointments')
    .set({ expires_at: expiresAt, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', holdId)
    .where('status', '=', 'held')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function updateAppointment(
  db: Db,
  orgId: string,
  id: string,
  changes: Partial<Omit<NewAppointment, 'org_id' | 'id'>>,
): Promise<AppointmentRow> {
  return db
    .updateTable('appointments')
    .set(changes)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Marks appointments kept despite a configuration change, for staff (`conflict` holds the reason). */
export async function markConflicts(db: Db, orgId: string, marks: { reference: string; reason: string }[]): Promise<void> {
  for (const m of marks) {
    await db.updateTable('appointments').set({ conflict: m.reason }).where('org_id', '=', orgId).where('reference', '=', m.reference).execute();
  }
}

/** Upcoming appointments (not holds) of the organization, for config-change checks. */
export async function upcomingAppointments(db: Db, orgId: string, now: Date): Promise<AppointmentRow[]> {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', 'in', ['pending', 'booked', 'checked_in'])
    .where('ends_at', '>', now)
    .where(live(now))
    .orderBy('starts_at')
    .execute();
}

/**
 * Every row that holds a lane from `now` on, for re-laning after a configuration change: expired
 * holds too (the exclusion constraint still sees them until they are deleted).
 */
export async function laneRows(db: Db, orgId: string, now: Date): Promise<Pick<AppointmentRow, 'id' | 'reference' | 'office_id' | 'lane' | 'starts_at' | 'ends_at' | 'channel' | 'status'>[]> {
  return db
    .selectFrom('appointments')
    .select(['id', 'reference', 'office_id', 'lane', 'starts_at', 'ends_at', 'channel', 'status'])
    .where('org_id', '=', orgId)
    .where('status', '<>', 'cancelled')
    .where('ends_at', '>', now)
    .execute();
}

/** Moves a row to another lane at the same time (the citizen sees no change). */
export async function setLane(db: Db, orgId: string, id: string, lane: number, now: Date): Promise<void> {
  await db.updateTable('appointments').set({ lane, updated_at: now }).where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Clears the conflict mark of upcoming appointments not in `keep` (their configuration fits again); returns them. */
export async function clearResolvedConflicts(
  db: Db, orgId: string, keep: string[], now: Date,
): Promise<Pick<AppointmentRow, 'id' | 'office_id' | 'reference' | 'status'>[]> {
  let q = db.updateTable('appointments').set({ conflict: null })
    .where('org_id', '=', orgId).where('conflict', 'is not', null).where('ends_at', '>', now);
  if (keep.length > 0) q = q.where('reference', 'not in', keep);
  return q.returning(['id', 'office_id', 'reference', 'status']).execute();
}
