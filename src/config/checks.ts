// Rules between fields and between entries of the config file. They read the
// raw file (not the schema's output) so that they run even when unrelated
// fields are broken, and each rule only speaks when the fields it compares are
// themselves valid (a bad time is reported once, by the schema).

import type { Params } from './messages.ts';
import { BOOKING_DEFAULTS, LIMITS, isRealDate, isSlug, isTime, minutesOf } from './schema.ts';
import { suggest } from './suggest.ts';

export type Segment = string | number;
export interface RawProblem {
  path: Segment[];
  key: string;
  params: Params;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const entries = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const has = (o: Obj, k: string) => o[k] !== undefined;
const isIntIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

export function crossChecks(raw: unknown): RawProblem[] {
  const out: RawProblem[] = [];
  if (!isObj(raw)) return out;
  const add = (path: Segment[], key: string, params: Params = {}) => out.push({ path, key, params });

  const serviceIds = uniqueIds(raw.services, 'services', add);
  uniqueIds(raw.offices, 'offices', add);

  if (isObj(raw.assistant)) assistantRules(raw.assistant, raw.services, serviceIds, add);

  entries(raw.offices).forEach((office, i) => {
    if (!isObj(office)) return;
    const at = ['offices', i] as Segment[];
    officeServices(office.services, [...at, 'services'], serviceIds, add);
    if (isObj(office.booking)) booking(office.booking, [...at, 'booking'], add);
    entries(office.hours).forEach((rule, j) => {
      if (!isObj(rule)) return;
      const here = [...at, 'hours', j];
      window(rule, here, add);
      capacity(rule, here, add);
      dateRange(rule, 'validFrom', 'validTo', here, add);
    });
    entries(office.extraHours).forEach((extra, j) => {
      if (!isObj(extra)) return;
      const here = [...at, 'extraHours', j];
      window(extra, here, add);
      capacity(extra, here, add);
    });
    entries(office.closures).forEach((closure, j) => {
      if (isObj(closure)) closureRules(closure, [...at, 'closures', j], add);
    });
    // a block names its days and times like a closure
    entries(office.blocks).forEach((block, j) => {
      if (isObj(block)) closureRules(block, [...at, 'blocks', j], add);
    });
    // the queue's desks: each id once in the office
    if (isObj(office.queue)) {
      const first = new Map<string, number>();
      entries(office.queue.desks).forEach((desk, j) => {
        if (!isObj(desk) || !isSlug(desk.id)) return;
        const k = first.get(desk.id);
        if (k !== undefined) add([...at, 'queue', 'desks', j, 'id'], 'duplicate_id', { id: desk.id, first: `offices[${i}].queue.desks[${k}]` });
        else first.set(desk.id, j);
      });
    }
  });
  return out;
}

type Add = (path: Segment[], key: string, params?: Params) => void;

/** Ids must be unique within the list; returns the ids that are there. */
function uniqueIds(list: unknown, name: string, add: Add): Set<string> {
  const first = new Map<string, number>();
  entries(list).forEach((item, i) => {
    if (!isObj(item) || typeof item.id !== 'string') return;
    const id = item.id;
    const j = first.get(id);
    if (j !== undefined && isSlug(id)) add([name, i, 'id'], 'duplicate_id', { id, first: `${name}[${j}]` });
    else if (j === undefined) first.set(id, i);
  });
  return new Set(first.keys());
}

function officeServices(list: unknown, at: Segment[], known: Set<string>, add: Add): void {
  const seen = new Set<string>();
  entries(list).forEach((id, k) => {
    if (!isSlug(id)) return;
    if (!known.has(id)) add([...at, k], 'unknown_service', { id, suggestion: suggest(id, known) });
    else if (seen.has(id)) add(at, 'duplicate_entry', { entry: id });
    seen.add(id);
  });
}

function booking(b: Obj, at: Segment[], add: Add): void {
  const lead = has(b, 'leadMinutes') ? b.leadMinutes : BOOKING_DEFAULTS.leadMinutes;
  const horizon = has(b, 'horizonDays') ? b.horizonDays : BOOKING_DEFAULTS.horizonDays;
  if (!isIntIn(lead, 0, LIMITS.leadMinutes) || !isIntIn(horizon, 0, LIMITS.horizonDays)) return;
  // The last bookable day ends (horizonDays + 1) days after the start of today.
  if (lead >= (horizon + 1) * 1440) {
    const field = has(b, 'leadMinutes') ? 'leadMinutes' : 'horizonDays';
    add([...at, field], 'lead_beyond_horizon', { leadMinutes: lead, horizonDays: horizon });
  }
}

/** `to` after `from` in an opening window. */
function window(w: Obj, at: Segment[], add: Add): void {
  if (isTime(w.from) && isTime(w.to, true) && minutesOf(w.to) <= minutesOf(w.from)) {
    add([...at, 'to'], 'after', { field: 'from', other: w.from });
  }
}

/** online <= phone <= counters, with online and phone defaulting to counters. */
function capacity(c: Obj, at: Segment[], add: Add): void {
  const max = LIMITS.counters;
  if (!isIntIn(c.counters, 1, max)) return;
  const counters = c.counters;
  const phone = isIntIn(c.phone, 0, max) ? c.phone : undefined;
  const online = isIntIn(c.online, 0, max) ? c.online : undefined;
  if (phone !== undefined && phone > counters) {
    add([...at, 'phone'], 'exceeds', { field: 'counters', other: counters, value: phone });
  }
  if (online !== undefined) {
    if (online > counters) add([...at, 'online'], 'exceeds', { field: 'counters', other: counters, value: online });
    else if (phone !== undefined && online > phone) add([...at, 'online'], 'exceeds', { field: 'phone', other: phone, value: online });
  } else if (!has(c, 'online') && phone !== undefined && phone < counters) {
    add([...at, 'online'], 'online_default_exceeds', { counters, phone });
  }
}

function dateRange(o: Obj, fromKey: string, toKey: string, at: Segment[], add: Add): void {
  const from = o[fromKey];
  const to = o[toKey];
  if (isRealDate(from) && isRealDate(to) && to < from) {
    add([...at, toKey], 'not_before', { field: fromKey, other: from });
  }
}

function closureRules(c: Obj, at: Segment[], add: Add): void {
  const hasDate = has(c, 'date');
  const hasFrom = has(c, 'from');
  const hasTo = has(c, 'to');
  if (hasDate && (hasFrom || hasTo)) add(at, 'closure_both');
  else if (!hasDate && !hasFrom && !hasTo) add(at, 'closure_none');
  else if (hasFrom && !hasTo) add([...at, 'to'], 'required_with', { field: 'from' });
  else if (hasTo && !hasFrom) add([...at, 'from'], 'required_with', { field: 'to' });
  else if (!hasDate) dateRange(c, 'from', 'to', at, add);

  if (isTime(c.fromTime) && isTime(c.toTime, true) && minutesOf(c.toTime) <= minutesOf(c.fromTime)) {
    add([...at, 'toTime'], 'after', { field: 'fromTime', other: c.fromTime });
  }
}

/**
 * The assistant: unique question ids, known questions and services, each answer
 * leading to exactly one of a question or concerns, quantities within the
 * service's maximum, and no way round in circles.
 */
function assistantRules(a: Obj, services: unknown, serviceIds: Set<string>, add: Add): void {
  const at: Segment[] = ['assistant'];
  const questions = entries(a.questions);
  const ids = new Map<string, number>();
  questions.forEach((q, i) => {
    if (!isObj(q) || !isSlug(q.id)) return;
    const j = ids.get(q.id);
    if (j !== undefined) add([...at, 'questions', i, 'id'], 'duplicate_id', { id: q.id, first: `assistant.questions[${j}]` });
    else ids.set(q.id, i);
  });
  const known = new Set(ids.keys());
  if (isSlug(a.start) && !known.has(a.start)) add([...at, 'start'], 'unknown_question', { id: a.start, suggestion: suggest(a.start, known) });

  const maxOf = new Map<string, number>();
  for (const s of entries(services)) {
    if (isObj(s) && isSlug(s.id) && !maxOf.has(s.id)) maxOf.set(s.id, isIntIn(s.maxQuantity, 1, LIMITS.maxQuantity) ? s.maxQuantity : 1);
  }

  const edges = new Map<string, { to: string; path: Segment[] }[]>();
  questions.forEach((q, i) => {
    if (!isObj(q)) return;
    entries(q.answers).forEach((ans, k) => {
      if (!isObj(ans)) return;
      const here: Segment[] = [...at, 'questions', i, 'answers', k];
      if (has(ans, 'next') === has(ans, 'services')) add(here, 'answer_target');
      if (isSlug(ans.next)) {
        if (!known.has(ans.next)) add([...here, 'next'], 'unknown_question', { id: ans.next, suggestion: suggest(ans.next, known) });
        else if (isSlug(q.id) && ids.get(q.id) === i) {
          const list = edges.get(q.id) ?? [];
          list.push({ to: ans.next, path: [...here, 'next'] });
          edges.set(q.id, list);
        }
      }
      entries(ans.services).forEach((req, m) => {
        const id = typeof req === 'string' ? req : isObj(req) ? req.id : undefined;
        if (!isSlug(id)) return;
        if (!serviceIds.has(id)) {
          add([...here, 'services', m, ...(typeof req === 'string' ? [] : ['id'])], 'unknown_service', { id, suggestion: suggest(id, serviceIds) });
          return;
        }
        const qty = isObj(req) ? req.quantity : undefined;
        const max = maxOf.get(id) ?? 1;
        if (isIntIn(qty, 1, LIMITS.maxQuantity) && qty > max) add([...here, 'services', m, 'quantity'], 'quantity_over_max', { max });
      });
    });
  });

  // cycles: depth-first search; an edge back to a question on the current path closes one
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const e of edges.get(id) ?? []) {
      const s = state.get(e.to);
      if (s === 'open') add(e.path, 'question_cycle', { id: e.to, cycle: [...stack.slice(stack.indexOf(e.to)), e.to] });
      else if (s === undefined) visit(e.to);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of known) if (!state.has(id)) visit(id);
}
