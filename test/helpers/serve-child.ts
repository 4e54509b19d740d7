// A server in its own process, for tests and benchmarks that need several
// instances on one database (or a server that does not share the load
// generator's event loop). Two halves in one file:
// - run as a script (`node --import tsx test/helpers/serve-child.ts`, or its compiled .js), it serves
//   the API of DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite) for ORG_ID (or the
//   only organization), listens on 127.0.0.1 on a free port, prints
//   `LISTENING <port>` on stdout, logs (pino JSON, LOG_LEVEL, default warn) on
//   stderr, and stops on SIGTERM, SIGINT or when its stdin closes (so it never
//   outlives the process that started it); RATE_LIMIT_PER_MINUTE,
//   RATE_LIMIT_READS_PER_MINUTE (but off unless given: load tests read
//   availability from one address), TRUST_PROXY and DB_POOL_SIZE as for
//   `amtszeit serve`; with RELAY=on it also sends the
//   outbox (SMTP_URL and the MAIL_* settings as for `amtszeit serve`), woken
//   after each write request as `serve` does; without, it sends no mail;
// - imported, startServeChild() spawns it and resolves once it listens.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAppContext } from '../../src/app/context.ts';
import { openMigratedDatabase, resolveOrgId } from '../../src/cli/runtime.ts';
import { parseEnv } from '../../src/env.ts';
import { buildServer, logSerializers } from '../../src/http/server.ts';
import { trackInFlight } from '../../src/http/in-flight.ts';
import { LOADER_ARGS } from './node-child.ts';

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// ---------------------------------------------------------------------------
// parent side

export interface ServeChild {
  pid: number;
  port: number;
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** everything the child wrote on stderr so far (its log lines) */
  stderr(): string;
  /** null while it runs; else its exit code, or the signal that ended it */
  exitCode(): number | string | null;
  /** log lines at level warn (40) or above, parsed */
  problems(): { level: number; msg?: string; [k: string]: unknown }[];
  /** SIGTERM, then SIGKILL after `graceMs` (default 15 s); resolves when the process has exited. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();

/** How long a child may take to listen before it counts as hung. */
const START_TIMEOUT_MS = Number(process.env.SERVE_CHILD_START_TIMEOUT_MS) || 120_000;
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort if the parent ends without stopping its children (their stdin closes too).
  process.on('exit', () => {
    for (const c of running) c.kill('SIGKILL');
  });
}

/** Variables of the parent that would change what the child serves: never inherited. */
const NOT_INHERITED = [
  'DATABASE_URL', 'DATA_DIR', 'ORG_ID', 'PORT', 'HOST', 'LOG_LEVEL', 'RATE_LIMIT_PER_MINUTE', 'RATE_LIMIT_READS_PER_MINUTE', 'DB_POOL_SIZE', 'TRUST_PROXY',
  'AVAILABILITY_CACHE_MS', 'DB_STATEMENT_TIMEOUT_MS', 'DB_CONNECT_TIMEOUT_MS',
  'RELAY', 'JOBS', 'SMTP_URL', 'MAIL_FROM', 'MAIL_DIR', 'MAIL_CONNECTIONS', 'MAIL_BATCH_SIZE', 'MAIL_LEASE_MS', 'MAIL_POLL_MS', 'MAIL_RECHECK_MS',
  'MAIL_TIMEOUT_MS',
];

export async function startServeChild(
  env: {
    DATABASE_URL?: string; DATA_DIR?: string; ORG_ID?: string; RATE_LIMIT_PER_MINUTE?: string; DB_POOL_SIZE?: string; LOG_LEVEL?: string;
    AVAILABILITY_CACHE_MS?: string; DB_STATEMENT_TIMEOUT_MS?: string; DB_CONNECT_TIMEOUT_MS?: string;
    RATE_LIMIT_READS_PER_MINUTE?: string; TRUST_PROXY?: string;
    RELAY?: 'on' | 'off'; SMTP_URL?: string; MAIL_FROM?: string;
    MAIL_CONNECTIONS?: string; MAIL_BATCH_SIZE?: string; MAIL_LEASE_MS?: string; MAIL_POLL_MS?: string; MAIL_RECHECK_MS?: string; MAIL_TIMEOUT_MS?: string;
  },
  opts: { startTimeoutMs?: number; /** extra node flags, e.g. --cpu-prof */ nodeArgs?: string[] } = {},
): Promise<ServeChild> {
  installExitHook();
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !NOT_INHERITED.includes(k)));
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...LOADER_ARGS, SELF], {
    cwd: ROOT,
    env: { ...base, LOG_LEVEL: 'warn', RATE_LIMIT_READS_PER_MINUTE: '0', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let err = '';
  let out = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  void exited.then(() => running.delete(child));

  let stopping: Promise<void> | null = null;
  const stop = (graceMs = 15_000) =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin!.end();
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
    })());

  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      // a hang detector, not a speed test: on a loaded 2-core machine four children starting at once take a while
      const limit = opts.startTimeoutMs ?? START_TIMEOUT_MS;
      const timer = setTimeout(() => reject(new Error(`server child did not listen within ${limit} ms (SERVE_CHILD_START_TIMEOUT_MS)`)), limit);
      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const m = /^LISTENING (\d+)$/m.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server child exited before listening (code ${code}, signal ${signal}):\n${err}`));
      });
      child.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
  } catch (e) {
    await stop(1000);
    throw e;
  }
  return {
    pid: child.pid!,
    port,
    url: `http://127.0.0.1:${port}`,
    stderr: () => err,
    exitCode: () => child.exitCode ?? child.signalCode,
    problems: () => parseProblems(err),
    stop,
  };
}

/** pino JSON lines at warn or above; a line that is not JSON (a crash trace) counts as a problem too. */
export function parseProblems(log: string): { level: number; msg?: string; [k: string]: unknown }[] {
  const out: { level: number; msg?: string; [k: string]: unknown }[] = [];
  for (const line of log.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const entry = JSON.parse(line) as { level?: unknown };
      if (typeof entry.level === 'number' && entry.level >= 40) out.push(entry as { level: number });
    } catch {
      out.push({ level: 60, msg: line });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// child side

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const handle = await openMigratedDatabase(env);
  const orgId = await resolveOrgId(handle.db, env);
  if (!orgId) {
    await handle.close();
    throw new Error('no organization in the database: import a configuration first');
  }
  const ctx = createAppContext({ db: handle.db, orgId, availabilityCacheMs: env.AVAILABILITY_CACHE_MS });
  const app = await buildServer({
    ctx,
    logger: { level: env.LOG_LEVEL, serializers: logSerializers, stream: process.stderr },
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    readRateLimitPerMinute: env.RATE_LIMIT_READS_PER_MINUTE,
    trustProxy: env.TRUST_PROXY,
    callDisplay: { databaseUrl: env.DATABASE_URL },
  });

  const inFlight = trackInFlight(app);
  // the outbox relay only when asked (RELAY=on; loaded only then), never the background jobs
  let background: { kick(): void; stop(): Promise<void> } | null = null;
  if (process.env.RELAY === 'on') {
    const [{ startBackground }, { default: pino }] = await Promise.all([import('../../src/jobs/background.ts'), import('pino')]);
    background = await startBackground({ db: handle.db, env, logger: pino({ level: env.LOG_LEVEL }, process.stderr), relay: true, jobs: false });
  }
  if (background) {
    const b = background;
    app.addHook('onResponse', async (req) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') b.kick();
    });
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await app.close();
      await inFlight.drain();
      await background?.stop();
      await handle.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdin.on('end', () => void stop());
  process.stdin.on('close', () => void stop());
  process.stdin.resume();

  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address !== 'object') throw new Error('server has no TCP address');
  process.stdout.write(`LISTENING ${address.port}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    process.stderr.write(`serve-child: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
