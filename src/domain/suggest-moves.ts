// For appointments a configuration change strands: the nearest free time each
// could move to under the NEW configuration (staff lanes: phone, or every
// counter for walk-ins), one after the other so two never get the same desk.
import { checkStart, nearestAlternatives } from './availability.ts';
import { LaneIndex, type Busy } from './lanes.ts';
import type { OrgZone } from './opening-windows.ts';
import type { Channel, Office } from './types.ts';

export interface Stranded {
  id: string;
  start: number;
  durationMinutes: number;
  channel: Channel;
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
    const [best] = nearestAlternatives(input, s.start, 1, q.searchDays ?? 14);
    const check = best === undefined ? null : checkStart(input, best);
    if (!check?.ok) {
      out.set(s.id, null);
      continue;
    }
    out.set(s.id, best);
    busy.push({ lane: check.lane, start: best, end: check.end });
  }
  return out;
}
