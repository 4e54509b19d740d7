// Use case: the nearest free times an appointment could move to (staff may use
// the phone lanes), treating its own current time as free.
import { dayTimes } from '../../domain/availability.ts';
import { addDays, localDateOf } from '../../domain/time.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import type { Catalog } from '../catalog.ts';
import type { AppointmentRow } from '../../db/repositories/appointment-repo.ts';
import { loadEngineInput } from '../engine-input.ts';
import { slotTime, type SlotTime } from '../slot-time.ts';
import type { StaffUser } from './access.ts';
import { loadForStaff } from './get-staff-appointment.ts';

/** Whether the appointment's concerns still exist and are offered by its office; if not, it can only be cancelled. */
export function concernsStillOffered(row: Pick<AppointmentRow, 'office_id' | 'services'>, catalog: Catalog): boolean {
  const office = catalog.offices.get(row.office_id);
  return !!office && row.services.every((l) => catalog.services.has(l.id) && office.services.includes(l.id));
}

export async function listMoveTimes(
  ctx: AppContext, user: StaffUser, q: { reference: string; from?: string; count?: number; days?: number },
): Promise<SlotTime[]> {
  const catalog = await ctx.catalog();
  const row = await loadForStaff(ctx.db, ctx.orgId, user, catalog, q.reference);
  const office = catalog.offices.get(row.office_id);
  if (!office) throw new DomainError('not_allowed');
  if (!concernsStillOffered(row, catalog)) return [];
  const now = ctx.now();
  const tz = catalog.config.organization.timezone;
  const first = q.from ?? localDateOf(now, tz);
  const days = q.days ?? 14;
  const count = q.count ?? 10;
  const { input } = await loadEngineInput(ctx.db, {
    catalog, office, durationMinutes: row.duration_minutes, channel: 'phone', now, from: first, to: addDays(first, days), excludeIds: [row.id],
  });
  const times: SlotTime[] = [];
  for (let d = 0; d <= days && times.length < count; d++) {
    for (const ms of dayTimes(input, addDays(first, d))) {
      if (ms === row.starts_at.getTime()) continue;
      times.push(slotTime(ms, tz));
      if (times.length >= count) break;
    }
  }
  return times;
}
