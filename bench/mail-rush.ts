// Bench (d): the mail delay during a booking rush over two server processes on
// PostgreSQL. Both run the outbox relay as `amtszeit serve` does (RELAY=on),
// sending to a local SMTP server in this process that notes when it answers
// 250 for each recipient; the rush (bench/rush.ts) notes when each 201
// arrived. The delay of a booking's confirmation is the time between the two
// (both read from this process's clock).
//
// `npm run bench` runs it twice: held to 20 bookings/s (BENCH_MAIL_RATE), the
// promise's case (p99 under 2 s), and as fast as 200 clients can book (the
// servers' CPU is then spent on bookings and mails alike).
// Run alone: `node --import tsx bench/mail-rush.ts` (BENCH_DATABASE_URL as for
// `npm run bench`; BENCH_MAIL_CLIENTS, default 200; BENCH_MAIL_RATE: bookings/s,
// default unpaced; BENCH_MAIL_CONNECTIONS: MAIL_CONNECTIONS of the servers;
// BENCH_MAIL_TRACE=1: bookings and arrivals per second).
import { pathToFileURL } from 'node:url';
import { importConfig } from '../src/app/import-config.ts';
import { startCatcher } from '../test/helpers/smtp-catcher.ts';
import { startServeChild, type ServeChild } from '../test/helpers/serve-child.ts';
import { benchConfig, ORG_ID, RUSH_LANES } from './config.ts';
import { DEFAULT_POSTGRES_URL, openBenchDatabase, postgresAnswers } from './databases.ts';
import { bookingRush } from './rush.ts';
import { log, ms, num, quantile } from './stats.ts';

export interface MailRush {
  processes: number;
  clients: number;
  /** POSTs per second the clients were held to, or undefined: as fast as they could */
  postsPerSec?: number;
  bookings: number;
  bookingsPerSec: number;
  fillSeconds: number;
  arrived: number;
  p50: number;
  p99: number;
  max: number;
  /** from the first 201 until the last mail arrived */
  drainSeconds: number;
  /** warn/error log lines of the server processes */
  problems: string[];
}

export async function mailRush(
  adminUrl: string,
  q: {
    processes?: number; clients?: number; postsPerSec?: number; connections?: number; waitMs?: number;
    /** the bench's clean-ups on Ctrl-C (bench/run.ts): the database is dropped there too */
    cleanups?: Set<() => Promise<void>>;
  } = {},
): Promise<MailRush> {
  const processes = q.processes ?? 2;
  const clients = q.clients ?? 200;
  const bdb = await openBenchDatabase('postgres', adminUrl);
  q.cleanups?.add(bdb.drop);
  const smtp = await startCatcher({ parse: false });
  const children: ServeChild[] = [];
  const problems: string[] = [];
  try {
    const now = Date.now();
    const { config, rushFrom, rushTo } = benchConfig(now);
    await importConfig(bdb.handle!.db, { orgId: ORG_ID, config, now, actor: 'bench' });
    const env = {
      ...bdb.childEnv, ORG_ID, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn',
      RELAY: 'on' as const, SMTP_URL: smtp.url, MAIL_FROM: 'bench@example.org',
      ...(q.connections ? { MAIL_CONNECTIONS: String(q.connections) } : {}),
    };
    for (const c of await Promise.allSettled(Array.from({ length: processes }, () => startServeChild(env)))) {
      if (c.status === 'fulfilled') children.push(c.value);
      else throw c.reason;
    }
    const bookedAt = new Map<string, number>();
    const rush = await bookingRush(bdb.handle!.db, children.map((c) => c.url), {
      from: rushFrom, to: rushTo, lanes: RUSH_LANES, clients, postsPerSec: q.postsPerSec, onBooked: (email, at) => bookedAt.set(email, at),
    });
    const deadline = performance.now() + (q.waitMs ?? 60_000);
    while ([...bookedAt.keys()].some((e) => !smtp.acceptedAt.has(e)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const delays = [...bookedAt].filter(([e]) => smtp.acceptedAt.has(e)).map(([e, t]) => smtp.acceptedAt.get(e)! - t);
    const first = Math.min(...bookedAt.values());
    if (process.env.BENCH_MAIL_TRACE === '1') {
      const sec = (t: number) => Math.floor((t - first) / 1000);
      const b = new Map<number, number>(), a = new Map<number, number>();
      for (const [e, t] of bookedAt) {
        b.set(sec(t), (b.get(sec(t)) ?? 0) + 1);
        const m = smtp.acceptedAt.get(e);
        if (m !== undefined) a.set(sec(m), (a.get(sec(m)) ?? 0) + 1);
      }
      for (let s = 0; s <= Math.max(...b.keys(), ...a.keys()); s++) log(`  second ${s}: ${b.get(s) ?? 0} booked, ${a.get(s) ?? 0} mails arrived`);
    }
    const last = Math.max(0, ...[...bookedAt.keys()].map((e) => smtp.acceptedAt.get(e) ?? 0));
    return {
      processes, clients, postsPerSec: q.postsPerSec, bookings: bookedAt.size, bookingsPerSec: rush.bookingsPerSec, fillSeconds: rush.fillSeconds,
      arrived: delays.length, p50: quantile(delays, 0.5), p99: quantile(delays, 0.99), max: Math.max(0, ...delays),
      drainSeconds: (last - first) / 1000, problems,
    };
  } finally {
    for (const c of children) {
      await c.stop();
      for (const p of c.problems()) problems.push(`[child ${c.pid}] ${JSON.stringify(p).slice(0, 400)}`);
    }
    await smtp.close();
    await bdb.drop();
    q.cleanups?.delete(bdb.drop);
  }
}

export function describeMailRush(r: MailRush): string {
  return `mail delay during a booking rush (${r.processes} server processes with the relay, PostgreSQL, ${r.clients} clients` +
    `${r.postsPerSec ? `, at most ${r.postsPerSec} bookings/s` : ', as fast as they can'}): ` +
    `${r.bookings} bookings at ${num(r.bookingsPerSec)} bookings/s; ${r.arrived} of ${r.bookings} confirmations arrived; ` +
    `201 -> 250 p50 ${ms(r.p50, 0)}, p99 ${ms(r.p99, 0)}, max ${ms(r.max, 0)}; all mails out ${r.drainSeconds.toFixed(1)} s after the first 201`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  void (async () => {
    if (!(await postgresAnswers(url))) {
      log(`mail delay during a booking rush: skipped, PostgreSQL does not answer at ${url.replace(/:[^:@/]*@/, ':***@')}`);
      return;
    }
    const rate = process.env.BENCH_MAIL_RATE ? Number(process.env.BENCH_MAIL_RATE) : undefined;
    const r = await mailRush(url, { clients: Number(process.env.BENCH_MAIL_CLIENTS ?? 200), postsPerSec: rate, connections: process.env.BENCH_MAIL_CONNECTIONS ? Number(process.env.BENCH_MAIL_CONNECTIONS) : undefined });
    log(describeMailRush(r));
    for (const p of r.problems.slice(0, 10)) log(`  log: ${p}`);
  })().catch((e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
