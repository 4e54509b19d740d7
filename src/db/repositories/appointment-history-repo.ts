// SQL for the history of appointments: `appointment.*` entries in audit_log with
// the appointment's id and office and the staff user who acted (by id), written
// in the transaction of the change; read back oldest first with the user's name.
import type { Insertable, Kysely, Transaction } from 'kysely';
import { actorText, type AppointmentAction, type AppointmentChange, type HistoryActor } from '../../domain/appointment-history.ts';
import type { AuditLogTable, Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface AppointmentEntry {
  orgId: string;
  /** when (the application's clock) */
  at: Date;
  actor: HistoryActor;
  action: AppointmentAction;
  appointmentId: string;
  officeId: string;
  details: AppointmentChange;
}

/** The audit_log row of an entry (without its appointment id when `appointmentId` is left to SQL). */
export function historyValues(e: Omit<AppointmentEntry, 'appointmentId'> & { appointmentId?: string }): Insertable<AuditLogTable> {
  return {
    org_id: e.orgId,
    at: e.at,
    actor: actorText(e.actor),
    actor_user_id: e.actor.kind === 'staff' ? e.actor.userId : null,
    action: e.action,
    appointment_id: e.appointmentId ?? null,
    office_id: e.officeId,
    details: JSON.stringify(e.details),
  };
}

/** Writes the entries (one statement); nothing for an empty list. */
export async function recordAppointmentChanges(db: Db, entries: AppointmentEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insertInto('audit_log').values(entries.map(historyValues)).execute();
}

export interface HistoryRow {
  id: string;
  at: Date;
  actor: string;
  actorUserId: string | null;
  /** the staff user's name now (null for citizen and system entries) */
  actorName: string | null;
  action: string;
  details: AppointmentChange;
}

/** The appointment's entries, oldest first. */
export async function appointmentHistory(db: Db, orgId: string, appointmentId: string): Promise<HistoryRow[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('staff_users as u', (j) => j.onRef('u.org_id', '=', 'a.org_id').onRef('u.id', '=', 'a.actor_user_id'))
    .select(['a.id', 'a.at', 'a.actor', 'a.actor_user_id', 'u.name', 'a.action', 'a.details'])
    .where('a.appointment_id', '=', appointmentId)
    .where('a.org_id', '=', orgId)
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: String(r.id), at: new Date(r.at as unknown as string | Date), actor: r.actor, actorUserId: r.actor_user_id,
    actorName: r.name ?? null, action: r.action, details: r.details as AppointmentChange,
  }));
}

/** The moves, cancellations and calls of several appointments (for a call list), oldest first, with the appointment's id. */
export async function callHistories(db: Db, orgId: string, appointmentIds: string[]): Promise<(HistoryRow & { appointmentId: string })[]> {
  if (appointmentIds.length === 0) return [];
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('staff_users as u', (j) => j.onRef('u.org_id', '=', 'a.org_id').onRef('u.id', '=', 'a.actor_user_id'))
    .select(['a.id', 'a.at', 'a.actor', 'a.actor_user_id', 'u.name', 'a.action', 'a.details', 'a.appointment_id'])
    .where('a.org_id', '=', orgId)
    .where('a.appointment_id', 'in', appointmentIds)
    .where('a.action', 'in', ['appointment.move', 'appointment.cancel', 'appointment.contacted'])
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: String(r.id), at: new Date(r.at as unknown as string | Date), actor: r.actor, actorUserId: r.actor_user_id,
    actorName: r.name ?? null, action: r.action, details: r.details as AppointmentChange, appointmentId: r.appointment_id!,
  }));
}
