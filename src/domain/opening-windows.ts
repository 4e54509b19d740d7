// A day's opening windows as instants: weekly rules + extra hours, minus holidays, closures and blocks.
import type { Block, Capacity, Closure, LocalDate, Office, Text } from './types.ts';
import { normalize, subtract, type Interval } from './intervals.ts';
import { publicHolidayText } from './holidays.ts';
import { parseLocalTime, weekdayOf, zonedInstant } from './time.ts';

/** A contiguous piece of an open window with constant capacity; start/end are epoch ms. */
export interface Segment extends Capacity {
  start: number;
  end: number;
}

/** A maximal contiguous open period; its segments are contiguous, in order, and cover it exactly. */
export interface OpenWindow {
  start: number;
  end: number;
  segments: Segment[];
}

export type ClosedReason = { kind: 'no_hours' } | { kind: 'holiday'; name: Text } | { kind: 'closure'; reason?: Text };

export interface DaySchedule {
  date: LocalDate;
  windows: OpenWindow[];
  /** set exactly when `windows` is empty */
  closed?: ClosedReason;
}

export interface OrgZone {
  timezone: string;
  /** date-holidays region such as `DE-SN`; absent: no public holidays */
  holidays?: string;
}

/**
 * The opening windows of an office on one local date.
 *
 * - Weekly `hours` rules apply on their `days`, within `validFrom..validTo` (inclusive), unless the
 *   date is a public holiday of the organization's region.
 * - `extraHours` on the date always add, even on a public holiday.
 * - Where rules and extra hours overlap in time, their capacities ADD UP (counters, online and phone
 *   each summed): two rules 08:00-12:00 with 2 counters and 10:00-14:00 with 1 counter mean 3 counters
 *   from 10:00 to 12:00. Extra hours thus add staff on top of the regular ones.
 * - `closures` win over everything: the whole day, or `fromTime..toTime` of each day in range.
 * - `blocks` take `counters` desks away for their period (the whole day or `fromTime..toTime` of each
 *   day in range); several blocks add up. Online and phone are capped at the counters that remain;
 *   where none remain, the time is not open.
 * - Windows are the union of open time; any gap (lunch break, part-day closure) splits them.
 * Wall-clock times become instants with `zonedInstant`, so DST days are 23 or 25 hours long.
 */
export function daySchedule(office: Office, org: OrgZone, date: LocalDate): DaySchedule {
  const tz = org.timezone;
  const weekday = weekdayOf(date);
  const holiday = publicHolidayText(org.holidays, date);
  const at = (t: string) => zonedInstant(date, parseLocalTime(t), tz);

  const pieces: Segment[] = [];
  const add = (from: string, to: string, c: Capacity) => {
    const start = at(from), end = at(to);
    if (end > start) pieces.push({ start, end, counters: c.counters, online: c.online, phone: c.phone });
  };
  if (!holiday) {
    for (const r of office.hours) {
      if (!r.days.includes(weekday)) continue;
      if (r.validFrom !== undefined && date < r.validFrom) continue;
      if (r.validTo !== undefined && date > r.validTo) continue;
      add(r.from, r.to, r);
    }
  }
  for (const x of office.extraHours) if (x.date === date) add(x.from, x.to, x);

  const closures = office.closures.filter((c) => c.from <= date && date <= c.to);
  const closedTimes = closures.map((c) => closureInterval(c, date, tz));
  const open = subtract(normalize(pieces), closedTimes);
  const blocked = blocksOn(office, date, tz);

  const windows = buildWindows(pieces, open, blocked);
  if (windows.length > 0) return { date, windows };
  return { date, windows, closed: closedReason(holiday, closures, closedTimes, pieces, date, tz) };
}

/** A block's period on one date as instants, with the counters it takes away. */
export interface BlockedTime extends Interval {
  counters: number;
}

/** The blocks in force on a date, as instants. */
export function blocksOn(office: Office, date: LocalDate, tz: string): BlockedTime[] {
  const out: BlockedTime[] = [];
  for (const b of office.blocks ?? []) {
    if (b.from <= date && date <= b.to) out.push({ ...closureInterval(b, date, tz), counters: b.counters });
  }
  return out;
}

/** The closures and blocks in force on a date, for staff ("why is this time closed?"). */
export function plansOn(office: Office, date: LocalDate): { closures: Closure[]; blocks: Block[] } {
  return {
    closures: office.closures.filter((c) => c.from <= date && date <= c.to),
    blocks: (office.blocks ?? []).filter((b) => b.from <= date && date <= b.to),
  };
}

/** A closure's (or block's) period on one date as instants: the whole day, or its times. */
export function closureInterval(c: Closure, date: LocalDate, tz: string): Interval {
  if (c.fromTime === undefined && c.toTime === undefined) {
    return { start: zonedInstant(date, 0, tz), end: zonedInstant(date, 1440, tz) };
  }
  return {
    start: zonedInstant(date, parseLocalTime(c.fromTime ?? '00:00'), tz),
    end: zonedInstant(date, parseLocalTime(c.toTime ?? '24:00'), tz),
  };
}

/**
 * Priority: a public holiday; else a closure covering the whole day or taking away open time;
 * else no opening hours that day. (Time taken by blocks alone reads as no opening hours: their
 * reasons are for staff.)
 */
function closedReason(holiday: Text | null, closures: Closure[], closedTimes: Interval[], pieces: Segment[],
  date: LocalDate, tz: string): ClosedReason {
  if (holiday) return { kind: 'holiday', name: holiday };
  const dayStart = zonedInstant(date, 0, tz), dayEnd = zonedInstant(date, 1440, tz);
  const i = closures.findIndex((_, k) => {
    const ct = closedTimes[k];
    return (ct.start <= dayStart && ct.end >= dayEnd) || pieces.some((p) => p.start < ct.end && ct.start < p.end);
  });
  if (i < 0) return { kind: 'no_hours' };
  const reason = closures[i].reason;
  return reason ? { kind: 'closure', reason } : { kind: 'closure' };
}

/**
 * Sweep: cut the open set at every rule and block boundary, sum capacities per piece, take the
 * blocked counters away, join equal neighbours.
 */
function buildWindows(pieces: Segment[], open: Interval[], blocked: BlockedTime[]): OpenWindow[] {
  if (open.length === 0) return [];
  const cuts = new Set<number>();
  for (const p of pieces) cuts.add(p.start).add(p.end);
  for (const o of open) cuts.add(o.start).add(o.end);
  for (const b of blocked) cuts.add(b.start).add(b.end);
  const points = [...cuts].sort((a, b) => a - b);

  const windows: OpenWindow[] = [];
  let k = 0; // index into open
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i], end = points[i + 1];
    while (k < open.length && open[k].end <= start) k++;
    if (k >= open.length) break;
    if (open[k].start > start) continue; // elementary pieces never straddle an open boundary
    const cap = { counters: 0, online: 0, phone: 0 };
    for (const p of pieces) {
      if (p.start <= start && end <= p.end) {
        cap.counters += p.counters; cap.online += p.online; cap.phone += p.phone;
      }
    }
    for (const b of blocked) if (b.start <= start && end <= b.end) cap.counters -= b.counters;
    if (cap.counters <= 0) continue;
    cap.phone = Math.min(cap.phone, cap.counters);
    cap.online = Math.min(cap.online, cap.counters);
    const w = windows[windows.length - 1];
    const last = w?.segments[w.segments.length - 1];
    if (w && w.end === start) {
      if (last && last.counters === cap.counters && last.online === cap.online && last.phone === cap.phone) last.end = end;
      else w.segments.push({ start, end, ...cap });
      w.end = end;
    } else {
      windows.push({ start, end, segments: [{ start, end, ...cap }] });
    }
  }
  return windows;
}
