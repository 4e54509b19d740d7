// Capacity as lanes 0..n-1: which lanes a booking may take, and which it prefers.
import type { Capacity, Channel } from './types.ts';
import type { OpenWindow } from './opening-windows.ts';

/** An occupied [start, end) on one lane (an appointment or a live hold), epoch ms. */
export interface Busy {
  lane: number;
  start: number;
  end: number;
}

/** Busy intervals per lane, merged and sorted, for O(log n) "is this lane free then?" queries. */
export class LaneIndex {
  readonly busy: readonly Busy[];
  private readonly lanes = new Map<number, { starts: number[]; ends: number[] }>();

  constructor(busy: readonly Busy[]) {
    this.busy = busy;
    const byLane = new Map<number, Busy[]>();
    for (const b of busy) {
      if (!(b.end > b.start)) continue;
      let l = byLane.get(b.lane);
      if (!l) byLane.set(b.lane, (l = []));
      l.push(b);
    }
    for (const [lane, list] of byLane) {
      list.sort((a, b) => a.start - b.start);
      const starts: number[] = [], ends: number[] = [];
      for (const b of list) {
        const n = ends.length;
        if (n > 0 && b.start <= ends[n - 1]) ends[n - 1] = Math.max(ends[n - 1], b.end);
        else { starts.push(b.start); ends.push(b.end); }
      }
      this.lanes.set(lane, { starts, ends });
    }
  }

  /** No busy interval on `lane` overlaps [start, end). */
  isFree(lane: number, start: number, end: number): boolean {
    const l = this.lanes.get(lane);
    if (!l) return true;
    // last merged interval starting before `end`; they are disjoint and sorted, so ends are sorted too
    let lo = 0, hi = l.starts.length - 1, idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (l.starts[mid] < end) { idx = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return idx < 0 || l.ends[idx] <= start;
  }

  /** A new index without the given intervals (matched by lane, start and end; each removes one). */
  without(ignore: readonly Busy[]): LaneIndex {
    if (ignore.length === 0) return this;
    const left = [...ignore];
    return new LaneIndex(this.busy.filter((b) => {
      const i = left.findIndex((x) => x.lane === b.lane && x.start === b.start && x.end === b.end);
      if (i < 0) return true;
      left.splice(i, 1);
      return false;
    }));
  }
}

/** How many lanes (counted from 0) a channel may use under a capacity. */
export function laneLimit(c: Capacity, channel: Channel): number {
  return channel === 'online' ? c.online : channel === 'phone' ? c.phone : c.counters;
}

/**
 * The capacity available throughout [start, end): the minimum of each figure over the segments it
 * overlaps; null unless [start, end) is non-empty and lies inside the window.
 */
export function spanCapacity(window: OpenWindow, start: number, end: number): Capacity | null {
  if (!(start < end) || start < window.start || end > window.end) return null;
  let counters = Infinity, online = Infinity, phone = Infinity;
  for (const s of window.segments) {
    if (s.end <= start) continue;
    if (s.start >= end) break;
    counters = Math.min(counters, s.counters);
    online = Math.min(online, s.online);
    phone = Math.min(phone, s.phone);
  }
  return counters === Infinity ? null : { counters, online, phone };
}

/**
 * Lanes in the order a channel should take them, given the capacity over the span.
 * - online: the lowest lanes first (only lanes below `online`).
 * - staff (phone, counter): the lanes citizens cannot book online first, ascending, then the
 *   online lanes from the highest down, so online capacity is used up last. A counter booking
 *   additionally takes the lanes phone staff cannot use (>= phone) before the phone-only ones.
 */
export function lanePreference(cap: Capacity, channel: Channel): number[] {
  const limit = laneLimit(cap, channel);
  const online = Math.min(cap.online, limit), phone = Math.min(cap.phone, limit);
  const out: number[] = [];
  if (channel === 'online') {
    for (let l = 0; l < limit; l++) out.push(l);
    return out;
  }
  if (channel === 'counter') for (let l = phone; l < limit; l++) out.push(l);
  for (let l = online; l < phone; l++) out.push(l);
  for (let l = online - 1; l >= 0; l--) out.push(l);
  return out;
}

/** The lanes the channel may take for [start, end) in this window, free of busy intervals, in preference order. */
export function freeLanes(window: OpenWindow, start: number, end: number, index: LaneIndex, channel: Channel): number[] {
  const cap = spanCapacity(window, start, end);
  if (!cap) return [];
  return lanePreference(cap, channel).filter((l) => index.isFree(l, start, end));
}

/** The preferred free lane, or null. */
export function pickLane(window: OpenWindow, start: number, end: number, index: LaneIndex, channel: Channel): number | null {
  const cap = spanCapacity(window, start, end);
  if (!cap) return null;
  for (const l of lanePreference(cap, channel)) if (index.isFree(l, start, end)) return l;
  return null;
}

/** Whether any lane the channel may take is free for [start, end) (cheaper than pickLane: no ordering). */
export function hasFreeLane(window: OpenWindow, start: number, end: number, index: LaneIndex, channel: Channel): boolean {
  const cap = spanCapacity(window, start, end);
  if (!cap) return false;
  const limit = laneLimit(cap, channel);
  for (let l = 0; l < limit; l++) if (index.isFree(l, start, end)) return true;
  return false;
}
