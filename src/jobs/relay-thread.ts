// The outbox relay in a worker thread of its own, used on PostgreSQL. In a
// booking rush the process's event loop has a queue of requests, and every
// step of sending a mail (SMTP replies, the UPDATE that marks it sent) would
// wait its turn behind them: confirmations fell seconds behind. In its own
// thread the relay has its own event loop, its own two database connections
// and the LISTEN connection of the cross-process wake-up (db/outbox-wakeup.ts),
// and gets its share of the CPU from the operating system.
//
// Two halves in one file:
// - startRelayThread() (the process's side) starts the thread and stands for
//   the relay: kick() (also wakes the other processes), health() (as the
//   thread last reported it), stop() (waits for the batch in progress). Log
//   lines of the thread go to the process's logger. A thread that dies is
//   logged and started again after a second.
// - run as the thread (workerData.role === 'outbox-relay'), it opens the
//   database, builds transport and relay from the environment and follows
//   the messages.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection.ts';
import { startOutboxWakeup } from '../db/outbox-wakeup.ts';
import type { TransportHealth } from '../mail/transport.ts';
import type { JobLogger } from './job.ts';
import { createOutboxRelay, type RelayLogger } from './outbox-relay.ts';
import { createTransportFromEnv, relayTuning, type RelayEnv } from './relay-setup.ts';

const ROLE = 'outbox-relay';

type ToThread = { type: 'kick' } | { type: 'stop' };
type FromThread =
  | { type: 'log'; level: 'info' | 'warn' | 'error'; obj: object; msg?: string }
  | { type: 'health'; health: TransportHealth }
  | { type: 'started' }
  | { type: 'stopped' }
  | { type: 'failed'; error: string };

export interface RelayHandle {
  /** wakes the relay, and through NOTIFY every other process's */
  kick(): void;
  health(): TransportHealth;
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------
// the process's side

/**
 * The thread's code: this file. Run from TypeScript source, tsx's loader comes first (the thread does
 * not inherit a loader registered by the API); compiled (dist/), the file loads as it is.
 */
function bootstrap(): string {
  const self = JSON.stringify(import.meta.url);
  const load = import.meta.url.endsWith('.js')
    ? `import(${self})`
    : `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${self}); })`;
  return `${load}
    .catch((e) => require('node:worker_threads').parentPort.postMessage({ type: 'failed', error: String((e && e.stack) || e) }));`;
}

export async function startRelayThread(opts: { env: RelayEnv & { DATABASE_URL: string }; logger: JobLogger; restartMs?: number }): Promise<RelayHandle> {
  const { logger } = opts;
  let health: TransportHealth = { transport: opts.env.SMTP_URL ? 'smtp' : 'file', state: 'unknown' };
  let worker: Worker;
  let alive = false;
  let stopping = false;
  let stopped: (() => void) | null = null;

  function spawn(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let started = false;
      const w = new Worker(bootstrap(), { eval: true, execArgv: [], workerData: { role: ROLE, env: opts.env } });
      worker = w;
      alive = true;
      w.on('message', (m: FromThread) => {
        if (m.type === 'log') logger[m.level](m.obj, m.msg);
        else if (m.type === 'health') health = m.health;
        else if (m.type === 'started') {
          started = true;
          resolve();
        } else if (m.type === 'stopped') stopped?.();
        else if (m.type === 'failed') logger.error({ err: m.error }, 'outbox relay thread failed');
      });
      w.on('error', (e) => logger.error({ err: e.message }, 'outbox relay thread failed'));
      w.on('exit', (code) => {
        alive = false;
        stopped?.();
        if (!started) return reject(new Error(`the outbox relay thread ended before it started (exit code ${code})`));
        if (stopping) return;
        logger.error({ code }, 'outbox relay thread ended; starting it again in a second');
        health = { ...health, state: 'unknown' };
        setTimeout(() => {
          if (!stopping) spawn().catch((e: unknown) => logger.error({ err: e instanceof Error ? e.message : String(e) }, 'outbox relay thread did not start'));
        }, opts.restartMs ?? 1000).unref();
      });
    });
  }

  await spawn();
  const send = (m: ToThread) => {
    if (alive) worker.postMessage(m);
  };
  return {
    kick: () => send({ type: 'kick' }),
    health: () => health,
    async stop() {
      if (stopping) return;
      stopping = true;
      if (!alive) return;
      const done = new Promise<void>((resolve) => (stopped = resolve));
      send({ type: 'stop' });
      const timer = setTimeout(() => void worker.terminate(), 30_000);
      await done;
      clearTimeout(timer);
      await worker.terminate();
    },
  };
}

// ---------------------------------------------------------------------------
// the thread's side

/** Log fields as plain values (an Error would arrive as an empty object). */
function plain(obj: object): object {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, v instanceof Error ? v.message : v]));
}

async function runThread(env: RelayEnv & { DATABASE_URL: string }): Promise<void> {
  const port = parentPort!;
  const post = (m: FromThread) => port.postMessage(m);
  const line = (level: 'info' | 'warn' | 'error') => (obj: object, msg?: string) => post({ type: 'log', level, obj: plain(obj), msg });
  const log: RelayLogger = { info: line('info'), warn: line('warn'), error: line('error') };
  const handle = await openDatabase({
    databaseUrl: env.DATABASE_URL, poolSize: 2, logger: log,
    statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS, connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS,
  });
  const transport = createTransportFromEnv(env);
  const relay = createOutboxRelay({ db: handle.db, transport, logger: log, ...relayTuning(env) });
  const wakeup = startOutboxWakeup({ databaseUrl: env.DATABASE_URL, onWake: () => relay.kick(), logger: log });
  let reported = '';
  const report = () => {
    const h = transport.health();
    const s = JSON.stringify(h);
    if (s !== reported) {
      reported = s;
      post({ type: 'health', health: h });
    }
  };
  await relay.start();
  report();
  const timer = setInterval(report, 250);
  port.on('message', (m: ToThread) => {
    if (m.type === 'kick') {
      relay.kick();
      wakeup.notify();
    } else if (m.type === 'stop') {
      clearInterval(timer);
      void (async () => {
        await relay.stop();
        await wakeup.close();
        await transport.close();
        await handle.close();
        post({ type: 'stopped' });
        port.close();
      })();
    }
  });
  post({ type: 'started' });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
  runThread((workerData as { env: RelayEnv & { DATABASE_URL: string } }).env).catch((e: unknown) => {
    parentPort!.postMessage({ type: 'failed', error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies FromThread);
    process.exit(1);
  });
}
