// The counter queue, pure: waiting numbers, the order in which the waiting are
// called, and an estimated wait. `now` and all times are epoch ms parameters.
//
// Numbers: short and readable from across a room: a letter for the kind and
// three digits, counted per office, day and kind in order of arrival — `T001`
// for booked citizens (Termin), `W001` for walk-ins. No 0/O or 1/I confusion:
// the letters are T and W, everything after them digits. After 999 the count
// goes on with four digits (an office handing out a thousand numbers a day is
// not one office).
//
// Order (callNext takes the first):
// 1. booked citizens whose time has come (start ≤ now), by their start — a
//    late one keeps this place when they checked in within the grace after
//    the start (`lateGraceMinutes`), i.e. priority_at = start;
// 2. everyone else by arrival: walk-ins, and booked citizens who came later
//    than the grace (they go behind, priority_at = arrival) — they fill the
//    gaps between the booked times;
// 3. booked citizens who came early, once nobody else waits, by start;
// 4. deferred ones ("zurückgestellt"), in the order they were deferred.
import type { QueueRules } from './types.ts';

export type TicketKind = 'appointment' | 'walk_in';

export const NUMBER_PREFIX: Record<TicketKind, string> = { appointment: 'T', walk_in: 'W' };

/** The waiting number of the `seq`-th ticket (1, 2, …) of its kind on the day: `T001`, `W017`. */
export function ticketNumber(kind: TicketKind, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`seq must be a positive integer, not ${seq}`);
  return NUMBER_PREFIX[kind] + String(seq).padStart(3, '0');
}

/** A typed number back in its canonical form (`w17`, `W-017`, ` w017 ` → `W017`), or null. */
export function parseTicketNumber(input: string): string | null {
  const m = /^\s*([TtWw])\s*-?\s*0*(\d{1,6})\s*$/.exec(input);
  if (!m || Number(m[2]) < 1) return null;
  return ticketNumber(m[1]!.toUpperCase() === 'T' ? 'appointment' : 'walk_in', Number(m[2]));
}

/**
 * When a ticket is due by the order's rule: a booked citizen who checks in no later than
 * the grace after the start is due at the start, everyone else at their arrival.
 */
export function priorityAt(t: { kind: TicketKind; startsAt?: number | null; arrivedAt: number }, lateGraceMinutes: number): number {
  if (t.kind === 'appointment' && t.startsAt != null && t.arrivedAt <= t.startsAt + lateGraceMinutes * 60_000) return t.startsAt;
  return t.arrivedAt;
}

export interface QueueEntry {
  id: string;
  kind: TicketKind;
  status: 'waiting' | 'deferred';
  /** see priorityAt */
  priorityAt: number;
  arrivedAt: number;
  /** booked start, for appointments */
  startsAt?: number | null;
  deferredAt?: number | null;
  /** the number's running count within its kind: who got a number first goes first when arrivals tie */
  seq?: number;
  /** minutes this citizen will likely take at the desk */
  minutes: number;
}

/** The rank group of an entry now (see the header); lower is called first. */
function group(e: QueueEntry, now: number): number {
  if (e.status === 'deferred') return 4;
  const slotted = e.kind === 'appointment' && e.startsAt != null && e.priorityAt === e.startsAt;
  if (!slotted) return 2;
  return e.priorityAt <= now ? 1 : 3;
}

/** The waiting in the order they are called. */
export function queueOrder<T extends QueueEntry>(entries: readonly T[], now: number): T[] {
  const key = (e: QueueEntry): number => (e.status === 'deferred' ? (e.deferredAt ?? e.arrivedAt) : e.priorityAt);
  return [...entries].sort((a, b) =>
    group(a, now) - group(b, now) || key(a) - key(b) || a.arrivedAt - b.arrivedAt || (a.seq ?? 0) - (b.seq ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Estimated minutes until each entry (in the given order) is called: the minutes of
 * those ahead spread over the open desks, rounded up to whole minutes; 0 for the first.
 */
export function estimatedWaits(ordered: readonly Pick<QueueEntry, 'minutes'>[], openDesks: number): number[] {
  const desks = Math.max(1, Math.floor(openDesks));
  let ahead = 0;
  return ordered.map((e) => {
    const wait = Math.ceil(ahead / desks);
    ahead += Math.max(0, e.minutes);
    return wait;
  });
}

/**
 * Whether a booked citizen may check in now: on the appointment's day, from `checkInBeforeMinutes`
 * before the start until `checkInAfterMinutes` after it. Null if so, else why not.
 */
export type CheckInRefusal = 'not_today' | 'too_early' | 'too_late';
export function checkInRefusal(
  startsAt: number, now: number, sameDay: boolean, rules: Pick<QueueRules, 'checkInBeforeMinutes' | 'checkInAfterMinutes'>,
): CheckInRefusal | null {
  if (!sameDay) return 'not_today';
  if (now < checkInOpensAt(startsAt, rules)) return 'too_early';
  if (now > startsAt + rules.checkInAfterMinutes * 60_000) return 'too_late';
  return null;
}

/** The first instant at which a booked citizen may check in. */
export function checkInOpensAt(startsAt: number, rules: Pick<QueueRules, 'checkInBeforeMinutes'>): number {
  return startsAt - rules.checkInBeforeMinutes * 60_000;
}
