// Whether a citizen must be phoned about a change to their appointment, and
// what the last call gave. A move or cancellation by staff or the system
// (a closure, a block, a clerk on the phone) reaches the citizen by e-mail;
// without an address someone must call. The calls are `appointment.contacted`
// entries in the history; only those after the latest move or cancellation
// count (a later change needs a new call). Pure: works on the history entries.
import type { AppointmentChange, ContactResult, HistoryActor } from './appointment-history.ts';

export interface CallEntry<W> {
  action: string;
  actor: HistoryActor['kind'];
  /** epoch ms */
  at: number;
  change: AppointmentChange;
  /** who made the entry, as the caller shows it */
  who: W;
}

export interface CallMark<W> {
  result: ContactResult;
  at: number;
  who: W;
  /** the note typed with the call ('' when none) */
  note: string;
}

export interface CallState<W> {
  /** a move or cancellation by staff or the system, and no e-mail address: someone must call */
  due: boolean;
  /** the latest call about that change, if any */
  last: CallMark<W> | null;
}

const CHANGES = ['appointment.move', 'appointment.cancel'];

/** The call state from the appointment's history, oldest first. */
export function callState<W>(entries: readonly CallEntry<W>[], hasEmail: boolean): CallState<W> {
  let change = -1;
  for (let i = entries.length - 1; i >= 0; i--) {
    if (CHANGES.includes(entries[i]!.action)) { change = i; break; }
  }
  const due = !hasEmail && change >= 0 && entries[change]!.actor !== 'citizen';
  let last: CallMark<W> | null = null;
  for (let i = entries.length - 1; i > change; i--) {
    const e = entries[i]!;
    if (e.action === 'appointment.contacted' && (e.change.contact === 'reached' || e.change.contact === 'not_reached')) {
      last = { result: e.change.contact, at: e.at, who: e.who, note: e.change.note ?? '' };
      break;
    }
  }
  return { due, last: due ? last : null };
}

/** Reached about the latest change: nothing left to do. */
export const reached = (s: CallState<unknown>): boolean => s.last?.result === 'reached';
