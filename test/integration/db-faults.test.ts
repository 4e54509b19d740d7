// Database faults under traffic, on PostgreSQL, against server processes:
// connections terminated by the server (pg_terminate_backend), reset or
// frozen on the wire (a TCP proxy of our own), the database gone (renamed
// away) and back. No process may exit; every answer is 2xx, 4xx or 503 with
// Retry-After; each server recovers by itself when the fault ends.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { admin, createTestDatabase, testDatabaseKinds, type TestDatabase } from '../helpers/database.ts';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.ts';
import { startServeChild, type ServeChild } from '../helpers/serve-child.ts';
import { importConfig } from '../../src/app/import-config.ts';
import { office, orgConfig, service } from '../fixtures/org-config.ts';

const ORG_ID = 'fault-org';
const onPostgres = testDatabaseKinds().includes('postgres');

/** A journey page with a session cookie: it must read the session from the database. */
const SESSION_PAGE = '/buchen/anliegen#with-session';

interface Answer { path: string; status: number; retryAfter: string | null }

/** The requests a citizen's browser and a city's app make, each reaching the database. */
function paths(today: string): string[] {
  return [
    `/api/v1/availability?office=a&services=anmeldung&from=${today}&to=${today}`,
    '/api/v1/appointments/AAAA-BBBB',
    '/buchen',
    SESSION_PAGE,
    '/healthz',
  ];
}

async function ask(server: ServeChild, path: string): Promise<Answer> {
  const headers: Record<string, string> = { accept: path.startsWith('/api') ? 'application/json' : 'text/html' };
  if (path === SESSION_PAGE) headers.cookie = 'amtszeit_session=a-session-the-database-must-look-up';
  const r = await fetch(`${server.url}${path}`, { headers, signal: AbortSignal.timeout(30_000) });
  await r.arrayBuffer();
  return { path, status: r.status, retryAfter: r.headers.get('retry-after') };
}

/** Keeps `perSecond` requests a second going to every server until stop() returns all answers. */
function traffic(servers: ServeChild[], perSecond: number) {
  const answers: Answer[] = [];
  const failures: string[] = [];
  const list = paths(new Date().toISOString().slice(0, 10));
  let running = true;
  const pending = new Set<Promise<void>>();
  let i = 0;
  const timer = setInterval(() => {
    for (const s of servers) {
      const p = ask(s, list[i++ % list.length]).then(
        (a) => void answers.push(a),
        (e: unknown) => void failures.push(`${s.url}: ${e instanceof Error ? e.message : String(e)}`),
      );
      pending.add(p);
      void p.finally(() => pending.delete(p));
    }
  }, 1000 / perSecond);
  return {
    answers,
    async stop() {
      if (!running) return { answers, failures };
      running = false;
      clearInterval(timer);
      await Promise.all(pending);
      return { answers, failures };
    },
  };
}

/** Every answer is 2xx, 4xx, or 503 with Retry-After: never a 500 or another 5xx. */
function assertNoServerErrors(answers: Answer[]): void {
  const bad = answers.filter((a) => a.status >= 500 && !(a.status === 503 && a.retryAfter));
  assert.deepEqual(bad.slice(0, 5), [], `${bad.length} of ${answers.length} answers were server errors`);
}

async function healthy(server: ServeChild, withinMs = 20_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  let last = 0;
  while (Date.now() < deadline) {
    last = (await ask(server, '/healthz').catch(() => ({ status: 0 }))).status;
    if (last === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`${server.url} did not become healthy again within ${withinMs} ms (last status ${last})`);
}

function assertAlive(server: ServeChild): void {
  assert.ok(server.exitCode() === null, `server ${server.pid} exited (${server.exitCode()}):\n${server.stderr().slice(-2000)}`);
}

describe('database faults under traffic (PostgreSQL)', { skip: !onPostgres && 'needs TEST_DATABASE_URL' }, () => {
  let db: TestDatabase;
  let proxy: FaultProxy;
  let servers: ServeChild[] = [];
  before(async () => {
    db = await createTestDatabase('postgres');
    const config = orgConfig({ services: [service('anmeldung', 15, 5)], offices: [office('a', { services: ['anmeldung'] })] });
    await importConfig(db.db, { orgId: ORG_ID, config, now: Date.now(), actor: 'test' });
    const url = new URL(db.url!);
    proxy = await startFaultProxy({ host: url.hostname, port: Number(url.port || 5432) });
    const env = { ORG_ID, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn', AVAILABILITY_CACHE_MS: '0', DB_STATEMENT_TIMEOUT_MS: '2000', DB_CONNECT_TIMEOUT_MS: '2000' };
    servers = await Promise.all([
      startServeChild({ ...env, DATABASE_URL: db.url! }),
      startServeChild({ ...env, DATABASE_URL: proxy.via(db.url!) }),
    ]);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await proxy?.close();
    await db?.close();
  });

  test('connections terminated by the server during traffic: no process exits, no 500', async () => {
    const load = traffic(servers, 15);
    for (let round = 0; round < 5; round++) {
      await new Promise((r) => setTimeout(r, 400));
      await admin(process.env.TEST_DATABASE_URL!, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${db.name}' AND pid <> pg_backend_pid()`);
    }
    await new Promise((r) => setTimeout(r, 500));
    const { answers, failures } = await load.stop();
    assert.deepEqual(failures, []);
    servers.forEach(assertAlive);
    assertNoServerErrors(answers);
    assert.ok(answers.length > 50, `${answers.length} answers`);
    for (const s of servers) await healthy(s);
  });

  test('a connection lost inside a transaction, between two statements: the transaction fails, the process lives, the pool heals', async () => {
    // The window that killed processes under traffic, made certain: pg-pool
    // does not listen to a client it has lent out, and no query is running.
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => void uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      await assert.rejects(db.db.transaction().execute(async (tx) => {
        const pid = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(tx)).rows[0].pid;
        await admin(process.env.TEST_DATABASE_URL!, `SELECT pg_terminate_backend(${pid})`);
        await new Promise((r) => setTimeout(r, 300)); // the connection's end arrives while the client is lent out
        await sql`SELECT 1`.execute(tx);
      }));
      // the broken client was dropped: the next queries get working ones
      for (let i = 0; i < 8; i++) assert.equal((await sql<{ one: number }>`SELECT 1 AS one`.execute(db.db)).rows[0].one, 1);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    assert.deepEqual(uncaught.map(String), []);
  });

  test('connections reset on the wire during traffic: the process lives, answers 503 at worst, recovers', async () => {
    const load = traffic([servers[1]], 20);
    for (let round = 0; round < 5; round++) {
      await new Promise((r) => setTimeout(r, 300));
      proxy.reset();
    }
    const { answers, failures } = await load.stop();
    assert.deepEqual(failures, []);
    assertAlive(servers[1]);
    assertNoServerErrors(answers);
    await healthy(servers[1]);
  });

  test('a frozen link: answers 503 with Retry-After within the timeouts instead of hanging, then recovers', async () => {
    await healthy(servers[1]);
    proxy.freeze();
    try {
      const started = Date.now();
      const answers = await Promise.all(paths(new Date().toISOString().slice(0, 10)).map((p) => ask(servers[1], p)));
      const took = Date.now() - started;
      assertNoServerErrors(answers);
      // what needs the database says so; a page served from memory may still answer
      for (const a of answers.filter((x) => x.path.startsWith('/api/v1/availability') || x.path === '/healthz' || x.path === SESSION_PAGE)) {
        assert.equal(a.status, 503, `${a.path} answered ${a.status} on a frozen link`);
      }
      assert.ok(took < 15_000, `answers took ${took} ms with 2 s timeouts`);
    } finally {
      proxy.thaw();
    }
    proxy.reset(); // the frozen connections are beyond saving
    assertAlive(servers[1]);
    await healthy(servers[1]);
  });

  test('the database renamed away and back: 503 with Retry-After on the API and the pages, then recovery', async () => {
    const away = `${db.name}_away`;
    const rename = async (from: string, to: string) => {
      for (let i = 0; ; i++) {
        try {
          await admin(process.env.TEST_DATABASE_URL!, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${from}'`);
          await admin(process.env.TEST_DATABASE_URL!, `ALTER DATABASE ${from} RENAME TO ${to}`);
          return;
        } catch (e) {
          if (i > 50) throw e; // the servers reconnect between the two statements
        }
      }
    };
    await rename(db.name, away);
    try {
      const answers = (await Promise.all(servers.map((s) => Promise.all(paths(new Date().toISOString().slice(0, 10)).map((p) => ask(s, p)))))).flat();
      servers.forEach(assertAlive);
      assertNoServerErrors(answers);
      // what needs the database says so (a page served from memory may still answer 200)
      const needsDatabase = answers.filter((a) => a.path.startsWith('/api/v1/availability') || a.path === '/healthz' || a.path === SESSION_PAGE);
      assert.ok(needsDatabase.every((a) => a.status === 503), JSON.stringify(needsDatabase));
    } finally {
      await rename(away, db.name);
    }
    for (const s of servers) await healthy(s);
  });
});
