// Finds an appointment by its reference and manage token. A wrong or missing
// token looks exactly like an unknown reference.
import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../domain/errors.ts';
import type { Database } from '../db/schema.ts';
import { findById, findByReference, type AppointmentRow } from '../db/repositories/appointment-repo.ts';
import { normalizeReference, tokenMatches } from './tokens.ts';

export async function findAppointment(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
  reference: string,
  token: string | undefined,
  opts: { forUpdate?: boolean } = {},
): Promise<AppointmentRow> {
  const ref = normalizeReference(reference);
  const row = ref ? await findByReference(db, orgId, ref) : undefined;
  if (!row || row.status === 'held' || !tokenMatches(token, row.token_hash)) throw new DomainError('not_found');
  if (opts.forUpdate) {
    const locked = await findById(db, orgId, row.id, true);
    if (!locked) throw new DomainError('not_found');
    return locked;
  }
  return row;
}
