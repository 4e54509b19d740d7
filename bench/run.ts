// `npm run bench`: performance figures for the month view, a booking rush and
// the counter queue (call to display, "call next"), on PGlite and/or PostgreSQL. Prints figures and compares them with the
// targets; asserts nothing (the exit code says only whether the bench ran).
//
// Environment:
//   BENCH_DB            pglite | postgres | both (default: both if PostgreSQL answers, else pglite)
//   BENCH_DATABASE_URL  server to create the throwaway database on
//                       (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_HTTP          where the month-view HTTP server runs: child (default: its own
//                       process, so it does not share an event loop with autocannon),
//                       inprocess (in this process, beside autocannon) or both
//   BENCH_SECONDS       autocannon duration per HTTP run (default 10)
//   BENCH_QUICK=1       fewer runs everywhere (a smoke test of the bench itself)
//   BENCH_PROFILE=1     also CPU-profile the server child processes and say where their time goes
//   BENCH_MAIL_RATE     bookings/s of the paced mail-delay rush (default 20; PostgreSQL only)
import { webPages } from './web-pages.ts';
import { describeQueueCalls, queueCalls, type QueueFigures } from './queue-calls.ts';
import { mailDelay, type MailDelay } from './mail-delay.ts';
import { describeMailRush, mailRush, type MailRush } from './mail-rush.ts';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Profiler } from 'node:inspector';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { createAppContext } from '../src/app/context.ts';
import { getAvailability } from '../src/app/get-availability.ts';
import { importConfig } from '../src/app/import-config.ts';
import { addDays, localDateOf } from '../src/domain/time.ts';
import { buildServer } from '../src/http/server.ts';
import { parseProblems, startServeChild, type ServeChild } from '../test/helpers/serve-child.ts';
import { benchConfig, HORIZON_DAYS, MONTH_OFFICE, ORG_ID, RUSH_LANES, SERVICES, TZ } from './config.ts';
import { cpuBetween, describeCpu, sampleCpu, type CpuUse } from './cpu.ts';
import { DEFAULT_POSTGRES_URL, openBenchDatabase, postgresAnswers, type BenchKind } from './databases.ts';
import {
  availabilityPath, breakdown, httpLoad, mergeProfiles, monthRanges, profile, summarizeProfile, timeInProcess,
  type Breakdown, type HttpResult, type ProfileLine, type Timings,
} from './month-view.ts';
import { bookingRush, countingContext, timeSequentialBookings, type RushResult, type SequentialBookings } from './rush.ts';
import { seedBusyOffice, type SeedResult } from './seed.ts';
import { log, ms, num, pct, table } from './stats.ts';

const QUICK = process.env.BENCH_QUICK === '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 3 : 10));
const CONNECTIONS = 50;
const RUSH_CLIENTS = 200;
const RUSH_PROCESSES_POSTGRES = 2;
const HTTP_MODE = (process.env.BENCH_HTTP ?? 'child') as 'child' | 'inprocess' | 'both';
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
/** BENCH_PROFILE=1: CPU-profile the server child processes (slows them a little) */
const PROFILE = process.env.BENCH_PROFILE === '1';
/** backends' CPU can be read from /proc only when PostgreSQL runs on this machine */
const PG_LOCAL = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(ADMIN_URL).hostname);

interface HttpRun {
  label: string;
  result: HttpResult;
  warmupTotal: number;
  cpu: CpuUse;
}

interface Outcome {
  kind: BenchKind;
  version: string;
  seed: SeedResult;
  inProcess: Timings;
  breakdowns: Breakdown[];
  profile: { byArea: ProfileLine[]; top: ProfileLine[] };
  http: HttpRun[];
  baselines: HttpRun[];
  sequential: SequentialBookings;
  mail: MailDelay;
  monthStatements: number[];
  rush: RushResult & { where: string; cpu: CpuUse };
  /** warn/error lines logged by any server (child or in-process) */
  problems: string[];
  childProfiles: ChildProfile[];
  /** 1-minute load average before and after this database's runs */
  load: [number, number];
}

// Everything started here is stopped on the way out, also on Ctrl-C.
const cleanups = new Set<() => Promise<void>>();
async function cleanupAll(): Promise<void> {
  for (const c of [...cleanups].reverse()) {
    await c().catch((e: unknown) => log(`cleanup failed: ${e instanceof Error ? e.message : String(e)}`));
    cleanups.delete(c);
  }
}
process.once('SIGINT', () => {
  log('\ninterrupted: stopping servers and dropping the bench database …');
  void cleanupAll().finally(() => process.exit(130));
});

async function chooseKinds(): Promise<BenchKind[]> {
  const wanted = process.env.BENCH_DB;
  if (wanted === 'pglite' || wanted === 'postgres') return [wanted];
  if (wanted === 'both') return ['postgres', 'pglite'];
  if (wanted) throw new Error(`BENCH_DB must be pglite, postgres or both, not "${wanted}"`);
  const up = await postgresAnswers(ADMIN_URL);
  if (!up) log(`PostgreSQL does not answer at ${redact(ADMIN_URL)}: PGlite only.`);
  return up ? ['postgres', 'pglite'] : ['pglite'];
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function startChildren(n: number, env: { DATABASE_URL?: string; DATA_DIR?: string; AVAILABILITY_CACHE_MS?: string }, profileDir?: string): Promise<ServeChild[]> {
  const children: ServeChild[] = [];
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  try {
    for (const c of await Promise.allSettled(
      Array.from({ length: n }, () => startServeChild({ ...env, ORG_ID, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn' }, { nodeArgs })),
    )) {
      if (c.status === 'fulfilled') children.push(c.value);
      else throw c.reason;
    }
  } catch (e) {
    await Promise.allSettled(children.map((c) => c.stop()));
    throw e;
  }
  const stop = () => Promise.allSettled(children.map((c) => c.stop())).then(() => undefined);
  cleanups.add(stop);
  return children;
}

/** A fresh directory for the children's .cpuprofile files, when profiling. */
function profileDir(): string | undefined {
  if (!PROFILE) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'amtszeit-prof-'));
  cleanups.add(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

interface ChildProfile {
  label: string;
  calls: number;
  unit: string;
  byArea: ProfileLine[];
  top: ProfileLine[];
}

function readChildProfiles(dir: string | undefined, label: string, calls: number, unit: string): ChildProfile | null {
  if (!dir) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) return null;
  const merged = mergeProfiles(files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Profiler.Profile));
  return { label, calls, unit, ...summarizeProfile(merged, calls) };
}

async function stopChildren(children: ServeChild[], problems: string[]): Promise<void> {
  for (const c of children) {
    await c.stop();
    for (const p of c.problems()) problems.push(`[child ${c.pid}] ${JSON.stringify(p).slice(0, 400)}`);
  }
}

/** A server in this process, with its warn/error log lines collected. */
async function startInProcess(ctx: ReturnType<typeof createAppContext>, logs: string[]): Promise<{ url: string; close(): Promise<void> }> {
  const sink = new Writable({ write(chunk, _enc, done) { logs.push(String(chunk)); done(); } });
  const app: FastifyInstance = await buildServer({ ctx, rateLimitPerMinute: 0, logger: { level: 'warn', stream: sink } });
  const close = async () => {
    cleanups.delete(close);
    await app.close();
  };
  cleanups.add(close);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}`, close };
}

async function runHttp(label: string, urls: string[], paths: string[], pids: number[], pg: Kysely<Database> | undefined, seconds = SECONDS): Promise<HttpRun> {
  const warmup = await httpLoad(urls, paths, { seconds: 2, connections: CONNECTIONS }); // discarded
  const before = await sampleCpu(pids, pg);
  const result = await httpLoad(urls, paths, { seconds, connections: CONNECTIONS });
  const cpu = cpuBetween(before, await sampleCpu(pids, pg));
  log(`  HTTP ${label}: ${num(result.reqPerSec)} req/s, p50 ${ms(result.p50, 0)}, p99 ${ms(result.p99, 0)}, ` +
    `${result.total} requests, statuses ${JSON.stringify(result.statuses)}, errors ${result.errors}, timeouts ${result.timeouts}`);
  log(`    ${describeCpu(cpu)}`);
  return { label, result, warmupTotal: warmup.total, cpu };
}

async function runOne(kind: BenchKind): Promise<Outcome> {
  log(`\n=== ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} ===`);
  const bdb = await openBenchDatabase(kind, ADMIN_URL);
  cleanups.add(bdb.drop);
  const problems: string[] = [];
  const childProfiles: ChildProfile[] = [];
  const loadBefore = loadavg()[0];
  try {
    log(`database: ${bdb.version}; load average ${loadBefore.toFixed(2)}`);
    const now = Date.now();
    const { config, rushFrom, rushTo } = benchConfig(now);
    let h = bdb.handle!;
    await importConfig(h.db, { orgId: ORG_ID, config, now, actor: 'bench' });

    // (a) month view
    const today = localDateOf(now, TZ);
    const monthOffice = config.offices.find((o) => o.id === MONTH_OFFICE)!;
    const seed = await seedBusyOffice(h.db, {
      orgId: ORG_ID, office: monthOffice, org: { timezone: TZ, holidays: config.organization.holidays },
      from: today, to: addDays(today, HORIZON_DAYS), occupancy: 0.7,
    });
    await sql`ANALYZE appointments`.execute(h.db);
    log(`seeded ${seed.rows} appointments over ${seed.days} open days (${pct(seed.bookedShare, 1)} of lane time booked) in ${seed.ms} ms`);

    // computed every time (no sharing of answers): what one month view costs
    const ctx = createAppContext({ db: h.db, orgId: ORG_ID, availabilityCacheMs: 0 });
    const ranges = monthRanges(now);
    const inProcess = await timeInProcess(ctx, ranges, { warmup: QUICK ? 5 : 30, runs: QUICK ? 30 : 300 });
    log(`month view in-process, computed every time (getAvailability, 31 days, ${inProcess.runs} runs over ${ranges.length} ranges): ` +
      `median ${ms(inProcess.median)}, p99 ${ms(inProcess.p99)}, mean ${ms(inProcess.mean)}, max ${ms(inProcess.max)}`);
    const cachedCtx = createAppContext({ db: h.db, orgId: ORG_ID });
    const cached = await timeInProcess(cachedCtx, ranges, { warmup: QUICK ? 5 : 30, runs: QUICK ? 30 : 300 });
    log(`month view in-process, answers shared for 1 s as in production: median ${ms(cached.median)}, p99 ${ms(cached.p99)}, max ${ms(cached.max)}`);
    const breakdowns = [await breakdown(ctx, ranges[0], QUICK ? 10 : 80), await breakdown(ctx, ranges[3], QUICK ? 10 : 80)];
    const prof = await profile(ctx, ranges, QUICK ? 20 : 150);
    const counter = countingContext(ctx);
    const monthStatements: number[] = [];
    await counter.ctx.catalog(); // the configuration is cached for 2 s: not counted per call
    for (const r of [ranges[0], ranges[3]]) {
      counter.reset();
      await getAvailability(counter.ctx, { office: MONTH_OFFICE, services: SERVICES, from: r.from, to: r.to });
      monthStatements.push(counter.statements());
    }
    const sequential = await timeSequentialBookings(ctx, { office: MONTH_OFFICE, from: addDays(today, 2), n: QUICK ? 10 : 40 });
    log(`uncontended bookings in-process at the busy office (${sequential.runs}, one after another): median ${ms(sequential.median)}, ` +
      `p99 ${ms(sequential.p99)}, ${sequential.statements} SQL statements each (+ BEGIN/COMMIT); month view: ${monthStatements.join(' / ')} statements`);
    const mail = await mailDelay(h.db, { orgId: ORG_ID, office: MONTH_OFFICE, from: addDays(today, 9), n: QUICK ? 20 : 100, concurrency: 10 });
    log(`mail delay (booking answered -> mail at a local SMTP server, relay in-process, 10 concurrent bookers): ${mail.arrived} of ${mail.mails} arrived; ` +
      `p50 ${ms(mail.p50)}, p99 ${ms(mail.p99)}, max ${ms(mail.max)}`);

    /** the bench's own pool, to find the PostgreSQL backends' CPU (PostgreSQL on this machine only) */
    const pg = () => (kind === 'postgres' && PG_LOCAL ? h.db : undefined);
    const http: HttpRun[] = [];
    const baselines: HttpRun[] = [];
    const paths = ranges.map(availabilityPath);
    if (HTTP_MODE === 'inprocess' || HTTP_MODE === 'both') {
      const logs: string[] = [];
      const server = await startInProcess(ctx, logs);
      http.push(await runHttp('server in the bench process (shares the CPU and event loop with autocannon)', [server.url], paths, [], pg()));
      await server.close();
      problems.push(...parseProblems(logs.join('')).map((p) => `[in-process] ${JSON.stringify(p).slice(0, 400)}`));
    }
    if (HTTP_MODE === 'child' || HTTP_MODE === 'both') {
      if (kind === 'pglite') await bdb.close(); // one process per PGlite data directory
      const counts = kind === 'postgres' ? [1, 2] : [1];
      for (const n of counts) {
        const dir = profileDir();
        const children = await startChildren(n, bdb.childEnv, dir);
        const label = `${n} server process${n > 1 ? 'es' : ''}, answers shared for 1 s (autocannon in the bench process)`;
        let run: HttpRun | undefined;
        try {
          run = await runHttp(label, children.map((c) => c.url), paths, children.map((c) => c.pid), pg());
          http.push(run);
          if (n === 1) {
            // ceilings of this stack on this machine, for comparison: no database work, and one SELECT 1
            const pids = children.map((c) => c.pid);
            baselines.push(await runHttp('baseline GET /api/v1/offices (no database work), 1 server process', [children[0].url], ['/api/v1/offices'], pids, pg(), Math.min(SECONDS, 5)));
            baselines.push(await runHttp('baseline GET /healthz (one SELECT 1), 1 server process', [children[0].url], ['/healthz'], pids, pg(), Math.min(SECONDS, 5)));
          }
        } finally {
          await stopChildren(children, problems);
        }
        if (n === 1) {
          // the same requests with every answer computed anew
          const uncached = await startChildren(1, { ...bdb.childEnv, AVAILABILITY_CACHE_MS: '0' });
          try {
            baselines.push(await runHttp('month view computed every time (AVAILABILITY_CACHE_MS=0), 1 server process', [uncached[0].url], paths, uncached.map((c) => c.pid), pg(), Math.min(SECONDS, 5)));
          } finally {
            await stopChildren(uncached, problems);
          }
        }
        const p = readChildProfiles(dir, `month view over HTTP, ${label}`, run!.result.total + run!.warmupTotal, 'request');
        if (p) childProfiles.push(p);
      }
      h = await bdb.reopen();
    }

    // (b) booking rush
    let rush: RushResult & { where: string; cpu: CpuUse };
    if (kind === 'postgres') {
      const dir = profileDir();
      const children = await startChildren(RUSH_PROCESSES_POSTGRES, bdb.childEnv, dir);
      try {
        const pids = children.map((c) => c.pid);
        const before = await sampleCpu(pids, pg());
        const result = await bookingRush(h.db, children.map((c) => c.url), { from: rushFrom, to: rushTo, lanes: RUSH_LANES, clients: RUSH_CLIENTS });
        rush = { ...result, where: `${RUSH_PROCESSES_POSTGRES} server processes`, cpu: cpuBetween(before, await sampleCpu(pids, pg())) };
      } finally {
        await stopChildren(children, problems);
      }
      const p = readChildProfiles(dir, `booking rush, ${RUSH_PROCESSES_POSTGRES} server processes (per successful booking, including its GETs and 409s)`, rush.booked, 'booking');
      if (p) childProfiles.push(p);
    } else {
      const logs: string[] = [];
      const server = await startInProcess(createAppContext({ db: h.db, orgId: ORG_ID }), logs);
      try {
        const before = await sampleCpu();
        const result = await bookingRush(h.db, [server.url], { from: rushFrom, to: rushTo, lanes: RUSH_LANES, clients: RUSH_CLIENTS });
        rush = { ...result, where: 'server in the bench process', cpu: cpuBetween(before, await sampleCpu()) };
      } finally {
        await server.close();
        problems.push(...parseProblems(logs.join('')).map((p) => `[in-process] ${JSON.stringify(p).slice(0, 400)}`));
      }
    }
    log(`booking rush (${rush.where}, ${rush.clients} clients, ${rushFrom}..${rushTo}): ${rush.booked} booked of capacity ${rush.capacity} ` +
      `(${rush.rowsInDb} live rows) in ${rush.fillSeconds.toFixed(1)} s = ${num(rush.bookingsPerSec)} bookings/s; ` +
      `${rush.posts} POSTs, ${pct(rush.conflicts, rush.posts)} answered 409; POST p50 ${ms(rush.postP50, 0)}, p99 ${ms(rush.postP99, 0)}; ` +
      `${num(rush.requestsPerSec)} requests/s overall; statuses ${JSON.stringify(rush.statuses)}; client exceptions ${rush.exceptions}; overlaps ${rush.overlaps}`);
    log(`  ${describeCpu(rush.cpu)}`);
    return { kind, version: bdb.version, seed, inProcess, breakdowns, profile: prof, http, baselines, sequential, mail, monthStatements, rush, problems, childProfiles, load: [loadBefore, loadavg()[0]] };
  } finally {
    await bdb.drop();
    cleanups.delete(bdb.drop);
  }
}

function cpuCells(c: CpuUse): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
  return `${f(c.machine)} / ${f(c.self)} / ${f(c.children)} / ${f(c.postgres)} / ${f(c.rest)}`;
}

function fiveXX(o: Outcome): number {
  const count = (s: Record<string, number>) => Object.entries(s).filter(([k]) => k.startsWith('5')).reduce((a, [, v]) => a + v, 0);
  return [...o.http, ...o.baselines].reduce((a, h) => a + count(h.result.statuses), 0) + count(o.rush.statuses);
}

function report(o: Outcome): void {
  const pgOnly = o.kind === 'postgres';
  const verdict = (ok: boolean, applies = true) => (applies ? (ok ? 'meets' : 'MISSES') : 'n/a (PostgreSQL target)');
  log(`\n######## ${o.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}: ${o.version}`);
  log(`CPU: ${availableParallelism()} × ${cpus()[0]?.model ?? '?'}; Node ${process.version}; 1-min load average ${o.load[0].toFixed(2)} before, ${o.load[1].toFixed(2)} after` +
    (Math.max(...o.load) > availableParallelism() / 2 ? '  <- other work was running: figures are pessimistic' : ''));
  log(`month office: ${o.seed.rows} appointments seeded (${pct(o.seed.bookedShare, 1)} of lane time), 6 lanes, 5-min grid, 90-day horizon\n`);

  log('Where the in-process month view spends its time (median ms per call):');
  log(table(
    ['part', ...o.breakdowns.map((b) => `${b.range.from}..${b.range.to}`)],
    [
      ['busy rows read (31 days)', ...o.breakdowns.map((b) => String(b.rows))],
      ['SQL statements per call', ...o.monthStatements.map(String)],
      ['getAvailability total', ...o.breakdowns.map((b) => ms(b.total))],
      ['  busyIntervals: query + rows -> Date (Kysely)', ...o.breakdowns.map((b) => ms(b.busyQuery))],
      ['    of which executing in the server (EXPLAIN ANALYZE)', ...o.breakdowns.map((b) => ms(b.serverExecution))],
      ['    same rows as epoch float8, raw (no Date parsing)', ...o.breakdowns.map((b) => ms(b.epochQuery))],
      ['    what-if: merged per lane in SQL, epoch (rows)', ...o.breakdowns.map((b) => `${ms(b.mergedQuery)} (${b.mergedRows})`)],
      ['    what-if: one row per lane, packed epoch text + JS split', ...o.breakdowns.map((b) => ms(b.packedQuery))],
      ['  engine daysOverview (31 days)', ...o.breakdowns.map((b) => ms(b.engine))],
      ['    of which building the LaneIndex', ...o.breakdowns.map((b) => ms(b.laneIndex))],
      ['  earliestStart (extra 14-day read if range is not at today)', ...o.breakdowns.map((b) => ms(b.earliest))],
      ['  JSON.stringify of the answer', ...o.breakdowns.map((b) => `${ms(b.json, 3)} (${b.jsonBytes} B)`)],
    ],
  ));
  log('\nCPU profile of getAvailability in-process (self time per call, by area):');
  log(table(['area', 'ms/call', 'share'], o.profile.byArea.map((l) => [l.what, l.ms.toFixed(2), pct(l.share, 1)])));
  log('\nTop functions by self time (excluding idle):');
  log(table(['function', 'ms/call', 'share'], o.profile.top.map((l) => [l.what.slice(0, 90), l.ms.toFixed(2), pct(l.share, 1)])));

  for (const c of o.childProfiles) {
    log(`\nServer child CPU profile: ${c.label}: self time per ${c.unit} over ${c.calls} ${c.unit}s, by area:`);
    log(table(['area', `ms/${c.unit}`, 'share'], c.byArea.map((l) => [l.what, l.ms.toFixed(2), pct(l.share, 1)])));
    log('top functions:');
    log(table(['function', `ms/${c.unit}`, 'share'], c.top.map((l) => [l.what.slice(0, 90), l.ms.toFixed(2), pct(l.share, 1)])));
  }

  const rows: string[][] = [
    ['month view in-process (computed every time), median', ms(o.inProcess.median), '', ''],
    ['month view in-process (computed every time), p99', ms(o.inProcess.p99), '< 20 ms', verdict(o.inProcess.p99 < 20)],
  ];
  for (const h of o.http) {
    rows.push([`month view HTTP, ${h.label}: req/s`, num(h.result.reqPerSec), '≥ 1,000 req/s', verdict(h.result.reqPerSec >= 1000, pgOnly)]);
    rows.push([`  p50 / p99 latency (${CONNECTIONS} connections, ${SECONDS} s)`, `${ms(h.result.p50, 0)} / ${ms(h.result.p99, 0)}`, '', '']);
    rows.push(['  CPU cores: machine / bench / servers / PostgreSQL / other', cpuCells(h.cpu), '', '']);
    rows.push(['  non-2xx / errors / timeouts', `${h.result.non2xx} / ${h.result.errors} / ${h.result.timeouts}`, '0', verdict(h.result.non2xx + h.result.errors + h.result.timeouts === 0)]);
  }
  for (const b of o.baselines) {
    rows.push([`${b.label}: req/s`, num(b.result.reqPerSec), '(reference)', '']);
    rows.push([`  p50 / p99; CPU machine / bench / servers / PostgreSQL / other`, `${ms(b.result.p50, 0)} / ${ms(b.result.p99, 0)}; ${cpuCells(b.cpu)}`, '', '']);
  }
  const r = o.rush;
  rows.push(
    [`booking rush (${r.where}, ${r.clients} clients): bookings/s`, num(r.bookingsPerSec), '≥ 300 bookings/s', verdict(r.bookingsPerSec >= 300, pgOnly)],
    ['  POST latency p50 / p99 (all POSTs)', `${ms(r.postP50, 0)} / ${ms(r.postP99, 0)}`, '', ''],
    ['  POST latency p50 / p99 (201 only)', `${ms(r.bookedP50, 0)} / ${ms(r.bookedP99, 0)}`, '', ''],
    ['  share of POSTs answered 409', pct(r.conflicts, r.posts), '', ''],
    ['  for comparison: one booking alone, in-process, p50 / p99', `${ms(o.sequential.median)} / ${ms(o.sequential.p99)}`, '', ''],
    ['  SQL statements per booking (+ BEGIN/COMMIT)', String(o.sequential.statements), '', ''],
    ['mail delay, booking answered to SMTP arrival, p50 / p99', `${ms(o.mail.p50)} / ${ms(o.mail.p99)}`, 'p99 < 2 s', verdict(o.mail.p99 < 2000 && o.mail.arrived === o.mail.mails)],
    ['  mails arrived / bookings', `${o.mail.arrived} / ${o.mail.mails}`, 'all', verdict(o.mail.arrived === o.mail.mails)],
    ['  requests/s overall (GET overview, GET day, POST)', num(r.requestsPerSec), '', ''],
    ['  CPU cores: machine / bench / servers / PostgreSQL / other', cpuCells(r.cpu), '', ''],
    ['  bookings (201) / live rows / capacity', `${r.booked} / ${r.rowsInDb} / ${r.capacity}`, 'all equal', verdict(r.booked === r.capacity && r.rowsInDb === r.capacity)],
    ['  overlapping rows on a lane (SQL self-join)', String(r.overlaps), '0', verdict(r.overlaps === 0)],
    ['5xx answers (HTTP runs and rush) / client exceptions', `${fiveXX(o)} / ${r.exceptions}`, '0', verdict(fiveXX(o) === 0 && r.exceptions === 0)],
    ['warn/error lines in server logs', String(o.problems.length), '0', verdict(o.problems.length === 0)],
  );
  log(`\nSummary (${o.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}):`);
  log(table(['figure', 'measured', 'target', ''], rows));
  for (const p of o.problems.slice(0, 10)) log(`  log: ${p}`);
  if (o.problems.length > 10) log(`  … ${o.problems.length - 10} more log lines`);
}

function reportMailRushes(runs: MailRush[], kinds: BenchKind[]): void {
  log('\nMail delay during a booking rush (from the 201 to the SMTP server\'s 250; server processes with the relay on PostgreSQL):');
  if (!kinds.includes('postgres')) {
    log(`  skipped: it needs PostgreSQL (BENCH_DATABASE_URL, default ${DEFAULT_POSTGRES_URL}; BENCH_DB=postgres or both)`);
    return;
  }
  const rows = runs.flatMap((r) => {
    const paced = r.postsPerSec !== undefined;
    const all = r.arrived === r.bookings;
    return [
      [`${r.processes} processes, ${paced ? `held to ${r.postsPerSec} bookings/s` : `${r.clients} clients as fast as they can`}: p50 / p99`,
        `${ms(r.p50, 0)} / ${ms(r.p99, 0)}`, paced ? 'p99 < 2 s' : '(reference)', paced ? (r.p99 < 2000 && all ? 'meets' : 'MISSES') : ''],
      ['  bookings/s reached; confirmations arrived / bookings', `${num(r.bookingsPerSec)}; ${r.arrived} / ${r.bookings}`, 'all', all ? 'meets' : 'MISSES'],
      ['  warn/error lines in server logs', String(r.problems.length), '0', r.problems.length === 0 ? 'meets' : 'MISSES'],
    ];
  });
  log(table(['figure', 'measured', 'target', ''], rows));
  for (const p of runs.flatMap((r) => r.problems).slice(0, 10)) log(`  log: ${p}`);
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const kinds = await chooseKinds();
  log(`Amtszeit bench: ${kinds.join(', ')}; HTTP server mode: ${HTTP_MODE}; ${availableParallelism()} cores; Node ${process.version}${QUICK ? '; QUICK' : ''}`);
  const outcomes: Outcome[] = [];
  const mailRushes: MailRush[] = [];
  const queues: QueueFigures[] = [];
  try {
    for (const k of kinds) outcomes.push(await runOne(k));
    if (kinds.includes('postgres')) {
      // (d) mail delay during a booking rush: 2 server processes, each with its relay, a local SMTP server
      log('\n=== mail delay during a booking rush (PostgreSQL) ===');
      const rate = Number(process.env.BENCH_MAIL_RATE ?? 20);
      for (const q of [{ clients: 20, postsPerSec: rate }, ...(QUICK ? [] : [{ clients: RUSH_CLIENTS }])]) {
        const r = await mailRush(ADMIN_URL, { ...q, processes: RUSH_PROCESSES_POSTGRES, cleanups });
        log(describeMailRush(r));
        mailRushes.push(r);
      }
    }
    // (e) the counter queue: call to display with 50 displays, "call next" under 20 clerks
    for (const k of kinds) {
      log(`\n=== counter queue (${k}) ===`);
      queues.push(await queueCalls(k, ADMIN_URL, { calls: QUICK ? 40 : 200, displays: 50, clerkTickets: QUICK ? 100 : 400 }));
    }
  } finally {
    await cleanupAll();
  }
  for (const o of outcomes) report(o);
  reportMailRushes(mailRushes, kinds);
  log('\nCounter queue (staff API through HTTP; displays on the event stream):');
  for (const q of queues) for (const line of describeQueueCalls(q)) log(`  ${line}`);
  const web = await webPages(QUICK ? 50 : 300);
  log('\nCitizen pages (server render through inject, in-memory PGlite, demo city):');
  log(table(['page', 'p50', 'p99', 'target', '', 'HTML'], web.pages.map((p) => [p.page, ms(p.p50, 1), ms(p.p99, 1), 'p99 < 30 ms', p.p99 < 30 ? 'meets' : 'MISSES', `${p.htmlBytes} B`])));
  log(`first visit transfers ${(web.firstVisitBytes / 1024).toFixed(0)} kB compressed in ${web.firstVisitRequests} requests, fonts included (aim: under 150 kB): ${web.firstVisitBytes < 150 * 1024 ? 'meets' : 'MISSES'}`);
  log(`\nbench finished in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

main().catch(async (e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  await cleanupAll();
  process.exitCode = 1;
});
