// Use case: one appointment for the back office, by reference (no manage token),
// with what to bring and the mails about it that could not be delivered; only
// in the staff member's own offices.
import { DomainError } from '../../domain/errors.ts';
import type { Locale } from '../../domain/types.ts';
import { findById, findByReference, type AppointmentRow } from '../../db/repositories/appointment-repo.ts';
import { failedMailsOf } from '../../db/repositories/mail-outbox-repo.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../context.ts';
import type { Catalog } from '../catalog.ts';
import { toAppointmentView, type AppointmentView } from '../appointment-view.ts';
import { normalizeReference } from '../tokens.ts';
import { canWorkIn, type StaffUser } from './access.ts';

export interface StaffAppointmentView extends AppointmentView {
  conflict: string | null;
  cancelReason: string | null;
  /** the combined list of documents to bring */
  documents: string[];
  /**
   * mails about this appointment that could not be delivered (only on the
   * appointment page): which mail, and whether the mail server refused the
   * address (`rejected`) or the relay gave up after 24 h (`gave_up`)
   */
  undeliveredMails?: { mail: string; why: 'rejected' | 'gave_up' }[];
}

export async function loadForStaff(
  db: Kysely<Database> | Transaction<Database>, orgId: string, user: StaffUser, catalog: Catalog, reference: string,
  opts: { forUpdate?: boolean } = {},
): Promise<AppointmentRow> {
  const ref = normalizeReference(reference);
  const row = ref ? await findByReference(db, orgId, ref) : undefined;
  if (!row || row.status === 'held' || !canWorkIn(user, row.office_id, catalog)) throw new DomainError('not_found');
  if (!opts.forUpdate) return row;
  // locked, and read again: a change committed meanwhile is what counts
  const locked = await findById(db, orgId, row.id, true);
  if (!locked) throw new DomainError('not_found');
  return locked;
}

export function staffView(row: AppointmentRow, catalog: Catalog, locale: Locale, now: number): StaffAppointmentView {
  const view = toAppointmentView(row, catalog, locale, now);
  return {
    ...view,
    conflict: row.conflict,
    cancelReason: row.cancel_reason,
    documents: [...new Set(view.services.flatMap((s) => s.documents))],
  };
}

export async function getStaffAppointment(ctx: AppContext, user: StaffUser, q: { reference: string; locale: Locale }): Promise<StaffAppointmentView> {
  const catalog = await ctx.catalog();
  const row = await loadForStaff(ctx.db, ctx.orgId, user, catalog, q.reference);
  const failed = await failedMailsOf(ctx.db, ctx.orgId, row.id);
  return {
    ...staffView(row, catalog, q.locale, ctx.now()),
    undeliveredMails: failed.map((m) => ({ mail: m.kind, why: m.last_error_kind === 'rejected' ? 'rejected' : 'gave_up' })),
  };
}
