// Use case: the citizen opens the confirmation link of a `pending` booking
// (recorded in the appointment's history as `appointment.confirm`).
import { DomainError } from '../domain/errors.ts';
import type { Locale } from '../domain/types.ts';
import { updateAppointment } from '../db/repositories/appointment-repo.ts';
import { recordAppointmentChanges } from '../db/repositories/appointment-history-repo.ts';
import { enqueueMail } from '../db/repositories/outbox-repo.ts';
import { withRetry } from '../db/retry.ts';
import { hasLapsed, toAppointmentView, type AppointmentView } from './appointment-view.ts';
import type { AppContext } from './context.ts';
import { findAppointment } from './find-appointment.ts';
import { historyEntry } from './history-entry.ts';

export async function confirmAppointment(
  ctx: AppContext,
  q: { reference: string; token?: string; locale?: Locale },
): Promise<AppointmentView> {
  const catalog = await ctx.catalog();
  const now = ctx.now();
  const row = await withRetry(() =>
    ctx.db.transaction().execute(async (tx) => {
      const row = await findAppointment(tx, ctx.orgId, q.reference, q.token, { forUpdate: true });
      if (row.status === 'booked' || row.status === 'checked_in' || row.status === 'completed') return row;
      if (hasLapsed(row, now)) throw new DomainError('expired');
      if (row.status !== 'pending') throw new DomainError('not_allowed');
      const nowDate = new Date(now);
      const updated = await updateAppointment(tx, ctx.orgId, row.id, { status: 'booked', expires_at: null, updated_at: nowDate });
      await recordAppointmentChanges(tx, [historyEntry({ orgId: ctx.orgId, now }, row, { kind: 'citizen' }, 'appointment.confirm', { fromStatus: 'pending', toStatus: 'booked' })]);
      if (updated.contact_email) {
        await enqueueMail(tx, {
          orgId: ctx.orgId, appointmentId: row.id, kind: 'booking_confirmation', recipient: updated.contact_email, locale: updated.locale,
        });
      }
      return updated;
    }),
  );
  return toAppointmentView(row, catalog, q.locale ?? (row.locale === 'en' ? 'en' : 'de'), now);
}
