// When a configuration takes counters away (a block), appointments on a desk
// that is no longer staffed may still fit on a remaining desk at the SAME time:
// move them there, and the citizen never notices. Pure: which row to which lane.
import { daySchedule, type DaySchedule } from './opening-windows.ts';
import { LaneIndex, lanePreference, spanCapacity, type Busy } from './lanes.ts';
import { localDateOf } from './time.ts';
import type { Channel, OrgConfig } from './types.ts';

/** A row occupying a lane: an appointment (movable) or a hold (only in the way). */
export interface LaneRow {
  id: string;
  officeId: string;
  lane: number;
  start: number;
  end: number;
  channel: Channel;
  /** appointments are moved; holds and others only occupy their lane */
  movable: boolean;
}

export interface LaneMove {
  id: string;
  from: number;
  to: number;
}

/**
 * The moves, in an order in which each target lane is free at that moment (so the database's
 * no-overlap constraint holds after every single update). Rows whose time is no longer open, or
 * that find no free staffed lane, are left alone (they are conflicts).
 */
export function planRelanes(config: OrgConfig, rows: readonly LaneRow[]): LaneMove[] {
  const tz = config.organization.timezone;
  const org = { timezone: tz, holidays: config.organization.holidays };
  const moves: LaneMove[] = [];
  for (const office of config.offices) {
    const mine = rows.filter((r) => r.officeId === office.id);
    if (mine.length === 0) continue;
    const busy: Busy[] = mine.map((r) => ({ lane: r.lane, start: r.start, end: r.end }));
    let index = new LaneIndex(busy);
    const days = new Map<string, DaySchedule>();
    const schedule = (date: string) => {
      let s = days.get(date);
      if (!s) days.set(date, (s = daySchedule(office, org, date)));
      return s;
    };
    const order = mine.map((r, i) => ({ r, i })).filter((x) => x.r.movable).sort((a, b) => a.r.start - b.r.start || a.r.lane - b.r.lane);
    for (const { r, i } of order) {
      const w = schedule(localDateOf(r.start, tz)).windows.find((x) => x.start <= r.start && r.end <= x.end);
      if (!w) continue;
      const cap = spanCapacity(w, r.start, r.end);
      if (!cap || r.lane < cap.counters) continue;
      // online appointments keep to the online lanes where they can; staff bookings take any
      const preferred = lanePreference(cap, r.channel === 'online' ? 'online' : 'counter');
      const all = [...preferred, ...Array.from({ length: cap.counters }, (_, l) => l).filter((l) => !preferred.includes(l))];
      const lane = all.find((l) => index.isFree(l, r.start, r.end));
      if (lane === undefined) continue;
      moves.push({ id: r.id, from: r.lane, to: lane });
      busy[i] = { lane, start: r.start, end: r.end };
      index = new LaneIndex(busy);
    }
  }
  return moves;
}
