// SQL for the back office's CSV export: an office's appointments over a period,
// cancelled ones included, and who of the staff cancelled them (from the
// appointments' history, `appointment.cancel` entries in audit_log).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { AppointmentRow } from './appointment-repo.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Every appointment of the office starting in [from, to): booked, done and
 * cancelled ones (with a reference), in order of time and counter. Holds are
 * not appointments and are left out.
 */
export async function exportRows(db: Db, q: { orgId: string; officeId: string; from: Date; to: Date }): Promise<AppointmentRow[]> {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('org_id', '=', q.orgId)
    .where('office_id', '=', q.officeId)
    .where('starts_at', '>=', q.from)
    .where('starts_at', '<', q.to)
    .where('status', '<>', 'held')
    .where('reference', 'is not', null)
    .orderBy('starts_at')
    .orderBy('lane')
    .orderBy('id')
    .execute();
}

/**
 * For the given appointments: the name of the staff user whose cancellation the
 * history records (the latest, if there were several). Appointments cancelled
 * before the history existed, or by someone else, have no entry.
 */
export async function staffCancellers(db: Db, q: { orgId: string; appointmentIds: string[] }): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < q.appointmentIds.length; i += 500) {
    const rows = await db
      .selectFrom('audit_log as a')
      .innerJoin('staff_users as u', (j) => j.onRef('u.org_id', '=', 'a.org_id').onRef('u.id', '=', 'a.actor_user_id'))
      .select(['a.appointment_id', 'u.name'])
      .where('a.org_id', '=', q.orgId)
      .where('a.action', '=', 'appointment.cancel')
      .where('a.appointment_id', 'in', q.appointmentIds.slice(i, i + 500))
      .orderBy('a.id')
      .execute();
    for (const r of rows) if (r.appointment_id) out.set(r.appointment_id, r.name);
  }
  return out;
}
