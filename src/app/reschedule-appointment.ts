// Use case: the citizen moves their appointment to another time (with the
// manage token, until cancelUntilMinutes before it), atomically (move-to-time.ts).
import { DomainError } from '../domain/errors.ts';
import { parseRfc3339 } from '../domain/time.ts';
import type { Locale } from '../domain/types.ts';
import type { Catalog } from './catalog.ts';
import { withFreshCatalog } from './fresh-config.ts';
import { moveToTime } from './move-to-time.ts';
import { alternativesAround } from './alternatives.ts';
import { effectiveStatus, hasLapsed, toAppointmentView, type AppointmentView } from './appointment-view.ts';
import type { AppContext } from './context.ts';
import { findAppointment } from './find-appointment.ts';

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
  const channel = current.channel;

  const row = await moveToTime(ctx, catalog, {
    office, start, durationMinutes, channel,
    lockRow: async (tx) => {
      const row = await findAppointment(tx, ctx.orgId, q.reference, q.token, { forUpdate: true });
      const status = effectiveStatus(row, now);
      if (status !== 'booked' && status !== 'pending') throw new DomainError(hasLapsed(row, now) ? 'expired' : 'not_allowed');
      if (row.starts_at.getTime() - office.booking.cancelUntilMinutes * 60_000 <= now) throw new DomainError('too_late');
      return row;
    },
    history: { actor: { kind: 'citizen' } },
  });
  if (row) return toAppointmentView(row, catalog, q.locale ?? (row.locale === 'en' ? 'en' : 'de'), now);
  const alternatives = await alternativesAround(ctx, { catalog, office, durationMinutes, channel, around: start, now });
  throw new DomainError('slot_unavailable', { alternatives });
}
