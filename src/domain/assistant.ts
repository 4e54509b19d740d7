// The guided assistant as a pure state machine. Where a citizen is in the
// flow is the list of answers chosen so far (indexes, "0-2-1" in a URL), so
// every page can be linked, reloaded and left; walking it from the start
// question gives the current question or, at the end, the concerns.
import type { Assistant, AssistantAnswer, AssistantQuestion, ServiceRequest, Text } from './types.ts';

export type AssistantState =
  | { kind: 'question'; question: AssistantQuestion; path: number[]; trail: TrailStep[] }
  | { kind: 'result'; services: ServiceRequest[]; hints: Text[]; path: number[]; trail: TrailStep[] };

/** One question answered on the way. */
export interface TrailStep {
  question: AssistantQuestion;
  answer: number;
}

/** `"0-2-1"` -> `[0, 2, 1]`; anything else -> undefined. At most 50 steps. */
export function parsePath(s: string | undefined): number[] | undefined {
  if (s === undefined || s === '') return [];
  if (!/^\d{1,3}(-\d{1,3}){0,49}$/.test(s)) return undefined;
  return s.split('-').map(Number);
}

export function formatPath(path: readonly number[]): string {
  return path.join('-');
}

/**
 * Walks `path` from the start question. An answer index that does not exist
 * (the config changed, a hand-made URL) ends the walk at the question where
 * it went wrong, with the valid part of the path.
 */
export function walk(a: Assistant, path: readonly number[]): AssistantState | undefined {
  const byId = new Map(a.questions.map((q) => [q.id, q]));
  const first = a.start ? byId.get(a.start) : undefined;
  if (!first) return undefined;
  let q: AssistantQuestion = first;
  const trail: TrailStep[] = [];
  const hints: Text[] = [];
  for (let i = 0; i < path.length; i++) {
    const index = path[i]!;
    const ans: AssistantAnswer | undefined = q.answers[index];
    if (!ans) return { kind: 'question', question: q, path: path.slice(0, i), trail };
    trail.push({ question: q, answer: index });
    if (ans.hint) hints.push(ans.hint);
    if (ans.services) return { kind: 'result', services: mergeRequests(ans.services), hints, path: path.slice(0, i + 1), trail };
    const next: AssistantQuestion | undefined = ans.next ? byId.get(ans.next) : undefined;
    if (!next || trail.length > a.questions.length) return undefined; // validated configs never get here
    q = next;
  }
  return { kind: 'question', question: q, path: [...path], trail };
}

/** The same concern twice becomes one request with the larger quantity. */
function mergeRequests(rs: readonly ServiceRequest[]): ServiceRequest[] {
  const out = new Map<string, number>();
  for (const r of rs) out.set(r.id, Math.max(out.get(r.id) ?? 0, r.quantity));
  return [...out].map(([id, quantity]) => ({ id, quantity }));
}

/** The path one step back: the previous question (empty: the first question). */
export function backPath(path: readonly number[]): number[] | undefined {
  return path.length === 0 ? undefined : path.slice(0, -1);
}
