// Start times on the slot grid of an opening window, and those a channel can still book.
import type { Channel } from './types.ts';
import type { DaySchedule, OpenWindow } from './opening-windows.ts';
import { hasFreeLane, type LaneIndex } from './lanes.ts';

const MINUTE = 60_000;

/**
 * Starts on the grid counted in elapsed time from `window.start` (every `slotMinutes`), whose
 * appointment of `durationMinutes` ends by `window.end`. Elapsed time, not wall clock: on a DST day a
 * 60-minute grid from 00:00 yields one start per real hour.
 */
export function gridStarts(window: OpenWindow, durationMinutes: number, slotMinutes: number): number[] {
  checkMinutes(durationMinutes, slotMinutes);
  const out: number[] = [];
  const dur = durationMinutes * MINUTE, step = slotMinutes * MINUTE;
  for (let t = window.start; t + dur <= window.end; t += step) out.push(t);
  return out;
}

/** Whether `start` is one of `gridStarts(window, …)`. */
export function isGridStart(window: OpenWindow, start: number, durationMinutes: number, slotMinutes: number): boolean {
  checkMinutes(durationMinutes, slotMinutes);
  const off = start - window.start;
  return off >= 0 && off % (slotMinutes * MINUTE) === 0 && start + durationMinutes * MINUTE <= window.end;
}

/** Grid starts of the day at or after `notBefore` with a free lane for the channel, ascending. */
export function freeStarts(schedule: DaySchedule, durationMinutes: number, slotMinutes: number, index: LaneIndex,
  channel: Channel, notBefore: number): number[] {
  const out: number[] = [];
  const dur = durationMinutes * MINUTE;
  for (const w of schedule.windows) {
    if (w.end < notBefore + dur) continue;
    for (const t of gridStarts(w, durationMinutes, slotMinutes)) {
      if (t >= notBefore && hasFreeLane(w, t, t + dur, index, channel)) out.push(t);
    }
  }
  return out;
}

function checkMinutes(durationMinutes: number, slotMinutes: number): void {
  if (!Number.isInteger(slotMinutes) || slotMinutes <= 0) throw new RangeError(`invalid slotMinutes: ${slotMinutes}`);
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) throw new RangeError(`invalid durationMinutes: ${durationMinutes}`);
}
