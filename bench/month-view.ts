// Scenario (a): the month calendar of a busy office. In-process timings of
// getAvailability, a breakdown of where its time goes (SQL, row parsing,
// engine, earliest, JSON, plus a CPU profile), and HTTP throughput with autocannon.
import { Session, type Profiler } from 'node:inspector/promises';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import type { AppContext } from '../src/app/context.ts';
import { earliestStart } from '../src/app/earliest-start.ts';
import { loadEngineInput } from '../src/app/engine-input.ts';
import { getAvailability } from '../src/app/get-availability.ts';
import { checkOfficeSelection } from '../src/app/resolve-selection.ts';
import { daysOverview } from '../src/domain/availability.ts';
import { LaneIndex } from '../src/domain/lanes.ts';
import { addDays, localDateOf, zonedInstant } from '../src/domain/time.ts';
import { HORIZON_DAYS, MONTH_OFFICE, ORG_ID, SERVICES, SERVICES_PARAM, TZ } from './config.ts';
import { mean, quantile, timed, timedSync } from './stats.ts';

export interface Range {
  from: string;
  to: string;
}

/** 31-day windows starting at different points of the horizon (today … today+59). */
export function monthRanges(now: number): Range[] {
  const today = localDateOf(now, TZ);
  return [0, 10, 20, 30, 40, 50, HORIZON_DAYS - 31].map((d) => ({ from: addDays(today, d), to: addDays(today, d + 30) }));
}

export function availabilityPath(r: Range): string {
  return `/api/v1/availability?office=${MONTH_OFFICE}&services=${encodeURIComponent(SERVICES_PARAM)}&from=${r.from}&to=${r.to}`;
}

export interface Timings {
  runs: number;
  median: number;
  p99: number;
  mean: number;
  max: number;
}

export function summarize(samples: number[]): Timings {
  return { runs: samples.length, median: quantile(samples, 0.5), p99: quantile(samples, 0.99), mean: mean(samples), max: Math.max(...samples) };
}

export async function timeInProcess(ctx: AppContext, ranges: Range[], opts: { warmup: number; runs: number }): Promise<Timings> {
  const call = (r: Range) => getAvailability(ctx, { office: MONTH_OFFICE, services: SERVICES, from: r.from, to: r.to });
  for (let i = 0; i < opts.warmup; i++) await call(ranges[i % ranges.length]);
  const samples: number[] = [];
  for (let i = 0; i < opts.runs; i++) samples.push((await timed(() => call(ranges[i % ranges.length]))).ms);
  return summarize(samples);
}

export interface Breakdown {
  range: Range;
  rows: number;
  total: number;
  /** loadEngineInput: query + transfer + row parsing (median ms) */
  busyQuery: number;
  /** the same query's execution time inside the server (EXPLAIN ANALYZE) */
  serverExecution: number;
  /** the same rows as epoch numbers instead of timestamptz (no Date parsing, no Kysely) */
  epochQuery: number;
  /** what-if: touching/overlapping intervals merged per lane in SQL, as epoch numbers */
  mergedQuery: number;
  mergedRows: number;
  /** what-if: one row per lane, the intervals packed into one text of epoch ms, parsed in JS */
  packedQuery: number;
  laneIndex: number;
  engine: number;
  earliest: number;
  json: number;
  jsonBytes: number;
}

/** The SQL of busyIntervals (src/db/repositories/appointment-repo.ts), written out to EXPLAIN it. */
function busySql(from: Date, to: Date, now: Date, epoch: boolean) {
  const cols = epoch
    ? sql`lane, (extract(epoch FROM starts_at) * 1000)::float8 AS s, (extract(epoch FROM ends_at) * 1000)::float8 AS e`
    : sql`lane, starts_at, ends_at`;
  return sql`SELECT ${cols} FROM appointments
    WHERE org_id = ${ORG_ID} AND office_id = ${MONTH_OFFICE} AND starts_at < ${to} AND ends_at > ${from}
      AND status <> 'cancelled' AND NOT (status IN ('held', 'pending') AND expires_at IS NOT NULL AND expires_at <= ${now})`;
}

/** What-if: the busy intervals merged per lane in SQL (gaps and islands), as epoch milliseconds. */
function mergedSql(from: Date, to: Date, now: Date) {
  return sql<{ lane: number; s: number; e: number }>`
    SELECT lane, (extract(epoch FROM min(s)) * 1000)::float8 AS s, (extract(epoch FROM max(e)) * 1000)::float8 AS e
    FROM (
      SELECT lane, s, e, count(*) FILTER (WHERE brk) OVER (PARTITION BY lane ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS grp
      FROM (
        SELECT lane, starts_at AS s, ends_at AS e,
          starts_at > coalesce(max(ends_at) OVER (PARTITION BY lane ORDER BY starts_at, ends_at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), '-infinity') AS brk
        FROM appointments
        WHERE org_id = ${ORG_ID} AND office_id = ${MONTH_OFFICE} AND starts_at < ${to} AND ends_at > ${from}
          AND status <> 'cancelled' AND NOT (status IN ('held', 'pending') AND expires_at IS NOT NULL AND expires_at <= ${now})
      ) x
    ) y
    GROUP BY lane, grp`;
}

/** What-if: one row per lane with all its intervals as `start,end;start,end…` (epoch ms). */
function packedSql(from: Date, to: Date, now: Date) {
  return sql<{ lane: number; iv: string }>`
    SELECT lane, string_agg(
        (extract(epoch FROM starts_at) * 1000)::int8 || ',' || (extract(epoch FROM ends_at) * 1000)::int8, ';') AS iv
    FROM appointments
    WHERE org_id = ${ORG_ID} AND office_id = ${MONTH_OFFICE} AND starts_at < ${to} AND ends_at > ${from}
      AND status <> 'cancelled' AND NOT (status IN ('held', 'pending') AND expires_at IS NOT NULL AND expires_at <= ${now})
    GROUP BY lane`;
}

async function packedBusy(db: AppContext['db'], from: Date, to: Date, now: Date): Promise<{ lane: number; s: number; e: number }[]> {
  const r = await packedSql(from, to, now).execute(db);
  const out: { lane: number; s: number; e: number }[] = [];
  for (const row of r.rows) {
    for (const pair of row.iv.split(';')) {
      const comma = pair.indexOf(',');
      out.push({ lane: row.lane, s: Number(pair.slice(0, comma)), e: Number(pair.slice(comma + 1)) });
    }
  }
  return out;
}

export async function breakdown(ctx: AppContext, range: Range, runs: number): Promise<Breakdown> {
  const catalog = await ctx.catalog();
  const sel = checkOfficeSelection(catalog, MONTH_OFFICE, SERVICES);
  if (!sel.ok) throw new Error('month office selection is invalid');
  const { office, durationMinutes } = sel.value;
  const m: Record<string, number[]> = { total: [], busyQuery: [], epochQuery: [], mergedQuery: [], packedQuery: [], laneIndex: [], engine: [], earliest: [], json: [], serverExecution: [] };
  let rows = 0, jsonBytes = 0, mergedRows = 0;
  const from = new Date(zonedInstant(range.from, 0, TZ)), to = new Date(zonedInstant(addDays(range.to, 1), 0, TZ));
  for (let i = 0; i < runs; i++) {
    const now = ctx.now();
    const q = { catalog, office, durationMinutes, channel: 'online' as const, now, from: range.from, to: range.to };
    const loaded = await timed(() => loadEngineInput(ctx.db, q));
    m.busyQuery.push(loaded.ms);
    const busy = loaded.value.input.busy as { lane: number; start: number; end: number }[];
    rows = busy.length;
    m.epochQuery.push((await timed(() => busySql(from, to, new Date(now), true).execute(ctx.db))).ms);
    const merged = await timed(() => mergedSql(from, to, new Date(now)).execute(ctx.db));
    m.mergedQuery.push(merged.ms);
    mergedRows = merged.value.rows.length;
    if (i === 0) checkMerged(busy, merged.value.rows, from, to);
    const packed = await timed(() => packedBusy(ctx.db, from, to, new Date(now)));
    m.packedQuery.push(packed.ms);
    if (i === 0) checkMerged(busy, packed.value, from, to);
    m.laneIndex.push(timedSync(() => new LaneIndex(busy)).ms);
    const days = timedSync(() => daysOverview(loaded.value.input, range.from, range.to));
    m.engine.push(days.ms);
    const first = await timed(() => earliestStart(ctx, { ...q, preloaded: loaded.value }));
    m.earliest.push(first.ms);
    const view = { office: office.id, durationMinutes, earliest: first.value, days: days.value.map((d) => ({ date: d.date, status: d.status, freeTimes: d.freeTimes })) };
    const json = timedSync(() => JSON.stringify(view));
    m.json.push(json.ms);
    jsonBytes = json.value.length;
    m.total.push((await timed(() => getAvailability(ctx, { office: MONTH_OFFICE, services: SERVICES, from: range.from, to: range.to }))).ms);
    if (i < 20) {
      const plan = await sql<{ 'QUERY PLAN': { 'Execution Time': number }[] }>`EXPLAIN (ANALYZE, FORMAT JSON) ${busySql(from, to, new Date(now), false)}`.execute(ctx.db);
      const raw = plan.rows[0]['QUERY PLAN'];
      const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { 'Execution Time': number }[];
      m.serverExecution.push(parsed[0]['Execution Time']);
    }
  }
  const med = (k: string) => quantile(m[k], 0.5);
  return {
    range, rows, jsonBytes, mergedRows, mergedQuery: med('mergedQuery'), packedQuery: med('packedQuery'),
    total: med('total'), busyQuery: med('busyQuery'), serverExecution: med('serverExecution'), epochQuery: med('epochQuery'),
    laneIndex: med('laneIndex'), engine: med('engine'), earliest: med('earliest'), json: med('json'),
  };
}

/** The what-if query must describe the same busy time as busyIntervals, or its timing means nothing. */
function checkMerged(busy: { lane: number; start: number; end: number }[], merged: { lane: number; s: number; e: number }[], from: Date, to: Date): void {
  const a = new LaneIndex(busy), b = new LaneIndex(merged.map((r) => ({ lane: r.lane, start: r.s, end: r.e })));
  const step = 5 * 60_000;
  for (let lane = 0; lane < 8; lane++) {
    for (let t = from.getTime(); t < to.getTime(); t += step) {
      if (a.isFree(lane, t, t + step) !== b.isFree(lane, t, t + step)) throw new Error(`bench: merged busy intervals differ at lane ${lane}, ${new Date(t).toISOString()}`);
    }
  }
}

export interface ProfileLine {
  what: string;
  ms: number;
  share: number;
}

function bucketOf(url: string, name: string): string {
  if (name === '(garbage collector)') return 'garbage collector';
  if (name === '(idle)') return 'idle (waiting for the database server)';
  if (name === '(program)') return 'V8 (program)';
  if (url.includes('/src/domain/')) return 'engine (src/domain)';
  if (url.includes('/src/app/')) return 'use case (src/app)';
  if (url.includes('/src/db/')) return 'repositories (src/db)';
  if (/node_modules\/(pg|pg-protocol|pg-types|pg-pool|postgres-date|postgres-array|postgres-interval|pg-cloudflare)\//.test(url)) return 'pg driver (protocol, row parsing)';
  if (url.includes('node_modules/kysely/')) return 'kysely';
  if (url.includes('@electric-sql/pglite') || url.startsWith('wasm://')) return 'PGlite (wasm and glue)';
  if (url.includes('temporal-polyfill')) return 'temporal-polyfill';
  if (url.includes('node_modules/tsx/') || url.includes('node_modules/esbuild/')) return 'start-up (tsx compiling)';
  if (url.includes('node_modules/fastify') || url.includes('node_modules/@fastify/') || url.includes('node_modules/find-my-way') || url.includes('node_modules/light-my-request') || url.includes('node_modules/fast-json-stringify') || url.includes('node_modules/avvio')) return 'fastify';
  if (url.includes('node_modules/pino') || url.includes('node_modules/zod')) return url.includes('zod') ? 'zod' : 'pino';
  if (url.includes('/src/http/')) return 'http (src/http)';
  if (url.includes('date-holidays')) return 'date-holidays';
  if (url.startsWith('node:')) return 'node internals (sockets, buffers, streams)';
  if (url === '') return 'V8 builtins (RegExp, Date, JSON, string decoding)';
  return 'other';
}

/**
 * Self time of a V8 CPU profile by area and by function, per call (`calls` calls were profiled).
 * Time is taken from the sample timestamps (each sample lasts until the next), not from hit
 * counts: samples are not evenly spaced when the CPU is contended.
 */
export function summarizeProfile(p: Profiler.Profile, calls: number): { byArea: ProfileLine[]; top: ProfileLine[] } {
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  const selfUs = new Map<number, number>();
  for (let i = 0; i < samples.length; i++) {
    const d = deltas[i + 1] ?? 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + Math.max(0, d));
  }
  let totalUs = 0;
  for (const v of selfUs.values()) totalUs += v;
  totalUs ||= 1;
  const area = new Map<string, number>();
  const fn = new Map<string, number>();
  for (const n of p.nodes) {
    const us = selfUs.get(n.id) ?? 0;
    if (us === 0) continue;
    const { url, functionName, lineNumber } = n.callFrame;
    const b = bucketOf(url, functionName);
    area.set(b, (area.get(b) ?? 0) + us);
    const file = url.replace(/^file:\/\/.*?\/(src|node_modules|test)\//, '$1/');
    const key = `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
    fn.set(key, (fn.get(key) ?? 0) + us);
  }
  const lines = (m: Map<string, number>) =>
    [...m].map(([what, us]) => ({ what, ms: us / 1000 / calls, share: us / totalUs })).sort((a, b) => b.ms - a.ms);
  return { byArea: lines(area), top: lines(fn).filter((l) => !l.what.startsWith('(idle)') && !l.what.startsWith('(program)')).slice(0, 12) };
}

/** Merges several profiles (e.g. one per server process): nodes renumbered, samples concatenated. */
export function mergeProfiles(ps: Profiler.Profile[]): Profiler.Profile {
  let offset = 0;
  const nodes: Profiler.ProfileNode[] = [];
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  for (const p of ps) {
    let maxId = 0;
    for (const n of p.nodes) {
      nodes.push({ ...n, id: n.id + offset, children: n.children?.map((c) => c + offset) });
      maxId = Math.max(maxId, n.id);
    }
    // each profile's first delta is measured from its own start: keep it, and the last sample of the
    // previous profile gets no time from this one (0 below)
    (p.samples ?? []).forEach((id, i) => {
      samples.push(id + offset);
      timeDeltas.push(i === 0 ? 0 : (p.timeDeltas ?? [])[i] ?? 0);
    });
    offset += maxId + 1;
  }
  return { nodes, startTime: 0, endTime: 0, samples, timeDeltas };
}

/** CPU profile of `runs` getAvailability calls in this process. */
export async function profile(ctx: AppContext, ranges: Range[], runs: number): Promise<{ byArea: ProfileLine[]; top: ProfileLine[] }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    for (let i = 0; i < runs; i++) {
      const r = ranges[i % ranges.length];
      await getAvailability(ctx, { office: MONTH_OFFICE, services: SERVICES, from: r.from, to: r.to });
    }
    const { profile: p } = await session.post('Profiler.stop');
    return summarizeProfile(p, runs);
  } finally {
    await session.post('Profiler.disable').catch(() => undefined);
    session.disconnect();
  }
}

export interface HttpResult {
  reqPerSec: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
}

/** autocannon GETs rotating over the paths (e.g. the month view of several ranges), spread over the given servers. */
export async function httpLoad(urls: string[], paths: string[], opts: { seconds: number; connections: number }): Promise<HttpResult> {
  let i = 0;
  const result = await autocannon({
    url: urls,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 20,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count]));
  return {
    reqPerSec: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
  };
}
