// Validates a parsed config file (plain data from YAML or JSON) and turns it
// into the engine's normalised OrgConfig, or lists every problem as
// `path: message` (e.g. `offices[0].hours[1].to: must be after "from" (13:00)`).

import type { z } from 'zod';
import type { Assistant, Block, Closure, Locale, Office, OrgConfig, Organization, Service } from '../domain/types.ts';
import { crossChecks, type RawProblem, type Segment } from './checks.ts';
import { renderMessage } from './messages.ts';
import { ConfigFileSchema, KNOWN_FIELDS, type ConfigFile, type OrganizationPages } from './schema.ts';
import { suggest } from './suggest.ts';

export interface Problem {
  /** where in the file, e.g. `offices[0].hours[1].to`; `(file)` for the file as a whole */
  path: string;
  message: string;
  /** line in the file, when known (set by parseConfigText) */
  line?: number;
}

/** A problem before it is put into words, with its path as segments. */
export type DetailedProblem = RawProblem;

/** The organization as the config file has it: the engine's fields plus page texts. */
export type ConfigOrganization = Organization & OrganizationPages;
export interface ParsedConfig {
  orgId: string;
  config: OrgConfig & { organization: ConfigOrganization };
}

export type ValidationResult =
  | ({ ok: true } & ParsedConfig)
  | { ok: false; problems: Problem[] };

/** Thrown by parseConfig (and loadDemoConfig) when a config is invalid. */
export class ConfigError extends Error {
  constructor(readonly problems: Problem[], source = 'config') {
    super(`${source} is invalid:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** `path: message (line N)`; file-level problems already name their line in the message. */
export function formatProblem(p: Problem): string {
  return `${p.path}: ${p.message}${p.line !== undefined && p.path !== '(file)' ? ` (line ${p.line})` : ''}`;
}

export function validateConfig(raw: unknown, locale: Locale = 'en'): ValidationResult {
  const r = validateDetailed(raw);
  if (!r.ok) return { ok: false, problems: r.problems.map((p) => toProblem(p, locale)) };
  return r;
}

/** Like validateConfig, but throws a ConfigError (English) when invalid. */
export function parseConfig(raw: unknown, source?: string): ParsedConfig {
  const r = validateConfig(raw);
  if (!r.ok) throw new ConfigError(r.problems, source);
  return { orgId: r.orgId, config: r.config };
}

export function validateDetailed(raw: unknown): ({ ok: true } & ParsedConfig) | { ok: false; problems: DetailedProblem[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      problems: [{ path: [], key: raw === undefined || raw === null ? 'file_empty' : 'file_not_mapping', params: { value: raw ?? undefined } }],
    };
  }
  const parsed = ConfigFileSchema.safeParse(raw);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.flatMap((iss) => fromIssue(iss, raw))),
    ...crossChecks(raw),
  ];
  if (problems.length > 0 || !parsed.success) {
    return { ok: false, problems: sortByFileOrder(dedupe(problems), raw) };
  }
  return { ok: true, ...normalise(parsed.data) };
}

export function toProblem(p: DetailedProblem, locale: Locale): Problem {
  return { path: formatPath(p.path), message: renderMessage(locale, p.key, p.params) };
}

export function formatPath(path: readonly Segment[]): string {
  if (path.length === 0) return '(file)';
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(seg)) s += s === '' ? seg : `.${seg}`;
    else s += `[${JSON.stringify(seg)}]`;
  }
  return s;
}

// ------------------------------------------------------------ zod issues

/** Follows `path` into the raw file: the value there and whether its parent is a mapping. */
function lookup(raw: unknown, path: readonly PropertyKey[]): { path: Segment[]; value: unknown; inMapping: boolean } {
  let cur: unknown = raw;
  const walked: Segment[] = [];
  let inMapping = false;
  for (const seg of path) {
    // A plain string or list stands for a { de, en } text: stop at it.
    if (typeof cur !== 'object' || cur === null) break;
    inMapping = !Array.isArray(cur);
    walked.push(typeof seg === 'number' ? seg : String(seg));
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return { path: walked, value: cur, inMapping };
}

function shapeOf(path: readonly Segment[], value: unknown): readonly string[] | undefined {
  const pattern = path.map((s) => (typeof s === 'number' ? '[]' : `.${s}`)).join('').replace(/^\./, '');
  return KNOWN_FIELDS[pattern] ?? (typeof value === 'object' && value !== null ? KNOWN_FIELDS.text : undefined);
}

type Issue = z.core.$ZodIssue;

function fromIssue(iss: Issue, raw: unknown): RawProblem[] {
  const { path, value, inMapping } = lookup(raw, iss.path);
  const one = (key: string, params: Record<string, unknown> = {}): RawProblem[] => [{ path, key, params: { value, ...params } }];

  if (iss.code === 'unrecognized_keys') {
    const known = shapeOf(path, value) ?? [];
    return iss.keys.map((k) => ({ path: [...path, k], key: 'unknown_field', params: { suggestion: suggest(k, known) } }));
  }
  if (iss.code === 'custom') {
    const { key, ...params } = (iss.params ?? {}) as Record<string, unknown>;
    return one(typeof key === 'string' ? key : 'invalid', params);
  }
  if (value === undefined && inMapping) return [{ path, key: 'required', params: {} }];
  if (value === null) return [{ path, key: 'null_value', params: {} }];
  if (iss.message.startsWith('@')) return one(iss.message.slice(1));

  switch (iss.code) {
    case 'invalid_type':
      return one('type', { expected: iss.expected });
    case 'invalid_value':
      return one('one_of', { values: iss.values });
    case 'too_small':
      if (iss.origin === 'array') {
        const last = path[path.length - 1];
        return [{ path, key: 'empty_list', params: { hint: path[0] === 'offices' && last === 'services' ? 'services' : undefined } }];
      }
      if (iss.origin === 'string') return [{ path, key: 'empty_text', params: {} }];
      return one('min', { min: iss.minimum });
    case 'too_big':
      if (iss.origin === 'array') return [{ path, key: 'long_list', params: { max: iss.maximum } }];
      if (iss.origin === 'string') return [{ path, key: 'long_text', params: { max: iss.maximum } }];
      return one('max', { max: iss.maximum });
    default:
      return one('invalid');
  }
}

function dedupe(problems: RawProblem[]): RawProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = `${formatPath(p.path)}\u0000${p.key}\u0000${JSON.stringify(p.params)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Problems in the order their places appear in the file. */
function sortByFileOrder(problems: RawProblem[], raw: unknown): RawProblem[] {
  const rank = (path: Segment[]): number[] => {
    const out: number[] = [];
    let cur: unknown = raw;
    for (const seg of path) {
      if (Array.isArray(cur) && typeof seg === 'number') {
        out.push(seg);
        cur = cur[seg];
      } else if (typeof cur === 'object' && cur !== null) {
        const keys = Object.keys(cur);
        const k = keys.indexOf(String(seg));
        out.push(k === -1 ? keys.length : k);
        cur = (cur as Record<string, unknown>)[String(seg)];
      } else {
        out.push(0);
        cur = undefined;
      }
    }
    return out;
  };
  const ranked = problems.map((p, i) => ({ p, r: rank(p.path), i }));
  ranked.sort((a, b) => {
    for (let k = 0; k < Math.min(a.r.length, b.r.length); k++) {
      if (a.r[k] !== b.r[k]) return a.r[k]! - b.r[k]!;
    }
    return a.r.length - b.r.length || a.i - b.i;
  });
  return ranked.map((x) => x.p);
}

// ------------------------------------------------------------- normalise

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function closureOf(c: ConfigFile['offices'][number]['closures'][number]): Closure {
  const part = c.fromTime !== undefined || c.toTime !== undefined;
  return withoutUndefined({
    from: (c.date ?? c.from)!,
    to: (c.date ?? c.to)!,
    // a part-day closure always has both ends: from the start / to the end of the day
    fromTime: part ? (c.fromTime ?? '00:00') : undefined,
    toTime: part ? (c.toTime ?? '24:00') : undefined,
    reason: c.reason,
  });
}

function normalise(file: ConfigFile): ParsedConfig {
  const { id: orgId, privacy, imprint, accessibility, ...org } = file.organization;
  const pages: OrganizationPages = withoutUndefined({ privacy, imprint, accessibility });
  const organization: ConfigOrganization = withoutUndefined({ ...org, ...pages });

  const services: Service[] = file.services.map((s) => withoutUndefined({
    id: s.id,
    name: s.name,
    area: s.area,
    minutes: s.minutes,
    maxQuantity: s.maxQuantity,
    documents: s.documents ?? { de: [], en: [] },
    fee: s.fee,
    keywords: s.keywords,
    leika: s.leika,
  }));
  const allServiceIds = services.map((s) => s.id);

  const offices: Office[] = file.offices.map((o) => ({
    id: o.id,
    name: o.name,
    address: o.address,
    phone: o.phone,
    email: o.email,
    slotMinutes: o.slotMinutes,
    services: o.services ?? [...allServiceIds],
    booking: withoutUndefined({ ...o.booking }),
    hours: o.hours.map((h) => withoutUndefined({
      days: h.days,
      from: h.from,
      to: h.to,
      counters: h.counters,
      online: h.online ?? h.counters,
      phone: h.phone ?? h.counters,
      validFrom: h.validFrom,
      validTo: h.validTo,
    })),
    closures: o.closures.map(closureOf),
    // left out when there are none, so configs without blocks read as before
    ...(o.blocks.length > 0 ? { blocks: o.blocks.map((b): Block => ({ ...closureOf(b), counters: b.counters })) } : {}),
    // left out when the file has none, so configs without a queue read as before
    ...(o.queue ? { queue: { ...o.queue, desks: o.queue.desks.map((d) => ({ id: d.id, name: d.name })) } } : {}),
    extraHours: o.extraHours.map((e) => ({
      date: e.date,
      from: e.from,
      to: e.to,
      counters: e.counters,
      online: e.online ?? e.counters,
      phone: e.phone ?? e.counters,
    })),
  }));

  const a = file.assistant;
  const assistant: Assistant | undefined = a && withoutUndefined({
    start: a.start ?? a.questions[0]?.id,
    questions: a.questions.map((q) => withoutUndefined({
      id: q.id,
      text: q.text,
      hint: q.hint,
      answers: q.answers.map((x) => withoutUndefined({ label: x.label, next: x.next, services: x.services, hint: x.hint })),
    })),
    notFound: a.notFound,
    redirects: a.redirects,
  });

  return { orgId, config: { organization, services, offices, ...(assistant ? { assistant } : {}) } };
}
