// SQL for the back office's CSV export: an office's appointments over a period,
// cancelled ones included.
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
