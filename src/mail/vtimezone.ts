// A VTIMEZONE component for an IANA zone, generated from the zone's own
// transitions (Temporal) around the dates a calendar file uses. Regular
// yearly rules (Europe/Berlin: last Sunday of March and October) become the
// classic two RRULE observances that every calendar app reads; anything
// irregular is written as explicit onsets after an initial observance, so a
// time inside the window is always covered and always correct.
import { Temporal } from 'temporal-polyfill';

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const MINUTE_NS = 60_000_000_000;

interface Transition {
  at: number; // epoch ms
  from: number; // offset in minutes before
  to: number; // offset in minutes after
}

function offsetMinutes(ms: number, tz: string): number {
  return Math.round(Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(tz).offsetNanoseconds / MINUTE_NS);
}

/** Wall-clock time of an instant at a fixed offset, as a UTC-less PlainDateTime. */
function wallClock(ms: number, offsetMin: number): Temporal.PlainDateTime {
  return Temporal.Instant.fromEpochMilliseconds(ms + offsetMin * 60_000).toZonedDateTimeISO('UTC').toPlainDateTime();
}

function icsLocal(p: Temporal.PlainDateTime): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

function icsOffset(min: number): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The zone's own abbreviation (CET, CEST, EST …) if it has a plain one. */
function abbreviation(ms: number, tz: string): string | null {
  let format = formats.get(tz);
  if (!format) formats.set(tz, (format = new Intl.DateTimeFormat('en-GB', { timeZone: tz, timeZoneName: 'short' })));
  const name = format
    .formatToParts(ms)
    .find((p) => p.type === 'timeZoneName')?.value;
  return name && /^[A-Z]{2,6}$/.test(name) ? name : null;
}

export function zoneTransitions(tz: string, from: number, to: number): Transition[] {
  const out: Transition[] = [];
  let z = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(tz);
  for (let i = 0; i < 1000; i++) {
    const next = z.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds > to) break;
    const at = next.epochMilliseconds;
    out.push({ at, from: offsetMinutes(at - 1, tz), to: offsetMinutes(at, tz) });
    z = next;
  }
  return out.filter((t) => t.from !== t.to);
}

/** `BYMONTH=3;BYDAY=-1SU` style description of when (in local time before it) a transition happens. */
function ruleOf(t: Transition): { month: number; byDay: string; time: string } {
  const local = wallClock(t.at, t.from);
  const daysInMonth = local.daysInMonth;
  const ordinal = local.day + 7 > daysInMonth ? -1 : Math.ceil(local.day / 7);
  return { month: local.month, byDay: `${ordinal}${DAY_CODES[local.dayOfWeek - 1]}`, time: local.toPlainTime().toString() };
}

function observance(kind: 'STANDARD' | 'DAYLIGHT', start: string, from: number, to: number, name: string | null, extra: string[] = []): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${start}`,
    ...extra,
    `TZOFFSETFROM:${icsOffset(from)}`,
    `TZOFFSETTO:${icsOffset(to)}`,
    ...(name ? [`TZNAME:${name}`] : []),
    `END:${kind}`,
  ];
}

/** Generated texts by zone and years: the same for every mail of a year (it cost ~4 ms per mail). */
const generated = new Map<string, string>();

/**
 * VTIMEZONE text for `tz`, valid at least for every instant in [from, to]
 * (the window is widened to whole years, one before and one after).
 */
export function vtimezone(tz: string, from: number, to: number): string {
  const startYear = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(tz).year - 1;
  const endYear = Temporal.Instant.fromEpochMilliseconds(to).toZonedDateTimeISO(tz).year + 1;
  const key = `${tz}|${startYear}|${endYear}`;
  let text = generated.get(key);
  if (text === undefined) {
    text = generate(tz, startYear, endYear);
    if (generated.size >= 100) generated.clear();
    generated.set(key, text);
  }
  return text;
}

function generate(tz: string, startYear: number, endYear: number): string {
  const windowStart = Temporal.ZonedDateTime.from({ timeZone: tz, year: startYear, month: 1, day: 1 }).epochMilliseconds;
  const windowEnd = Temporal.ZonedDateTime.from({ timeZone: tz, year: endYear + 1, month: 1, day: 1 }).epochMilliseconds;
  const transitions = zoneTransitions(tz, windowStart, windowEnd);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tz}`];
  const kindOf = (t: Transition) => (t.to > t.from ? 'DAYLIGHT' : 'STANDARD') as 'STANDARD' | 'DAYLIGHT';

  const groups = new Map<string, Transition[]>();
  for (const t of transitions) {
    const r = ruleOf(t);
    const key = `${kindOf(t)}|${t.from}|${t.to}|${r.month}|${r.byDay}|${r.time}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  // Regular: exactly one rule per direction, occurring every year of the window.
  const years = endYear - startYear + 1;
  const regular =
    transitions.length > 0 &&
    groups.size === 2 &&
    [...groups.values()].every((g) => g.length === years) &&
    new Set([...groups.values()].map((g) => kindOf(g[0]))).size === 2;

  if (regular) {
    for (const g of groups.values()) {
      const first = g[0];
      const r = ruleOf(first);
      lines.push(
        ...observance(kindOf(first), icsLocal(wallClock(first.at, first.from)), first.from, first.to, abbreviation(first.at, tz), [
          `RRULE:FREQ=YEARLY;BYMONTH=${r.month};BYDAY=${r.byDay}`,
        ]),
      );
    }
  } else {
    // The offset in force at the window's start, then every change in the window.
    const initial = offsetMinutes(windowStart, tz);
    lines.push(...observance('STANDARD', icsLocal(wallClock(windowStart, initial)), initial, initial, abbreviation(windowStart, tz)));
    for (const t of transitions) {
      lines.push(...observance(kindOf(t), icsLocal(wallClock(t.at, t.from)), t.from, t.to, abbreviation(t.at, tz)));
    }
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
