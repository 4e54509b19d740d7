// Bench (e): the counter queue. (1) Call to display: 50 waiting-room displays
// hold the Server-Sent Events stream /aufruf/{office}/events open while a
// clerk calls 200 walk-ins one after another through the staff API; the
// latency is from sending "call next" to each display receiving the call
// (10,000 samples). On PostgreSQL the clerk and the displays use different
// server processes, so each call travels through LISTEN/NOTIFY. (2) "Call
// next" under 20 clerks at 20 desks pressing at once, again and again, until
// the queue is empty: the request's p99, and whether any citizen was called twice.
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { createAppContext } from '../src/app/context.ts';
import { importConfig } from '../src/app/import-config.ts';
import { addUser } from '../src/app/staff/add-user.ts';
import { createApiToken } from '../src/app/staff/create-api-token.ts';
import { startServeChild, type ServeChild } from '../test/helpers/serve-child.ts';
import { benchConfig, MONTH_OFFICE, ORG_ID, SERVICES } from './config.ts';
import { DEFAULT_POSTGRES_URL, openBenchDatabase, postgresAnswers, type BenchKind } from './databases.ts';
import { log, ms, quantile } from './stats.ts';

const DESKS = 20;

export interface QueueFigures {
  kind: BenchKind;
  processes: number;
  displays: number;
  calls: number;
  /** call-to-display samples received (calls × displays when none was lost) */
  received: number;
  displayP50: number;
  displayP99: number;
  displayMax: number;
  clerks: number;
  clerkCalls: number;
  callNextP50: number;
  callNextP99: number;
  /** numbers called more than once in the clerks' run (must be 0) */
  twice: number;
  problems: string[];
}

type Answer = { status: number; body: any };

function client(token: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const request = (base: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const url = new URL(path, base);
    return new Promise((resolve, reject) => {
      const req = http.request({
        agent, host: url.hostname, port: url.port, method, path: url.pathname,
        headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  };
  return { request, close: () => agent.destroy() };
}

/** A display: holds the event stream open and notes when each number first arrives. */
function connectDisplay(base: string, office: string, seen: (number: string, at: number) => void): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(`/aufruf/${office}/events`, base), (res) => {
      if (res.statusCode !== 200) return reject(new Error(`display stream: HTTP ${res.statusCode}`));
      let buffer = '';
      const known = new Set<string>();
      let first = true;
      res.setEncoding('utf8').on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(event)?.[1];
          if (!/^event: calls$/m.test(event) || !data) continue;
          const calls = (JSON.parse(data) as { calls: { number: string }[] }).calls;
          for (const c of calls) {
            if (known.has(c.number)) continue;
            known.add(c.number);
            if (!first) seen(c.number, at); // the first state holds earlier calls
          }
          if (first) {
            first = false;
            resolve(() => req.destroy());
          }
        }
      });
    });
    req.on('error', reject);
  });
}

export async function queueCalls(kind: BenchKind, adminUrl: string, q: { calls: number; displays: number; clerkTickets: number }): Promise<QueueFigures> {
  const bdb = await openBenchDatabase(kind, adminUrl);
  const children: ServeChild[] = [];
  const problems: string[] = [];
  const displays: (() => void)[] = [];
  let closeClient = () => {};
  try {
    const now = Date.now();
    const { config } = benchConfig(now);
    const office = config.offices.find((o) => o.id === MONTH_OFFICE)!;
    office.queue = {
      desks: Array.from({ length: DESKS }, (_, i) => ({ id: `platz-${i + 1}`, name: `Platz ${i + 1}` })),
      checkInBeforeMinutes: 30, checkInAfterMinutes: 15, lateGraceMinutes: 5, walkIns: true, kiosk: false,
    };
    const db = bdb.handle!.db;
    await importConfig(db, { orgId: ORG_ID, config, now, actor: 'bench' });
    const ctx = createAppContext({ db, orgId: ORG_ID });
    await addUser(ctx, { email: 'bench@example.org', name: 'Bench', role: 'admin', offices: [], password: 'bench password 123' });
    const token = await createApiToken(ctx, { email: 'bench@example.org', label: 'bench' });
    if (kind === 'pglite') await bdb.close(); // the child opens the data directory
    const processes = kind === 'postgres' ? 2 : 1;
    for (let i = 0; i < processes; i++) children.push(await startServeChild({ ...bdb.childEnv, ORG_ID, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn' }));
    const clerkAt = children[0]!.url;
    const displayAt = children[children.length - 1]!.url;
    const c = client(token);
    closeClient = c.close;
    const walkIns = async (n: number) => {
      for (let i = 0; i < n; i += 20) {
        await Promise.all(Array.from({ length: Math.min(20, n - i) }, async () => {
          const r = await c.request(clerkAt, 'POST', `/api/v1/staff/queue/${MONTH_OFFICE}/walk-ins`, { concerns: SERVICES });
          if (r.status !== 201) throw new Error(`walk-in: HTTP ${r.status} ${JSON.stringify(r.body)}`);
        }));
      }
    };

    // (1) call to display
    await walkIns(q.calls);
    const arrivals = new Map<string, number[]>();
    for (let i = 0; i < q.displays; i++) {
      displays.push(await connectDisplay(displayAt, MONTH_OFFICE, (number, at) => {
        const list = arrivals.get(number) ?? [];
        list.push(at);
        arrivals.set(number, list);
      }));
    }
    const sentAt = new Map<string, number>();
    for (let i = 0; i < q.calls; i++) {
      const t0 = performance.now();
      const r = await c.request(clerkAt, 'POST', `/api/v1/staff/queue/${MONTH_OFFICE}/call-next`, { desk: `platz-${(i % DESKS) + 1}` });
      if (r.status !== 200 || !r.body.ticket) throw new Error(`call-next: HTTP ${r.status} ${JSON.stringify(r.body)}`);
      sentAt.set(r.body.ticket.number, t0);
      // the next call once every display has this one (or after 2 s): calls a second apart at most, as at a counter
      const deadline = performance.now() + 2_000;
      while ((arrivals.get(r.body.ticket.number)?.length ?? 0) < q.displays && performance.now() < deadline) await new Promise((res) => setTimeout(res, 2));
    }
    await new Promise((res) => setTimeout(res, 500));
    const latencies: number[] = [];
    for (const [number, t0] of sentAt) for (const at of arrivals.get(number) ?? []) latencies.push(at - t0);
    for (const close of displays.splice(0)) close();

    // (2) call next under 20 clerks
    await walkIns(q.clerkTickets);
    const callTimes: number[] = [];
    const called: string[] = [];
    await Promise.all(Array.from({ length: DESKS }, async (_, desk) => {
      for (;;) {
        const t0 = performance.now();
        const r = await c.request(clerkAt, 'POST', `/api/v1/staff/queue/${MONTH_OFFICE}/call-next`, { desk: `platz-${desk + 1}` });
        callTimes.push(performance.now() - t0);
        if (r.status !== 200) throw new Error(`call-next: HTTP ${r.status} ${JSON.stringify(r.body)}`);
        if (!r.body.ticket) return;
        called.push(r.body.ticket.number);
      }
    }));
    return {
      kind, processes, displays: q.displays, calls: q.calls, received: latencies.length,
      displayP50: quantile(latencies, 0.5), displayP99: quantile(latencies, 0.99), displayMax: Math.max(0, ...latencies),
      clerks: DESKS, clerkCalls: called.length, callNextP50: quantile(callTimes, 0.5), callNextP99: quantile(callTimes, 0.99),
      twice: called.length - new Set(called).size, problems,
    };
  } finally {
    for (const close of displays) close();
    closeClient();
    for (const ch of children) {
      await ch.stop();
      for (const p of ch.problems()) problems.push(`[child ${ch.pid}] ${JSON.stringify(p).slice(0, 400)}`);
    }
    await bdb.drop();
  }
}

export function describeQueueCalls(f: QueueFigures): string[] {
  const where = f.processes > 1 ? `clerk on one server process, displays on another (${f.kind}, LISTEN/NOTIFY)` : `one server process (${f.kind})`;
  return [
    `call to display, ${f.calls} calls, ${f.displays} displays, ${where}: ${f.received} of ${f.calls * f.displays} arrived; ` +
      `p50 ${ms(f.displayP50, 1)}, p99 ${ms(f.displayP99, 1)}, max ${ms(f.displayMax, 1)} (target p99 < 1 s: ${f.displayP99 < 1000 && f.received === f.calls * f.displays ? 'meets' : 'MISSES'})`,
    `"call next" with ${f.clerks} clerks pressing at once: ${f.clerkCalls} citizens called, ${f.twice} called twice; ` +
      `p50 ${ms(f.callNextP50, 1)}, p99 ${ms(f.callNextP99, 1)}`,
    ...f.problems.map((p) => `  problem: ${p}`),
  ];
}

// Run alone: `node --import tsx bench/queue-calls.ts` (BENCH_DATABASE_URL as for npm run bench)
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  const kinds: BenchKind[] = (await postgresAnswers(url)) ? ['pglite', 'postgres'] : ['pglite'];
  for (const kind of kinds) for (const line of describeQueueCalls(await queueCalls(kind, url, { calls: 200, displays: 50, clerkTickets: 400 }))) log(line);
}
