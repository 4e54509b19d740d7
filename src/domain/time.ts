// Calendar and wall-clock helpers: local dates/times in an IANA zone <-> instants (epoch ms), host TZ never used.
import { Temporal } from 'temporal-polyfill';
import { WEEKDAYS, type LocalDate, type LocalTime, type Weekday } from './types.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Largest magnitude of epoch ms that Temporal (and Date) can represent. */
const MAX_INSTANT = 8.64e15;

// ---------------------------------------------------------------------------
// Local times of day

const TIME_RE = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** `HH:MM` between 00:00 and 24:00 inclusive. */
export function isValidLocalTime(s: string): boolean {
  return typeof s === 'string' && TIME_RE.test(s);
}

/** Minutes since midnight; `24:00` is 1440. Throws RangeError on anything else than a valid `HH:MM`. */
export function parseLocalTime(t: LocalTime): number {
  const m = TIME_RE.exec(t);
  if (!m) throw new RangeError(`invalid local time: ${JSON.stringify(t)}`);
  return m[1] === undefined ? 1440 : Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes since midnight (0..1440) to `HH:MM`. */
export function formatLocalTime(min: number): LocalTime {
  if (!Number.isInteger(min) || min < 0 || min > 1440) throw new RangeError(`invalid minutes: ${min}`);
  return `${pad2(Math.floor(min / 60))}:${pad2(min % 60)}`;
}

// ---------------------------------------------------------------------------
// Local dates (proleptic Gregorian, pure integer arithmetic: no Date, no host zone)

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years a date may name: a year either side stays within four digits, so
 * "the day after", a month's view or a booking window never leaves YYYY-MM-DD.
 */
export const FIRST_YEAR = 1001;
export const LAST_YEAR = 9998;

/** `YYYY-MM-DD` naming a day that exists, in FIRST_YEAR..LAST_YEAR. */
export function isValidLocalDate(s: string): boolean {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  return y >= FIRST_YEAR && y <= LAST_YEAR && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Days since 1970-01-01 of a valid local date. Throws RangeError on an invalid one. */
export function epochDayOf(date: LocalDate): number {
  if (!isValidLocalDate(date)) throw new RangeError(`invalid local date: ${JSON.stringify(date)}`);
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** The local date `days` days after 1970-01-01. */
export function dateOfEpochDay(days: number): LocalDate {
  const [y, m, d] = civilFromDays(days);
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

export function addDays(date: LocalDate, n: number): LocalDate {
  return dateOfEpochDay(epochDayOf(date) + n);
}

export function weekdayOf(date: LocalDate): Weekday {
  // 1970-01-01 was a Thursday (index 3 in WEEKDAYS, which starts on Monday).
  return WEEKDAYS[mod(epochDayOf(date) + 3, 7)];
}

/** -1, 0 or 1, like a sort comparator. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every date from `from` to `to`, both inclusive; empty if `from` is after `to`. */
export function eachDate(from: LocalDate, to: LocalDate): LocalDate[] {
  const a = epochDayOf(from), b = epochDayOf(to);
  const out: LocalDate[] = [];
  for (let d = a; d <= b; d++) out.push(dateOfEpochDay(d));
  return out;
}

// ---------------------------------------------------------------------------
// Zones. Temporal is the source of truth for a zone's rules: we ask it once per
// zone and year for the UTC offset transitions and then convert with plain
// arithmetic, which is exact and ~100x faster than a Temporal call per value.
// Property tests compare every conversion below with Temporal itself.

/** An IANA zone name Temporal knows, spelled canonically (`Europe/Berlin`, `UTC`); no bare offsets. */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz === '' || /^[+-]/.test(tz)) return false;
  try {
    return new Temporal.ZonedDateTime(0n, tz).timeZoneId === tz;
  } catch {
    return false;
  }
}

interface ZoneYear {
  /** offset (ms) in force at the start of the covered range */
  startOffset: number;
  /** transitions inside the covered range: at instant `at`, the offset becomes `offset` */
  transitions: { at: number; offset: number }[];
}

const zoneYears = new Map<string, ZoneYear>();

function zoneYear(tz: string, year: number): ZoneYear {
  const key = `${tz}|${year}`;
  let zy = zoneYears.get(key);
  if (zy) return zy;
  // Cover the UTC year with a margin of three days on each side.
  const from = Math.max(-MAX_INSTANT, daysFromCivil(year, 1, 1) * DAY - 3 * DAY);
  const to = Math.min(MAX_INSTANT, daysFromCivil(year + 1, 1, 1) * DAY + 3 * DAY);
  let z: Temporal.ZonedDateTime | null = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(tz);
  zy = { startOffset: z.offsetNanoseconds / 1e6, transitions: [] };
  for (;;) {
    z = z.getTimeZoneTransition('next');
    if (!z || z.epochMilliseconds >= to) break;
    zy.transitions.push({ at: z.epochMilliseconds, offset: z.offsetNanoseconds / 1e6 });
  }
  zoneYears.set(key, zy);
  return zy;
}

/** The zone's UTC offset (ms, local minus UTC) at an instant. */
export function offsetAt(ms: number, tz: string): number {
  checkInstant(ms);
  const zy = zoneYear(tz, civilFromDays(Math.floor(ms / DAY))[0]);
  let o = zy.startOffset;
  for (const t of zy.transitions) {
    if (t.at > ms) break;
    o = t.offset;
  }
  return o;
}

/**
 * The instant at which the wall clock in `tz` shows `date` + `minutes` (minutes may be
 * 1440 or more: 1440 is the next day's 00:00).
 *
 * Disambiguation is 'compatible' (what RFC 5545 calendars and JS Date do):
 * - a wall time that occurs twice (clocks fall back) maps to its first occurrence,
 *   so an office opening at 02:00 on that day opens the first time the clock shows 02:00;
 * - a wall time that does not exist (clocks spring forward) moves later by the length
 *   of the gap (02:30 -> 03:30), never earlier, so nothing opens before its time.
 * It maps one wall time to one instant, so rules that meet on the wall clock
 * (08:00-12:00 and 12:00-16:00) still meet as instants and adjacent days join.
 * Caveat: a boundary inside a gap moves by the gap length, so a rule ending at 02:30
 * on a spring-forward day runs to 03:30; opening hours that end inside the skipped
 * hour do not occur in practice.
 */
export function zonedInstant(date: LocalDate, minutes: number, tz: string): number {
  if (!Number.isFinite(minutes)) throw new RangeError(`invalid minutes: ${minutes}`);
  const local = epochDayOf(date) * DAY + minutes * MINUTE; // wall clock read as if it were UTC
  const before = offsetAt(clampInstant(local - DAY), tz);
  const after = offsetAt(clampInstant(local + DAY), tz);
  const a = local - before, b = local - after;
  const aOk = offsetAt(clampInstant(a), tz) === before;
  const bOk = offsetAt(clampInstant(b), tz) === after;
  if (aOk && bOk) return Math.min(a, b); // overlap (or no transition: a === b): the earlier
  if (aOk) return a;
  if (bOk) return b;
  return local - before; // gap: shift later by the gap, i.e. read with the offset before it
}

/** The local date in `tz` at an instant. */
export function localDateOf(ms: number, tz: string): LocalDate {
  return dateOfEpochDay(Math.floor((ms + offsetAt(ms, tz)) / DAY));
}

/** Minutes since local midnight (fractional if the instant is not on a whole minute). */
export function localMinutesOf(ms: number, tz: string): number {
  return mod(ms + offsetAt(ms, tz), DAY) / MINUTE;
}

/** The local wall-clock time `HH:MM` in `tz` at an instant (seconds dropped). */
export function localTimeOf(ms: number, tz: string): LocalTime {
  return formatLocalTime(Math.floor(localMinutesOf(ms, tz)));
}

/** RFC 3339 with the zone's offset, never `Z`: `2026-12-01T09:30:00+01:00` (milliseconds only if non-zero). */
export function toRfc3339(ms: number, tz: string): string {
  const off = offsetAt(ms, tz);
  if (off % MINUTE !== 0) {
    // Historic sub-minute offsets (LMT) cannot be written in RFC 3339; let Temporal round.
    return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(tz).toString({ timeZoneName: 'never' });
  }
  const local = ms + off;
  const day = Math.floor(local / DAY);
  const inDay = local - day * DAY;
  const h = Math.floor(inDay / 3_600_000), mi = Math.floor((inDay % 3_600_000) / MINUTE);
  const s = Math.floor((inDay % MINUTE) / 1000), milli = inDay % 1000;
  const abs = Math.abs(off) / MINUTE;
  const sign = off < 0 ? '-' : '+';
  return `${dateOfEpochDay(day)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}${milli ? '.' + String(milli).padStart(3, '0') : ''}` +
    `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

const RFC3339_RE = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an RFC 3339 timestamp with explicit offset or `Z`; null for anything else or an impossible date. */
export function parseRfc3339(s: string): number | null {
  if (typeof s !== 'string' || !RFC3339_RE.test(s)) return null;
  // The same years as a local date: any zone's local date of it is one too.
  const year = Number(s.slice(0, 4));
  if (year < FIRST_YEAR + 1 || year > LAST_YEAR - 1) return null;
  try {
    return Temporal.Instant.from(s).epochMilliseconds;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// internals

function checkInstant(ms: number): void {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_INSTANT) throw new RangeError(`instant out of range: ${ms}`);
}

function clampInstant(ms: number): number {
  return Math.max(-MAX_INSTANT, Math.min(MAX_INSTANT, ms));
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function pad4(n: number): string {
  return n < 0 ? '-' + String(-n).padStart(6, '0') : String(n).padStart(4, '0');
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

// Howard Hinnant's days_from_civil / civil_from_days.
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}
