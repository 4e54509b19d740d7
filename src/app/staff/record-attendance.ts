// Use case: at the counter: the citizen has arrived (checked_in), was served
// (completed), or did not come (no_show); or a mistaken click is undone
// (booked again), each recorded in the appointment's history (`appointment.attendance`,
// `appointment.attendance_undo`). Each action only when it makes sense in time:
// - check-in only on the appointment's own day (in the organization's time zone);
// - completed once checked in, or once the time has begun;
// - no-show once the time has begun and the office's grace has passed
//   (`booking.noShowGraceMinutes`, default 15: domain/no-show.ts);
// - undo (back to booked) only on the appointment's day.
// A refusal says why (`status` field: `attendance.<why>`, for `grace` with the
// local time from when a no-show is possible).
import { DomainError } from '../../domain/errors.ts';
import { localDateOf, localTimeOf } from '../../domain/time.ts';
import { noShowFrom, noShowGraceOf, noShowOpen } from '../../domain/no-show.ts';
import type { Transaction } from 'kysely';
import { updateAppointment, type AppointmentRow } from '../../db/repositories/appointment-repo.ts';
import type { Database } from '../../db/schema.ts';
import type { Catalog } from '../catalog.ts';
import type { AppointmentChange } from '../../domain/appointment-history.ts';
import { withRetry } from '../../db/retry.ts';
import { recordAppointmentChanges } from '../../db/repositories/appointment-history-repo.ts';
import { historyEntry } from '../history-entry.ts';
import type { AppContext } from '../context.ts';
import { effectiveStatus, type PublicStatus } from '../appointment-view.ts';
import type { Locale } from '../../domain/types.ts';
import type { StaffUser } from './access.ts';
import { loadForStaff, staffView, type StaffAppointmentView } from './get-staff-appointment.ts';

export type Attendance = 'checked_in' | 'completed' | 'no_show' | 'booked';
export const ATTENDANCE: readonly Attendance[] = ['checked_in', 'completed', 'no_show', 'booked'];

/**
 * Why an action is refused: the status does not allow it, it is not the appointment's day, its time
 * has not begun, or (a no-show) the grace after the start has not passed.
 */
export type AttendanceRefusal = 'not_allowed' | 'not_today' | 'not_started' | 'grace';

const OPEN: PublicStatus[] = ['booked', 'pending'];
const DONE: PublicStatus[] = ['checked_in', 'completed', 'no_show'];

/** Whether `to` may be recorded now; null if it may, else why not. Pure. */
export function attendanceRefusal(
  a: { status: PublicStatus; startsAt: number }, to: Attendance, now: number, timeZone: string, graceMinutes: number,
): AttendanceRefusal | null {
  const sameDay = localDateOf(a.startsAt, timeZone) === localDateOf(now, timeZone);
  const begun = now >= a.startsAt;
  switch (to) {
    case 'checked_in':
      if (!OPEN.includes(a.status)) return 'not_allowed';
      return sameDay ? null : 'not_today';
    case 'completed':
      if (a.status === 'checked_in') return null;
      if (!OPEN.includes(a.status)) return 'not_allowed';
      return begun ? null : 'not_started';
    case 'no_show':
      if (!OPEN.includes(a.status)) return 'not_allowed';
      if (!begun) return 'not_started';
      return noShowOpen(a.startsAt, graceMinutes, now) ? null : 'grace';
    case 'booked':
      if (!DONE.includes(a.status)) return 'not_allowed';
      return sameDay ? null : 'not_today';
  }
}

/** The actions to offer for an appointment now. */
export function attendanceChoices(a: { status: PublicStatus; startsAt: number }, now: number, timeZone: string, graceMinutes: number): Attendance[] {
  return ATTENDANCE.filter((to) => to !== a.status && attendanceRefusal(a, to, now, timeZone, graceMinutes) === null);
}

/** From when (local `HH:MM`) a no-show may be recorded for an appointment starting at `startsAt`. */
export function noShowTime(startsAt: number, graceMinutes: number, timeZone: string): string {
  return localTimeOf(noShowFrom(startsAt, graceMinutes), timeZone);
}

/** The office's grace before a no-show, from the catalog. */
export function graceOf(catalog: { offices: Map<string, { booking: { noShowGraceMinutes?: number } }> }, officeId: string): number {
  return noShowGraceOf(catalog.offices.get(officeId)?.booking);
}

export async function recordAttendance(
  ctx: AppContext, user: StaffUser, q: { reference: string; status: Attendance; locale: Locale },
): Promise<StaffAppointmentView> {
  const catalog = await ctx.catalog();
  const now = ctx.now();
  const row = await withRetry(() =>
    ctx.db.transaction().execute(async (tx) => {
      const row = await loadForStaff(tx, ctx.orgId, user, catalog, q.reference, { forUpdate: true });
      return applyAttendance(tx, ctx, user, catalog, row, q.status, now);
    }),
  );
  return staffView(row, catalog, q.locale, now);
}

/**
 * Records `to` on a row locked in `tx` (refused with the reason as above), with its history entry;
 * also used by the counter queue (check-in, finish: src/app/queue/). `user` null: the citizen
 * themselves (the kiosk's check-in), recorded as the citizen's change.
 */
export async function applyAttendance(
  tx: Transaction<Database>, ctx: Pick<AppContext, 'orgId'>, user: StaffUser | null, catalog: Catalog, row: AppointmentRow, to: Attendance, now: number,
  extra: Pick<AppointmentChange, 'ticket'> = {},
): Promise<AppointmentRow> {
  const tz = catalog.config.organization.timezone;
  const status = effectiveStatus(row, now);
  if (status === to) return row;
  const grace = graceOf(catalog, row.office_id);
  const refusal = attendanceRefusal({ status, startsAt: row.starts_at.getTime() }, to, now, tz, grace);
  if (refusal) {
    const params = refusal === 'grace' ? { time: noShowTime(row.starts_at.getTime(), grace, tz) } : undefined;
    throw new DomainError('not_allowed', { fields: { status: { key: `attendance.${refusal}`, ...(params ? { params } : {}) } } });
  }
  const updated = await updateAppointment(tx, ctx.orgId, row.id, { status: to, expires_at: null, updated_at: new Date(now) });
  // who changed what at the counter, and when (the reference only, no personal data)
  await recordAppointmentChanges(tx, [historyEntry(
    { orgId: ctx.orgId, now }, row, user ? { kind: 'staff', userId: user.id } : { kind: 'citizen' }, to === 'booked' ? 'appointment.attendance_undo' : 'appointment.attendance',
    { fromStatus: status, toStatus: to, ...extra },
  )]);
  return updated;
}
