// Which counter lanes a day's blocks and closures take away, and when: the
// periods a lane would be staffed by the opening hours but is not, each with
// its cause (a closure wins over a block) and the reasons, for the day view's
// timeline ("Schalter 2: 10:00–11:00 gesperrt: krank").
import type { LocalDate, Office, Text } from './types.ts';
import { normalize, subtract, type Interval } from './intervals.ts';
import { closureInterval, daySchedule, type OrgZone } from './opening-windows.ts';

export interface LaneClosure extends Interval {
  lane: number;
  kind: 'block' | 'closure';
  /** the reasons of the blocks (or closures) in force then, in their order; empty when none was given */
  reasons: Text[];
}

/**
 * Lanes are numbered as the engine fills them: a block of n counters takes the
 * highest n lanes of that time, a closure all of them. Holidays and days
 * without hours take nothing away (there is nothing to take).
 */
export function laneClosures(office: Office, org: OrgZone, date: LocalDate): { lanes: number; taken: LaneClosure[] } {
  const plain = daySchedule({ ...office, closures: [], blocks: [] }, org, date);
  const actual = daySchedule(office, org, date);
  const segments = (s: typeof plain) => s.windows.flatMap((w) => w.segments);
  const lanes = Math.max(0, ...segments(plain).map((s) => s.counters));
  const causes = [
    ...office.closures.filter((c) => c.from <= date && date <= c.to).map((c) => ({ kind: 'closure' as const, reason: c.reason, ...closureInterval(c, date, org.timezone) })),
    ...(office.blocks ?? []).filter((b) => b.from <= date && date <= b.to).map((b) => ({ kind: 'block' as const, reason: b.reason, ...closureInterval(b, date, org.timezone) })),
  ];
  const taken: LaneClosure[] = [];
  for (let lane = 0; lane < lanes; lane++) {
    const staffed = (s: typeof plain) => normalize(segments(s).filter((x) => x.counters > lane));
    for (const lost of subtract(staffed(plain), staffed(actual))) {
      const cuts = new Set([lost.start, lost.end]);
      for (const c of causes) for (const t of [c.start, c.end]) if (t > lost.start && t < lost.end) cuts.add(t);
      const points = [...cuts].sort((a, b) => a - b);
      for (let i = 0; i + 1 < points.length; i++) {
        const start = points[i], end = points[i + 1];
        const inForce = causes.filter((c) => c.start <= start && end <= c.end);
        const closures = inForce.filter((c) => c.kind === 'closure');
        const kind = closures.length > 0 ? 'closure' : 'block';
        const reasons = (closures.length > 0 ? closures : inForce).flatMap((c) => (c.reason ? [c.reason] : []));
        const last = taken[taken.length - 1];
        if (last && last.lane === lane && last.end === start && last.kind === kind && sameTexts(last.reasons, reasons)) last.end = end;
        else taken.push({ lane, start, end, kind, reasons });
      }
    }
  }
  return { lanes, taken };
}

function sameTexts(a: Text[], b: Text[]): boolean {
  return a.length === b.length && a.every((t, i) => t.de === b[i].de && t.en === b[i].en);
}
