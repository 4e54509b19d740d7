// SQL for the back office's reads of appointments: an office's day (with live
// holds) and search by reference, name or e-mail.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { AppointmentRow } from './appointment-repo.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Every row of an office overlapping [from, to) except cancelled ones and expired holds/pendings. */
export async function dayRows(db: Db, q: { orgId: string; officeId: string; from: Date; to: Date; now: Date }): Promise<AppointmentRow[]> {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('org_id', '=', q.orgId)
    .where('office_id', '=', q.officeId)
    .where('starts_at', '<', q.to)
    .where('ends_at', '>', q.from)
    .where('status', '<>', 'cancelled')
    .where(sql<boolean>`NOT (status IN ('held', 'pending') AND expires_at IS NOT NULL AND expires_at <= ${q.now})`)
    .orderBy('starts_at')
    .orderBy('lane')
    .execute();
}

/** Appointments (not holds) in the given offices matching a reference, a name or an e-mail. */
export async function searchAppointments(
  db: Db,
  q: { orgId: string; officeIds: string[]; reference: string | null; text: string; limit: number },
): Promise<AppointmentRow[]> {
  if (q.officeIds.length === 0) return [];
  const like = `%${q.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('org_id', '=', q.orgId)
    .where('office_id', 'in', q.officeIds)
    .where('status', '<>', 'held')
    .where('reference', 'is not', null)
    .where((eb) => {
      const ors = [eb(sql`lower(contact_name)`, 'like', like), eb(sql`lower(contact_email)`, 'like', like)];
      if (q.reference) ors.push(eb('reference', '=', q.reference));
      return eb.or(ors);
    })
    .orderBy('starts_at', 'desc')
    .limit(q.limit)
    .execute();
}
