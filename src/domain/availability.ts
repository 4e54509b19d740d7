// The engine's public API: day overview, a day's times, checking a start, earliest and nearest free times.
import type { Channel, LocalDate, Office } from './types.ts';
import { daySchedule, type ClosedReason, type DaySchedule, type OpenWindow, type OrgZone } from './opening-windows.ts';
import { LaneIndex, hasFreeLane, pickLane, type Busy } from './lanes.ts';
import { freeStarts, gridStarts, isGridStart } from './slots.ts';
import { bookingWindow, type BookingWindow } from './booking-window.ts';
import { addDays, eachDate, localDateOf } from './time.ts';

export type DayStatus = 'available' | 'full' | 'closed' | 'too_soon' | 'not_yet_bookable';

export interface EngineInput {
  office: Office;
  org: OrgZone;
  /** appointment length, already rounded to the office's slot grid (see appointmentMinutes) */
  durationMinutes: number;
  channel: Channel;
  /** the current instant, epoch ms */
  now: number;
  /** occupied lanes: appointments and live holds (a prebuilt index may be shared between calls) */
  busy: readonly Busy[] | LaneIndex;
  /** busy intervals to treat as free (matched by lane, start, end), e.g. the appointment being moved */
  ignore?: readonly Busy[];
}

export interface DayOverview {
  date: LocalDate;
  status: DayStatus;
  /** bookable start times that day (0 unless available) */
  freeTimes: number;
  /** why, when status is `closed` */
  closed?: ClosedReason;
}

export type CheckResult =
  | { ok: true; lane: number; end: number }
  | { ok: false; reason: 'not_on_grid' | 'closed' | 'too_soon' | 'not_yet_bookable' | 'taken' };

const MINUTE = 60_000;

/** Per-call state: the lane index is built once and each day's schedule computed once. */
class Engine {
  readonly index: LaneIndex;
  readonly bw: BookingWindow;
  readonly dur: number;
  private readonly days = new Map<LocalDate, DaySchedule>();

  constructor(readonly input: EngineInput) {
    const { durationMinutes: d, office } = input;
    if (!Number.isInteger(d) || d <= 0) throw new RangeError(`invalid durationMinutes: ${d}`);
    if (!Number.isFinite(input.now)) throw new RangeError(`invalid now: ${input.now}`);
    const base = input.busy instanceof LaneIndex ? input.busy : new LaneIndex(input.busy);
    this.index = input.ignore?.length ? base.without(input.ignore) : base;
    this.bw = bookingWindow(office.booking, input.org.timezone, input.now, input.channel);
    this.dur = d * MINUTE;
  }

  schedule(date: LocalDate): DaySchedule {
    let s = this.days.get(date);
    if (!s) this.days.set(date, (s = daySchedule(this.input.office, this.input.org, date)));
    return s;
  }

  /** bookable starts of a date within the booking window, ascending */
  times(date: LocalDate): number[] {
    if (date < this.bw.today || date > this.bw.lastDate) return [];
    const { office, durationMinutes, channel } = this.input;
    return freeStarts(this.schedule(date), durationMinutes, office.slotMinutes, this.index, channel, this.bw.earliestStart);
  }

  /** the first bookable start of a date, without listing the rest */
  first(date: LocalDate): number | null {
    if (date < this.bw.today || date > this.bw.lastDate) return null;
    const { office, durationMinutes, channel } = this.input;
    for (const w of this.schedule(date).windows) {
      if (w.end < this.bw.earliestStart + this.dur) continue;
      for (const t of gridStarts(w, durationMinutes, office.slotMinutes)) {
        if (t >= this.bw.earliestStart && hasFreeLane(w, t, t + this.dur, this.index, channel)) return t;
      }
    }
    return null;
  }

  overview(date: LocalDate): DayOverview {
    if (date < this.bw.today) return { date, status: 'too_soon', freeTimes: 0 };
    const s = this.schedule(date);
    if (s.windows.length === 0) return { date, status: 'closed', freeTimes: 0, closed: s.closed };
    if (date > this.bw.lastDate) return { date, status: 'not_yet_bookable', freeTimes: 0 };
    const { office, durationMinutes } = this.input;
    const lastGrid = Math.max(-Infinity, ...s.windows.map((w) => gridStarts(w, durationMinutes, office.slotMinutes).at(-1) ?? -Infinity));
    if (lastGrid > -Infinity && lastGrid < this.bw.earliestStart) return { date, status: 'too_soon', freeTimes: 0 };
    const n = this.times(date).length;
    return n > 0 ? { date, status: 'available', freeTimes: n } : { date, status: 'full', freeTimes: 0 };
  }

  check(start: number): CheckResult {
    if (!Number.isSafeInteger(start) || Math.abs(start) > 8.64e15) return { ok: false, reason: 'not_on_grid' };
    if (start < this.bw.earliestStart) return { ok: false, reason: 'too_soon' };
    const date = localDateOf(start, this.input.org.timezone);
    if (date > this.bw.lastDate) return { ok: false, reason: 'not_yet_bookable' };
    const w: OpenWindow | undefined = this.schedule(date).windows.find((x) => x.start <= start && start < x.end);
    if (!w) return { ok: false, reason: 'closed' };
    if (!isGridStart(w, start, this.input.durationMinutes, this.input.office.slotMinutes)) return { ok: false, reason: 'not_on_grid' };
    const end = start + this.dur;
    const lane = pickLane(w, start, end, this.index, this.input.channel);
    return lane === null ? { ok: false, reason: 'taken' } : { ok: true, lane, end };
  }
}

/** One entry per date from `from` to `to` (inclusive) with its status for this duration and channel. */
export function daysOverview(input: EngineInput, from: LocalDate, to: LocalDate): DayOverview[] {
  const e = new Engine(input);
  return eachDate(from, to).map((d) => e.overview(d));
}

/** The bookable start instants of a date, ascending (empty outside the booking window). */
export function dayTimes(input: EngineInput, date: LocalDate): number[] {
  return new Engine(input).times(date);
}

/**
 * Accepts only a start the engine itself would offer: on the grid of an opening window, wholly inside
 * it, within the booking window, with a lane free for the channel; returns the preferred lane.
 */
export function checkStart(input: EngineInput, start: number): CheckResult {
  return new Engine(input).check(start);
}

/** The first bookable start from `from` to `to` (inclusive, clamped to the booking window), or null. */
export function findEarliest(input: EngineInput, from: LocalDate, to: LocalDate): number | null {
  const e = new Engine(input);
  const a = from > e.bw.today ? from : e.bw.today;
  const b = to < e.bw.lastDate ? to : e.bw.lastDate;
  if (a > b) return null;
  for (const d of eachDate(a, b)) {
    const t = e.first(d);
    if (t !== null) return t;
  }
  return null;
}

/**
 * Up to `count` bookable starts nearest in time to `around` (before or after it), within `searchDays`
 * days of its local date, ordered by distance and then time. `around` itself is never included: this
 * answers "that time is gone, what else is there?".
 */
export function nearestAlternatives(input: EngineInput, around: number, count = 5, searchDays = 14): number[] {
  if (!Number.isFinite(around) || Math.abs(around) > 8.64e15 || count <= 0) return [];
  const e = new Engine(input);
  const center = localDateOf(around, input.org.timezone);
  const lo = addDays(center, -searchDays), hi = addDays(center, searchDays);
  const a = lo > e.bw.today ? lo : e.bw.today;
  const b = hi < e.bw.lastDate ? hi : e.bw.lastDate;
  if (a > b) return [];
  const all = eachDate(a, b).flatMap((d) => e.times(d)).filter((t) => t !== around);
  all.sort((x, y) => Math.abs(x - around) - Math.abs(y - around) || x - y);
  return all.slice(0, count);
}
