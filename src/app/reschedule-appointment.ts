// Use case: move an appointment to another time, atomically: the row keeps its
// identity and only changes time and lane, so the old time is freed exactly
// when the new one is taken (or nothing changes at all).
import { checkStart } from '../domain/availability.ts';
import { DomainError } from '../domain/errors.ts';
import { parseRfc3339 } from '../domain/time.ts';
import type { Locale } from '../domain/types.ts';
import { busyAndConfigVersion, releaseExpired, updateAppointment } from '../db/repositories/appointment-repo.ts';
import { shareConfigLock } from '../db/repositories/organization-repo.ts';
import type { Catalog } from './catalog.ts';
import { requireCurrentConfig, withFreshCatalog } from './fresh-config.ts';
import { enqueueMail } from '../db/repositories/outbox-repo.ts';
import { isExclusionViolation, withRetry } from '../db/retry.ts';
import { alternativesAround } from './alternatives.ts';
import { effectiveStatus, hasLapsed, toAppointmentView, type AppointmentView } from './appointment-view.ts';
import type { AppContext } from './context.ts';
import { findAppointment } from './find-appointment.ts';

const LANE_ATTEMPTS = 8;

export async function rescheduleAppointment(
  ctx: AppContext,
  q: { reference: string; token?: string; startsAt?: string; locale?: Locale },
): Promise<AppointmentView> {
  return withFreshCatalog(ctx, (catalog) => reschedule(ctx, catalog, q));
}

async function reschedule(
  ctx: AppContext,
  catalog: Catalog,
  q: { reference: string; token?: string; startsAt?: string; locale?: Locale },
): Promise<AppointmentView> {
  const now = ctx.now();
  const start = q.startsAt === undefined ? null : parseRfc3339(q.startsAt);
  // Token first: an outsider learns nothing, not even whether the body was right.
  const current = await findAppointment(ctx.db, ctx.orgId, q.reference, q.token);
  if (start === null)
    throw new DomainError('validation', { fields: { startsAt: { key: q.startsAt === undefined ? 'startsAt.required' : 'startsAt.invalid' } } });
  const office = catalog.offices.get(current.office_id);
  if (!office) throw new DomainError('not_allowed');
  const durationMinutes = current.duration_minutes;
  const end = start + durationMinutes * 60_000;
  const channel = current.channel;

  for (let attempt = 0; attempt < LANE_ATTEMPTS; attempt++) {
    try {
      const row = await withRetry(() =>
        ctx.db.transaction().execute(async (tx) => {
          await shareConfigLock(tx, ctx.orgId);
          const row = await findAppointment(tx, ctx.orgId, q.reference, q.token, { forUpdate: true });
          const status = effectiveStatus(row, now);
          if (status !== 'booked' && status !== 'pending') throw new DomainError(hasLapsed(row, now) ? 'expired' : 'not_allowed');
          if (row.starts_at.getTime() - office.booking.cancelUntilMinutes * 60_000 <= now) throw new DomainError('too_late');
          if (row.starts_at.getTime() === start) return row;
          const nowDate = new Date(now);
          await releaseExpired(tx, { orgId: ctx.orgId, officeId: office.id, from: new Date(start), to: new Date(end), now: nowDate });
          const { busy, configVersion } = await busyAndConfigVersion(tx, {
            orgId: ctx.orgId, officeId: office.id, from: new Date(start), to: new Date(end), now: nowDate, excludeIds: [row.id],
          });
          requireCurrentConfig(catalog, configVersion);
          const check = checkStart({ office, org: catalog.config.organization, durationMinutes, channel, now, busy }, start);
          if (!check.ok) return null;
          const updated = await updateAppointment(tx, ctx.orgId, row.id, {
            lane: check.lane,
            starts_at: new Date(start),
            ends_at: new Date(end),
            sequence: row.sequence + 1,
            updated_at: nowDate,
            conflict: null,
          });
          if (updated.contact_email) {
            await enqueueMail(tx, {
              orgId: ctx.orgId, appointmentId: row.id, kind: 'reschedule', recipient: updated.contact_email, locale: updated.locale,
              payload: { previousStartsAt: row.starts_at.toISOString() },
            });
          }
          return updated;
        }),
      );
      ctx.forgetAvailability();
      if (row === null) break;
      return toAppointmentView(row, catalog, q.locale ?? (row.locale === 'en' ? 'en' : 'de'), now);
    } catch (e) {
      if (!isExclusionViolation(e)) throw e;
      // another booking took the lane between our check and the update: look again
    }
  }
  const alternatives = await alternativesAround(ctx, { catalog, office, durationMinutes, channel, around: start, now });
  throw new DomainError('slot_unavailable', { alternatives });
}
