// Whether a citizen must be phoned about the latest change to their
// appointment, and what the last call gave (domain/call-state.ts), from the
// appointment's history as the back office reads it: the staff member by name.
import { callState, type CallEntry, type CallState } from '../../domain/call-state.ts';
import { actorKind } from '../../domain/appointment-history.ts';
import type { HistoryRow } from '../../db/repositories/appointment-history-repo.ts';
import { whoOf, type HistoryItem, type HistoryWho } from './list-appointment-history.ts';

export type CallStatus = CallState<HistoryWho>;

/** From the history rows of one appointment (oldest first). */
export function callStatusOfRows(rows: readonly HistoryRow[], hasEmail: boolean): CallStatus {
  return callState(rows.map((r): CallEntry<HistoryWho> => ({
    action: r.action, actor: actorKind(r.actor), at: r.at.getTime(), change: r.details, who: whoOf(r.actor, r.actorName),
  })), hasEmail);
}

/** From the history shown on the appointment's page. */
export function callStatusOfHistory(entries: readonly HistoryItem[], hasEmail: boolean): CallStatus {
  return callState(entries.map((e): CallEntry<HistoryWho> => ({ action: e.action, actor: e.who.kind, at: e.at, change: e.change, who: e.who })), hasEmail);
}
