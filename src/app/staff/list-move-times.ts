// Use case: the times an appointment could move to (staff may use the phone
// lanes): the nearest, or a chosen day's; its own current time counts as free.
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import type { Catalog } from '../catalog.ts';
import type { AppointmentRow } from '../../db/repositories/appointment-repo.ts';
import type { StaffUser } from './access.ts';
import { loadForStaff } from './get-staff-appointment.ts';
import { searchStaffTimes, type TimeSearch, type TimeSearchResult } from './staff-time-search.ts';

/** Whether the appointment's concerns still exist and are offered by its office; if not, it can only be cancelled. */
export function concernsStillOffered(row: Pick<AppointmentRow, 'office_id' | 'services'>, catalog: Catalog): boolean {
  const office = catalog.offices.get(row.office_id);
  return !!office && row.services.every((l) => catalog.services.has(l.id) && office.services.includes(l.id));
}

export async function listMoveTimes(
  ctx: AppContext, user: StaffUser, q: { reference: string } & TimeSearch,
): Promise<TimeSearchResult & { movable: boolean }> {
  const catalog = await ctx.catalog();
  const row = await loadForStaff(ctx.db, ctx.orgId, user, catalog, q.reference);
  const office = catalog.offices.get(row.office_id);
  if (!office) throw new DomainError('not_allowed');
  const found = await searchStaffTimes(ctx, {
    catalog, office, durationMinutes: row.duration_minutes, channel: 'phone', search: { count: 10, ...q },
    moving: { id: row.id, startsAt: row.starts_at.getTime() },
  });
  // concerns no longer offered: it can only be cancelled
  return concernsStillOffered(row, catalog) ? { ...found, movable: true } : { ...found, times: [], movable: false };
}
