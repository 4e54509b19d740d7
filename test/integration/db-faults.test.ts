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
import { formatReference } from '../../src/app/tokens.ts';
import { createOutboxRelay } from '../../src/jobs/outbox-relay.ts';
import type { MailTransport } from '../../src/mail/transport.ts';
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

/** Start times the servers offer on the first `days` bookable days. */
async function offeredStarts(server: ServeChild, days: number): Promise<string[]> {
  const month = await (await fetch(`${server.url}/api/v1/availability?office=a&services=anmeldung`)).json() as { days: { date: string; status: string }[] };
  const open = month.days.filter((d) => d.status === 'available').slice(0, days);
  const starts: string[] = [];
  for (const d of open) {
    const day = await (await fetch(`${server.url}/api/v1/availability/${d.date}?office=a&services=anmeldung`)).json() as { times: { startsAt: string }[] };
    starts.push(...day.times.map((t) => t.startsAt));
  }
  return starts;
}

/** One booking, retried with the same Idempotency-Key while the answer is 503 (as a city's app would). */
async function book(server: ServeChild, body: object, key: string): Promise<Answer & { reference?: string }> {
  for (let attempt = 0; ; attempt++) {
    const r = await fetch(`${server.url}/api/v1/appointments`, {
      method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(30_000),
      headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': key },
    });
    const answer = await r.json() as { reference?: string };
    if (r.status === 503 && attempt < 10) {
      await new Promise((res) => setTimeout(res, 200));
      continue;
    }
    return { path: '/api/v1/appointments', status: r.status, retryAfter: r.headers.get('retry-after'), reference: r.status === 201 ? answer.reference : undefined };
  }
}

async function waitUntil(check: () => boolean, what: string, withinMs = 60_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
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

  test('a booking rush from two processes while connections are terminated: every 201 is kept, no lane shared, one confirmation each', async () => {
    const offered = await offeredStarts(servers[0], 6);
    assert.ok(offered.length >= 30, `only ${offered.length} start times offered`);
    const created: string[] = [];
    const answers: Answer[] = [];
    const failures: string[] = [];
    let n = 0;
    // about 25 bookings a second over both servers; each start is wanted by about two citizens
    const rush = setInterval(() => {
      for (const s of servers) {
        const i = n++;
        const body = {
          office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: offered[Math.floor(i / 2) % offered.length],
          contact: { name: `Citizen ${i}`, email: `citizen-${i}@example.org` }, consent: true,
        };
        void book(s, body, `rush-${i}`).then(
          (a) => {
            answers.push(a);
            if (a.reference) created.push(a.reference);
          },
          (e: unknown) => void failures.push(e instanceof Error ? e.message : String(e)),
        );
      }
    }, 80);
    for (let round = 0; round < 6; round++) {
      await new Promise((r) => setTimeout(r, 300));
      await admin(process.env.TEST_DATABASE_URL!, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${db.name}' AND pid <> pg_backend_pid()`);
    }
    clearInterval(rush);
    await waitUntil(() => answers.length + failures.length === n, 'every booking answered');
    assert.deepEqual(failures, []);
    servers.forEach(assertAlive);
    assertNoServerErrors(answers);
    assert.ok(created.length >= 20, `only ${created.length} bookings of ${n} got 201`);

    // every 201 is in the database, booked
    const rows = await sql<{ reference: string; status: string; id: string }>`
      SELECT reference, status, id FROM appointments WHERE org_id = ${ORG_ID} AND status <> 'cancelled'`.execute(db.db);
    const stored = new Map(rows.rows.map((r) => [formatReference(r.reference), r]));
    for (const ref of created) assert.equal(stored.get(ref)?.status, 'booked', `${ref} answered 201 but is ${stored.get(ref)?.status ?? 'missing'}`);
    // and nothing else was booked behind a failed answer
    assert.equal(rows.rows.length, created.length, 'bookings in the database without a 201');
    // no two live appointments share a lane at the same time
    const overlaps = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM appointments x JOIN appointments y
        ON x.org_id = y.org_id AND x.office_id = y.office_id AND x.lane = y.lane AND x.id < y.id AND x.period && y.period
      WHERE x.status <> 'cancelled' AND y.status <> 'cancelled'`.execute(db.db);
    assert.equal(overlaps.rows[0].n, 0);

    // one confirmation each: written once, and sent once by a relay
    const mails = await sql<{ appointment_id: string; n: number }>`
      SELECT appointment_id, count(*)::int AS n FROM outbox WHERE org_id = ${ORG_ID} GROUP BY appointment_id`.execute(db.db);
    const perAppointment = new Map(mails.rows.map((r) => [r.appointment_id, r.n]));
    for (const r of rows.rows) assert.equal(perAppointment.get(r.id), 1, `${r.reference}: ${perAppointment.get(r.id) ?? 0} mails written`);
    const sent: string[] = [];
    const recorder: MailTransport = {
      kind: 'file',
      send: async (m) => void sent.push(m.messageId),
      verify: async () => ({ transport: 'file', state: 'ok' }),
      health: () => ({ transport: 'file', state: 'ok' }),
      close: async () => undefined,
    };
    const relay = createOutboxRelay({ db: db.db, transport: recorder });
    await relay.runOnce();
    assert.equal(sent.length, created.length);
    assert.equal(new Set(sent).size, sent.length, 'a confirmation was sent twice');
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
