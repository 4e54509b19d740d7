// For appointments a configuration change strands: the time each could move to
// under the NEW configuration (staff lanes: phone, or every counter for
// walk-ins), one after the other so two never get the same desk.
//
// Which free time is suggested (`preferredStart`), in this order:
//  1. the same day, at most an hour earlier or later — the nearest such time
//     (the later one when two are equally near);
//  2. else the same time of day, or within an hour of it, on another day — the
//     nearest day first (a later day before an earlier one at the same
//     distance), then the time nearest to the old time of day;
//  3. else the nearest time after the old time, and only when there is none
//     within the search, the nearest before it.
// So a citizen booked for 11:00 whose morning is closed gets 11:00 on the next
// open day rather than 08:15 on the same morning.
import { checkStart, nearestAlternatives } from './availability.ts';
import { LaneIndex, type Busy } from './lanes.ts';
import type { OrgZone } from './opening-windows.ts';
import { epochDayOf, localDateOf, localMinutesOf } from './time.ts';
import type { Channel, Office } from './types.ts';

export interface Stranded {
  id: string;
  start: number;
  durationMinutes: number;
  channel: Channel;
}

/** How far from the old time (or time of day) a time still counts as near. */
const NEAR_MINUTES = 60;
/** More free times than any office has in the search days. */
const ALL = 1_000_000;

/** The suggested start among the free `times` for an appointment that was at `around` (see the rule above). */
export function preferredStart(times: readonly number[], around: number, timezone: string): number | undefined {
  const day = epochDayOf(localDateOf(around, timezone));
  const minutes = localMinutesOf(around, timezone);
  const rank = (t: number): [number, number, number, number] => {
    const dayDiff = epochDayOf(localDateOf(t, timezone)) - day;
    const tod = Math.abs(localMinutesOf(t, timezone) - minutes);
    const later = t > around ? 0 : 1;
    if (dayDiff === 0 && Math.abs(t - around) <= NEAR_MINUTES * 60_000) return [0, Math.abs(t - around), later, 0];
    if (dayDiff !== 0 && tod <= NEAR_MINUTES) return [1, Math.abs(dayDiff), dayDiff > 0 ? 0 : 1, tod * 2 + later];
    return [2, later, Math.abs(t - around), 0];
  };
  let best: number | undefined;
  let bestRank: [number, number, number, number] | undefined;
  for (const t of times) {
    if (t === around) continue;
    const r = rank(t);
    if (!bestRank || less(r, bestRank)) {
      best = t;
      bestRank = r;
    }
  }
  return best;
}

function less(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/**
 * id -> suggested start (epoch ms), or null when nothing is free within `searchDays` days.
 * `busy` must not contain the stranded appointments themselves.
 */
export function suggestMoves(
  q: { office: Office; org: OrgZone; now: number; busy: readonly Busy[]; searchDays?: number },
  stranded: readonly Stranded[],
): Map<string, number | null> {
  const busy = [...q.busy];
  const out = new Map<string, number | null>();
  for (const s of stranded) {
    const channel = s.channel === 'counter' ? 'counter' : 'phone';
    const input = { office: q.office, org: q.org, durationMinutes: s.durationMinutes, channel, now: q.now, busy: new LaneIndex(busy) } as const;
    const best = preferredStart(nearestAlternatives(input, s.start, ALL, q.searchDays ?? 14), s.start, q.org.timezone);
    const check = best === undefined ? null : checkStart(input, best);
    if (best === undefined || !check?.ok) {
      out.set(s.id, null);
      continue;
    }
    out.set(s.id, best);
    busy.push({ lane: check.lane, start: best, end: check.end });
  }
  return out;
}
