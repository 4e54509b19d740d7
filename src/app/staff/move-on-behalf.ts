// Use case: staff move an appointment on the citizen's behalf (phone lanes
// allowed, no cancellation deadline), with a reason; the row keeps its
// identity, so the old time is freed exactly when the new one is taken. The
// citizen is told by e-mail ('reschedule', with the reason in the payload).
import { checkStart } from '../../domain/availability.ts';
import { DomainError } from '../../domain/errors.ts';
import { parseRfc3339 } from '../../domain/time.ts';
import type { Locale } from '../../domain/types.ts';
import { busyAndConfigVersion, releaseExpired, updateAppointment } from '../../db/repositories/appointment-repo.ts';
import { shareConfigLock } from '../../db/repositories/organization-repo.ts';
import type { Catalog } from '../catalog.ts';
import { requireCurrentConfig, withFreshCatalog } from '../fresh-config.ts';
import { enqueueMail } from '../../db/repositories/outbox-repo.ts';
import { isExclusionViolation, withRetry } from '../../db/retry.ts';
import type { AppContext } from '../context.ts';
import { effectiveStatus } from '../appointment-view.ts';
import type { StaffUser } from './access.ts';
import { concernsStillOffered } from './list-move-times.ts';
import { loadForStaff, staffView, type StaffAppointmentView } from './get-staff-appointment.ts';

const LANE_ATTEMPTS = 8;

export async function moveOnBehalf(
  ctx: AppContext, user: StaffUser, q: { reference: string; startsAt: string; reason: string; locale: Locale },
): Promise<StaffAppointmentView> {
  return withFreshCatalog(ctx, (catalog) => move(ctx, catalog, user, q));
}

async function move(
  ctx: AppContext, catalog: Catalog, user: StaffUser, q: { reference: string; startsAt: string; reason: string; locale: Locale },
): Promise<StaffAppointmentView> {
  const now = ctx.now();
  const start = parseRfc3339(q.startsAt);
  const reason = q.reason.trim();
  const fields: Record<string, { key: string }> = {};
  if (start === null) fields.startsAt = { key: q.startsAt.trim() ? 'startsAt.invalid' : 'startsAt.required' };
  if (reason.length > 500) fields.reason = { key: 'reason.tooLong' };
  if (start === null || Object.keys(fields).length > 0) throw new DomainError('validation', { fields });
  const current = await loadForStaff(ctx.db, ctx.orgId, user, catalog, q.reference);
  const office = catalog.offices.get(current.office_id);
  if (!office || !concernsStillOffered(current, catalog)) throw new DomainError('not_allowed', { fields: { services: { key: 'concern_gone' } } });
  const end = start + current.duration_minutes * 60_000;

  for (let attempt = 0; attempt < LANE_ATTEMPTS; attempt++) {
    try {
      const row = await withRetry(() =>
        ctx.db.transaction().execute(async (tx) => {
          await shareConfigLock(tx, ctx.orgId);
          const row = await loadForStaff(tx, ctx.orgId, user, catalog, q.reference);
          const status = effectiveStatus(row, now);
          if (status !== 'booked' && status !== 'pending') throw new DomainError('not_allowed');
          if (row.starts_at.getTime() === start) return row;
          const nowDate = new Date(now);
          await releaseExpired(tx, { orgId: ctx.orgId, officeId: office.id, from: new Date(start), to: new Date(end), now: nowDate });
          const { busy, configVersion } = await busyAndConfigVersion(tx, {
            orgId: ctx.orgId, officeId: office.id, from: new Date(start), to: new Date(end), now: nowDate, excludeIds: [row.id],
          });
          requireCurrentConfig(catalog, configVersion);
          const channel = row.channel === 'counter' ? 'counter' : 'phone';
          const check = checkStart({ office, org: catalog.config.organization, durationMinutes: row.duration_minutes, channel, now, busy }, start);
          if (!check.ok) return null;
          const updated = await updateAppointment(tx, ctx.orgId, row.id, {
            lane: check.lane, starts_at: new Date(start), ends_at: new Date(end), sequence: row.sequence + 1, updated_at: nowDate, conflict: null,
          });
          if (updated.contact_email) {
            await enqueueMail(tx, {
              orgId: ctx.orgId, appointmentId: row.id, kind: 'reschedule', recipient: updated.contact_email, locale: updated.locale,
              payload: { previousStartsAt: row.starts_at.toISOString(), ...(reason ? { reason } : {}), byStaff: true },
            });
          }
          return updated;
        }),
      );
      ctx.forgetAvailability();
      if (row === null) break;
      return staffView(row, catalog, q.locale, now);
    } catch (e) {
      if (!isExclusionViolation(e)) throw e;
    }
  }
  throw new DomainError('slot_unavailable');
}
