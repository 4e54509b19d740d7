// Use case: at the counter: the citizen has arrived (checked_in), was served
// (completed), or did not come (no_show). Allowed transitions only.
import { DomainError } from '../../domain/errors.ts';
import { updateAppointment } from '../../db/repositories/appointment-repo.ts';
import { withRetry } from '../../db/retry.ts';
import type { AppContext } from '../context.ts';
import { effectiveStatus } from '../appointment-view.ts';
import type { Locale } from '../../domain/types.ts';
import type { StaffUser } from './access.ts';
import { loadForStaff, staffView, type StaffAppointmentView } from './get-staff-appointment.ts';

export type Attendance = 'checked_in' | 'completed' | 'no_show';
export const ATTENDANCE: readonly Attendance[] = ['checked_in', 'completed', 'no_show'];

const ALLOWED: Record<Attendance, string[]> = {
  checked_in: ['booked', 'pending'],
  completed: ['booked', 'checked_in'],
  no_show: ['booked', 'pending'],
};

export async function recordAttendance(
  ctx: AppContext, user: StaffUser, q: { reference: string; status: Attendance; locale: Locale },
): Promise<StaffAppointmentView> {
  const catalog = await ctx.catalog();
  const now = ctx.now();
  const row = await withRetry(() =>
    ctx.db.transaction().execute(async (tx) => {
      const row = await loadForStaff(tx, ctx.orgId, user, catalog, q.reference);
      const status = effectiveStatus(row, now);
      if (status === q.status) return row;
      if (!ALLOWED[q.status].includes(status)) throw new DomainError('not_allowed');
      if (q.status === 'no_show' && row.starts_at.getTime() > now) throw new DomainError('too_late');
      return updateAppointment(tx, ctx.orgId, row.id, { status: q.status, expires_at: null, updated_at: new Date(now) });
    }),
  );
  return staffView(row, catalog, q.locale, now);
}
