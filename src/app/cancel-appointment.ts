// Use case: the citizen cancels their appointment (until cancelUntilMinutes before it);
// recorded in its history (`appointment.cancel` by the citizen).
import { DomainError } from '../domain/errors.ts';
import type { Locale } from '../domain/types.ts';
import { updateAppointment } from '../db/repositories/appointment-repo.ts';
import { recordAppointmentChanges } from '../db/repositories/appointment-history-repo.ts';
import { enqueueMail } from '../db/repositories/outbox-repo.ts';
import { withRetry } from '../db/retry.ts';
import { effectiveStatus, toAppointmentView, type AppointmentView } from './appointment-view.ts';
import type { AppContext } from './context.ts';
import { findAppointment } from './find-appointment.ts';
import { historyEntry } from './history-entry.ts';

export async function cancelAppointment(
  ctx: AppContext,
  q: { reference: string; token?: string; locale?: Locale },
): Promise<AppointmentView> {
  const catalog = await ctx.catalog();
  const now = ctx.now();
  const row = await withRetry(() =>
    ctx.db.transaction().execute(async (tx) => {
      const row = await findAppointment(tx, ctx.orgId, q.reference, q.token, { forUpdate: true });
      const status = effectiveStatus(row, now);
      if (status === 'cancelled') return row;
      if (status !== 'booked' && status !== 'pending') throw new DomainError('not_allowed');
      const office = catalog.offices.get(row.office_id);
      const until = (office?.booking.cancelUntilMinutes ?? 0) * 60_000;
      if (row.starts_at.getTime() - until <= now) throw new DomainError('too_late');
      const nowDate = new Date(now);
      const updated = await updateAppointment(tx, ctx.orgId, row.id, {
        status: 'cancelled', cancelled_at: nowDate, updated_at: nowDate, cancel_reason: 'citizen', expires_at: null,
      });
      await recordAppointmentChanges(tx, [historyEntry({ orgId: ctx.orgId, now }, row, { kind: 'citizen' }, 'appointment.cancel', { fromStatus: status, toStatus: 'cancelled' })]);
      if (updated.contact_email) {
        await enqueueMail(tx, {
          orgId: ctx.orgId, appointmentId: row.id, kind: 'cancellation', recipient: updated.contact_email, locale: updated.locale,
        });
      }
      return updated;
    }),
  );
  ctx.forgetAvailability();
  return toAppointmentView(row, catalog, q.locale ?? (row.locale === 'en' ? 'en' : 'de'), now);
}
