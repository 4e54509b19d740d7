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

/** The cancelled appointments of an office starting in [from, to), and unconfirmed ones whose time to confirm ran out (holds never). */
export async function cancelledDayRows(db: Db, q: { orgId: string; officeId: string; from: Date; to: Date; now: Date }): Promise<AppointmentRow[]> {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('org_id', '=', q.orgId)
    .where('office_id', '=', q.officeId)
    .where('starts_at', '>=', q.from)
    .where('starts_at', '<', q.to)
    .where('reference', 'is not', null)
    .where(sql<boolean>`(status = 'cancelled' OR (status = 'pending' AND expires_at IS NOT NULL AND expires_at <= ${q.now}))`)
    .orderBy('starts_at')
    .orderBy('lane')
    .execute();
}

/** Appointments (not holds) in the given offices matching a reference, a name or an e-mail. */
/** Accented letters and their plain forms: a search for "celik" finds "Çelik", "muller" finds "Müller". */
const ACCENTED = 'àáâãäåāçćčèéêëēęìíîïīłñńòóôõöøōśšşùúûüūýÿžźżğıß';
const PLAIN = 'aaaaaaaccceeeeeeiiiiilnnooooooosssuuuuuyyzzzgis';

/** The same folding as the SQL below, for the search text (marks removed first: "İ" is "i" and a dot). */
export function foldForSearch(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')) {
    const i = ACCENTED.indexOf(ch);
    out += i >= 0 ? PLAIN[i] : ch;
  }
  return out;
}

export async function searchAppointments(
  db: Db,
  q: { orgId: string; officeIds: string[]; reference: string | null; referencePart: string | null; text: string; limit: number },
): Promise<AppointmentRow[]> {
  if (q.officeIds.length === 0) return [];
  const escape = (t: string) => t.replace(/[\\%_]/g, (c) => `\\${c}`);
  const like = `%${escape(foldForSearch(q.text))}%`;
  const folded = (column: string) => sql`translate(lower(${sql.ref(column)}), ${ACCENTED}, ${PLAIN})`;
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('org_id', '=', q.orgId)
    .where('office_id', 'in', q.officeIds)
    .where('status', '<>', 'held')
    .where('reference', 'is not', null)
    .where((eb) => {
      const ors = [eb(folded('contact_name'), 'like', like), eb(folded('contact_email'), 'like', like)];
      if (q.reference) ors.push(eb('reference', '=', q.reference));
      if (q.referencePart) ors.push(eb('reference', 'like', `%${escape(q.referencePart)}%`));
      return eb.or(ors);
    })
    .orderBy('starts_at', 'desc')
    .limit(q.limit)
    .execute();
}
