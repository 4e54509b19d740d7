// The times staff can offer a caller or move an appointment to: either the
// nearest free times from today (optionally only mornings or afternoons), or
// every free time of one chosen day; plus the month around the chosen day
// with each day's status, so any day in the booking window can be picked.
// Shared by find-free-times.ts (phone and walk-in bookings) and
// list-move-times.ts (moves).
import { daysOverview, dayTimes, type DayStatus } from '../../domain/availability.ts';
import { inPartOfDay, type PartOfDay } from '../../domain/date-input.ts';
import { addDays, compareDates, isValidLocalDate, localDateOf, localMinutesOf } from '../../domain/time.ts';
import type { Channel, LocalDate, Office } from '../../domain/types.ts';
import type { Catalog } from '../catalog.ts';
import type { AppContext } from '../context.ts';
import { loadEngineInput } from '../engine-input.ts';
import { slotTime, type SlotTime } from '../slot-time.ts';

export interface TimeSearch {
  /** one day: all its free times; absent: the nearest free times from today */
  date?: LocalDate;
  part?: PartOfDay;
  /** `YYYY-MM`: the month to show when no day is chosen (default: this month) */
  month?: string;
  /** how many nearest times (default 8) and over how many days (default 14) */
  count?: number;
  days?: number;
}

export interface StaffMonth {
  /** `YYYY-MM` */
  month: string;
  days: { date: LocalDate; status: DayStatus; freeTimes: number }[];
}

export interface TimeSearchResult {
  times: SlotTime[];
  /** the chosen day, or null for "the nearest times" */
  date: LocalDate | null;
  month: StaffMonth;
}

const monthStart = (d: LocalDate) => `${d.slice(0, 7)}-01`;
const monthEnd = (d: LocalDate) => addDays(`${addDays(monthStart(d), 31).slice(0, 7)}-01`, -1);

export async function searchStaffTimes(
  ctx: AppContext,
  q: {
    catalog: Catalog; office: Office; durationMinutes: number; channel: Channel; search: TimeSearch;
    /** the appointment being moved: its own interval counts as free, its own start is not offered */
    moving?: { id: string; startsAt: number };
  },
): Promise<TimeSearchResult> {
  const now = ctx.now();
  const tz = q.catalog.config.organization.timezone;
  const today = localDateOf(now, tz);
  const part = q.search.part ?? 'all';
  const chosen = q.search.date ?? null;
  const days = q.search.days ?? 14;
  const shown = chosen ?? (q.search.month && isValidLocalDate(`${q.search.month}-01`) ? `${q.search.month}-01` : today);
  const first = [today, monthStart(shown)].sort(compareDates)[0];
  const last = [addDays(today, days), monthEnd(shown)].sort(compareDates)[1];
  const { input } = await loadEngineInput(ctx.db, {
    catalog: q.catalog, office: q.office, durationMinutes: q.durationMinutes, channel: q.channel, now,
    from: first, to: last, excludeIds: q.moving && [q.moving.id],
  });
  const fits = (ms: number) => ms !== q.moving?.startsAt && inPartOfDay(localMinutesOf(ms, tz), part);
  const times: SlotTime[] = [];
  if (chosen) {
    for (const ms of dayTimes(input, chosen)) if (fits(ms)) times.push(slotTime(ms, tz));
  } else {
    const count = q.search.count ?? 8;
    for (let d = 0; d <= days && times.length < count; d++) {
      for (const ms of dayTimes(input, addDays(today, d))) {
        if (!fits(ms)) continue;
        times.push(slotTime(ms, tz));
        if (times.length >= count) break;
      }
    }
  }
  const month = {
    month: shown.slice(0, 7),
    days: daysOverview(input, monthStart(shown), monthEnd(shown)).map((d) => ({ date: d.date, status: d.status, freeTimes: d.freeTimes })),
  };
  return { times, date: chosen, month };
}
