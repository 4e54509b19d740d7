// Use case: staff phoned a citizen who has no e-mail address about a change to
// their appointment (moved or cancelled by the office: a closure, a block, a
// clerk) and record whether they reached them — or not, to try again — with a
// short note. Recorded in the appointment's history (`appointment.contacted`,
// who and when; no phone number). Only where a call is due: someone who was
// told by e-mail, or whose appointment was never changed by the office, needs
// no tick. The call list checks beforehand that the citizen is on it.
import { CONTACT_RESULTS, type ContactResult } from '../../domain/appointment-history.ts';
import { DomainError } from '../../domain/errors.ts';
import { appointmentHistory, recordAppointmentChanges } from '../../db/repositories/appointment-history-repo.ts';
import { withRetry } from '../../db/retry.ts';
import type { AppContext } from '../context.ts';
import { historyEntry } from '../history-entry.ts';
import { formatReference } from '../tokens.ts';
import type { StaffUser } from './access.ts';
import { callStatusOfRows } from './call-status.ts';
import { loadForStaff } from './get-staff-appointment.ts';

/** The longest note (characters). */
export const NOTE_MAX = 300;

export async function recordContact(
  ctx: AppContext, user: StaffUser, q: { reference: string; result: string; note: string },
): Promise<{ reference: string; name: string | null; result: ContactResult }> {
  const note = q.note.trim();
  const fields: Record<string, { key: string; params?: Record<string, number> }> = {};
  if (!CONTACT_RESULTS.includes(q.result as ContactResult)) fields.result = { key: 'contact.result.required' };
  if (note.length > NOTE_MAX) fields.note = { key: 'contact.note.tooLong', params: { max: NOTE_MAX } };
  const catalog = await ctx.catalog();
  const now = ctx.now();
  return withRetry(() =>
    ctx.db.transaction().execute(async (tx) => {
      // locked, so two clicks at once are two entries in order, never a half-read history
      const row = await loadForStaff(tx, ctx.orgId, user, catalog, q.reference, { forUpdate: true });
      if (Object.keys(fields).length > 0) throw new DomainError('validation', { fields });
      const status = callStatusOfRows(await appointmentHistory(tx, ctx.orgId, row.id), !!row.contact_email);
      if (!status.due) throw new DomainError('not_allowed');
      const result = q.result as ContactResult;
      await recordAppointmentChanges(tx, [historyEntry({ orgId: ctx.orgId, now }, row, { kind: 'staff', userId: user.id }, 'appointment.contacted', {
        contact: result, ...(note ? { note } : {}),
      })]);
      return { reference: formatReference(row.reference ?? ''), name: row.contact_name, result };
    }),
  );
}
