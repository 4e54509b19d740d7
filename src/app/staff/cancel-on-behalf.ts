// Use case: staff cancel an appointment on the citizen's behalf (or because the
// office must), with a reason; the citizen is told by e-mail ('staff_cancellation').
// The appointment's history records who cancelled, when, and the reason
// (`appointment.cancel`, in the same transaction).
import { DomainError } from '../../domain/errors.ts';
import { updateAppointment } from '../../db/repositories/appointment-repo.ts';
import { enqueueMail } from '../../db/repositories/outbox-repo.ts';
import { recordAppointmentChanges } from '../../db/repositories/appointment-history-repo.ts';
import type { ChangeCause } from '../../domain/appointment-history.ts';
import { withRetry } from '../../db/retry.ts';
import type { Locale } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { effectiveStatus } from '../appointment-view.ts';
import { historyEntry } from '../history-entry.ts';
import type { StaffUser } from './access.ts';
import { loadForStaff, staffView, type StaffAppointmentView } from './get-staff-appointment.ts';

export async function cancelOnBehalf(
  ctx: AppContext, user: StaffUser,
  q: { reference: string; reason: string; locale: Locale; /** for the history: a closure or block made it necessary */ cause?: ChangeCause },
): Promise<StaffAppointmentView> {
  const reason = q.reason.trim();
  if (reason.length === 0 || reason.length > 500) {
    throw new DomainError('validation', { fields: { reason: { key: reason.length === 0 ? 'reason.required' : 'reason.tooLong' } } });
  }
  const catalog = await ctx.catalog();
  const now = ctx.now();
  const row = await withRetry(() =>
    ctx.db.transaction().execute(async (tx) => {
      const row = await loadForStaff(tx, ctx.orgId, user, catalog, q.reference, { forUpdate: true });
      const status = effectiveStatus(row, now);
      if (status !== 'booked' && status !== 'pending' && status !== 'checked_in') throw new DomainError('not_allowed');
      const nowDate = new Date(now);
      const updated = await updateAppointment(tx, ctx.orgId, row.id, {
        status: 'cancelled', cancelled_at: nowDate, updated_at: nowDate, cancel_reason: 'staff', expires_at: null,
      });
      // who cancelled, and why (the retention job removes the typed reason with the personal data)
      await recordAppointmentChanges(tx, [historyEntry({ orgId: ctx.orgId, now }, row, { kind: 'staff', userId: user.id }, 'appointment.cancel', {
        fromStatus: status, toStatus: 'cancelled', reason, ...(q.cause ? { cause: q.cause } : {}),
      })]);
      if (updated.contact_email) {
        await enqueueMail(tx, {
          orgId: ctx.orgId, appointmentId: row.id, kind: 'staff_cancellation', recipient: updated.contact_email,
          locale: updated.locale, payload: { reason },
        });
      }
      return updated;
    }),
  );
  ctx.forgetAvailability();
  return staffView(row, catalog, q.locale, now);
}
