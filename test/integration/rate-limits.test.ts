// Rate limits every instance shares, and a client address that cannot be
// forged: the counters live in the database (table rate_limits), so several
// servers on one database enforce one limit; with TRUST_PROXY the client's
// address is the one the trusted proxy saw (counted from the right of
// X-Forwarded-For), never the left-most entry the client wrote; failed staff
// logins are throttled by that address and by the account.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { createAppContext } from '../../src/app/context.ts';
import { importConfig } from '../../src/app/import-config.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.ts';
import { buildServer, type ServerOptions } from '../../src/http/server.ts';
import { rateLimitPurgeJob } from '../../src/jobs/rate-limit-purge.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { office, orgConfig, service } from '../fixtures/org-config.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../helpers/database.ts';
import { startServeChild, type ServeChild } from '../helpers/serve-child.ts';
import { Client, staffTestEnv, USERS, type StaffTestEnv } from './staff-helpers.ts';

const config = orgConfig({ services: [service('anmeldung', 15, 5)], offices: [office('a', { services: ['anmeldung'] })] });

/** A write that every limited server accepts for counting: an empty hold request (422 unless limited). */
function hold(server: FastifyInstance, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return server.inject({ method: 'POST', url: '/api/v1/holds', payload: {}, headers: { accept: 'application/json', ...headers } });
}

function assertLimited(r: { statusCode: number; headers: Record<string, unknown>; body: string }): void {
  assert.equal(r.statusCode, 429, r.body);
  const retryAfter = Number(r.headers['retry-after']);
  assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${String(r.headers['retry-after'])}`);
}

for (const kind of testDatabaseKinds()) {
  describe(`shared rate limits (${kind})`, () => {
    let app: TestApp;
    const servers: FastifyInstance[] = [];
    const serve = async (opts: Omit<ServerOptions, 'ctx'>) => {
      const s = await buildServer({ ctx: app.ctx, ...opts });
      servers.push(s);
      return s;
    };
    before(async () => { app = await createTestApp({ kind, config }); });
    after(async () => {
      await Promise.all(servers.map((s) => s.close()));
      await app.close();
    });

    test('two servers on one database allow the limit once between them, then 429 with Retry-After', async () => {
      const [one, two] = [await serve({ rateLimitPerMinute: 5 }), await serve({ rateLimitPerMinute: 5 })];
      const answers: LightMyRequestResponse[] = [];
      for (let i = 0; i < 12; i++) answers.push(await hold(i % 2 ? two : one));
      const allowed = answers.filter((r) => r.statusCode !== 429);
      assert.equal(allowed.length, 5, answers.map((r) => r.statusCode).join(' '));
      assert.ok(allowed.every((r) => r.statusCode === 422));
      for (const r of answers.slice(5)) {
        assertLimited(r);
        assert.equal(r.json().error, 'rate_limited');
        assert.match(r.json().message, /Zu viele Anfragen/);
      }
      // the next window gives a fresh budget
      app.clock.advanceMinutes(1);
      assert.equal((await hold(one)).statusCode, 422);
    });

    test('TRUST_PROXY=1: forged left-most X-Forwarded-For entries get no fresh budget; the proxy-seen address counts', async () => {
      const s = await serve({ rateLimitPerMinute: 10, trustProxy: 1 });
      const answers: LightMyRequestResponse[] = [];
      for (let i = 0; i < 15; i++) answers.push(await hold(s, { 'x-forwarded-for': `198.51.100.${i + 1}, 203.0.113.7` }));
      assert.equal(answers.filter((r) => r.statusCode !== 429).length, 10, answers.map((r) => r.statusCode).join(' '));
      for (const r of answers.slice(10)) assertLimited(r);
      // another real client (as the proxy saw it) has its own budget
      assert.equal((await hold(s, { 'x-forwarded-for': '198.51.100.1, 203.0.113.8' })).statusCode, 422);
    });

    test('IPv6 clients are counted per /64: rotating the interface part gives no fresh budget', async () => {
      const s = await serve({ rateLimitPerMinute: 2, trustProxy: 1 });
      const codes: number[] = [];
      for (const addr of ['2001:db8:1:2::1', '2001:db8:1:2::abcd', '2001:db8:1:2:ffff::9']) codes.push((await hold(s, { 'x-forwarded-for': addr })).statusCode);
      assert.deepEqual(codes, [422, 422, 429]);
      assert.equal((await hold(s, { 'x-forwarded-for': '2001:db8:1:3::1' })).statusCode, 422, 'another /64 is another client');
    });

    test('TRUST_PROXY as a list of proxy addresses: the first address from the right that is not a listed proxy counts', async () => {
      const s = await serve({ rateLimitPerMinute: 3, trustProxy: ['127.0.0.1', '10.0.0.0/8'] });
      const answers: LightMyRequestResponse[] = [];
      for (let i = 0; i < 5; i++) answers.push(await hold(s, { 'x-forwarded-for': `198.51.100.${i + 1}, 203.0.113.20, 10.1.2.3` }));
      assert.deepEqual(answers.map((r) => r.statusCode), [422, 422, 422, 429, 429]);
    });

    test('TRUST_PROXY=true keeps working and now means one hop', async () => {
      const s = await serve({ rateLimitPerMinute: 2, trustProxy: true });
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await hold(s, { 'x-forwarded-for': `198.51.100.${i + 1}, 203.0.113.30` })).statusCode);
      assert.deepEqual(codes, [422, 422, 429, 429]);
    });

    test('availability reads have their own limit (RATE_LIMIT_READS_PER_MINUTE), separate from writes', async () => {
      const s = await serve({ rateLimitPerMinute: 2, readRateLimitPerMinute: 3, trustProxy: 1 });
      const ip = { 'x-forwarded-for': '203.0.113.40' };
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await s.inject({ url: '/api/v1/availability?office=a&services=anmeldung', headers: ip })).statusCode);
      assert.deepEqual(codes, [200, 200, 200, 429]);
      assert.equal((await hold(s, ip)).statusCode, 422, 'reads do not use up the write budget');
      // 0 = no read limit
      const open = await serve({ rateLimitPerMinute: 2, readRateLimitPerMinute: 0, trustProxy: 1 });
      for (let i = 0; i < 5; i++) assert.equal((await open.inject({ url: '/api/v1/earliest?services=anmeldung', headers: ip })).statusCode, 200);
    });

    test('the citizen pages answer a limited write with their own 429 page and Retry-After', async () => {
      const s = await serve({ rateLimitPerMinute: 1, trustProxy: 1 });
      const post = () => s.inject({
        method: 'POST', url: '/buchen/anliegen', payload: 'x=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', 'x-forwarded-for': '203.0.113.50' },
      });
      assert.equal((await post()).statusCode, 403); // counted; refused by the CSRF check
      const limited = await post();
      assertLimited(limited);
      assert.match(String(limited.headers['content-type']), /text\/html/);
    });

    test('when the counter cannot be written the request goes on (fail open), never a 500', async () => {
      const logs: string[] = [];
      const sink = new Writable({ write(chunk, _enc, done) { logs.push(String(chunk)); done(); } });
      const s = await serve({ rateLimitPerMinute: 1, trustProxy: 1, logger: { level: 'warn', stream: sink } });
      await sql`ALTER TABLE rate_limits RENAME TO rate_limits_away`.execute(app.ctx.db);
      try {
        for (let i = 0; i < 3; i++) assert.equal((await hold(s, { 'x-forwarded-for': '203.0.113.60' })).statusCode, 422);
      } finally {
        await sql`ALTER TABLE rate_limits_away RENAME TO rate_limits`.execute(app.ctx.db);
      }
      const warnings = logs.filter((l) => l.includes('rate limit counter unavailable'));
      assert.equal(warnings.length, 1, 'one warning, not one per request');
      assert.equal(logs.filter((l) => JSON.parse(l).level >= 50).length, 0, 'no error logged');
    });

    test('the purge job deletes windows that have ended', async () => {
      const s = await serve({ rateLimitPerMinute: 5, trustProxy: 1 });
      await hold(s, { 'x-forwarded-for': '203.0.113.70' });
      const count = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM rate_limits`.execute(app.ctx.db)).rows[0].n);
      assert.ok((await count()) > 0);
      assert.equal(await rateLimitPurgeJob.run(app.ctx.db, app.clock.now, { info() {}, warn() {}, error() {} }), 0, 'the current window stays');
      const removed = await rateLimitPurgeJob.run(app.ctx.db, app.clock.now + 10 * 60_000, { info() {}, warn() {}, error() {} });
      assert.ok(removed > 0);
      assert.equal(await count(), 0);
    });
  });

  describe(`staff login throttle with forged addresses (${kind})`, () => {
    let env: StaffTestEnv;
    before(async () => { env = await staffTestEnv(kind); });
    after(async () => { await env.close(); });

    test('failed logins from one real address are throttled however the left-most X-Forwarded-For entry changes', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 24; i++) {
        const c = new Client(env.server, `192.0.2.${i + 1}, 10.66.0.1`);
        codes.push((await c.login(`nobody${i}@example.org`, 'wrong password!')).statusCode);
      }
      assert.deepEqual(codes.slice(0, 20), Array(20).fill(401));
      assert.deepEqual(codes.slice(20), [429, 429, 429, 429]);
      // even the right password is refused from that address for now; another address logs in
      assert.equal((await new Client(env.server, '192.0.2.99, 10.66.0.1').login(USERS.admin.email)).statusCode, 429);
      assert.equal((await new Client(env.server, '192.0.2.99, 10.66.0.2').login(USERS.admin.email)).statusCode, 303);
      env.app.clock.advanceMinutes(16);
    });

    test('failed logins for one account are throttled whatever address they claim to come from', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await new Client(env.server, `10.67.0.${i + 1}`).login(USERS.lead.email, 'wrong password!')).statusCode);
      assert.deepEqual(codes, [401, 401, 401, 401, 401, 429, 429]);
      env.app.clock.advanceMinutes(16);
    });
  });
}

describe('limiter and an unreachable database', () => {
  let handle: DatabaseHandle;
  let server: FastifyInstance;
  before(async () => {
    handle = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    server = await buildServer({ ctx: createAppContext({ db: handle.db, orgId: 'x' }), rateLimitPerMinute: 5, readRateLimitPerMinute: 5 });
  });
  after(async () => {
    await server.close();
    await handle.close();
  });

  test('limited writes and reads answer 503 busy with Retry-After, not 500', async () => {
    const book = await server.inject({
      method: 'POST', url: '/api/v1/holds', payload: { office: 'a', services: [{ id: 'b' }], startsAt: '2026-12-01T09:00:00+01:00' },
    });
    for (const r of [book, await server.inject({ url: '/api/v1/availability?office=a&services=b' })]) {
      assert.equal(r.statusCode, 503, r.body);
      assert.equal(r.json().error, 'busy');
      assert.ok(Number(r.headers['retry-after']) > 0);
    }
  });
});

const onPostgres = testDatabaseKinds().includes('postgres');

describe('two server processes on one PostgreSQL database', { skip: !onPostgres && 'needs TEST_DATABASE_URL (PostgreSQL): PGlite serves one process' }, () => {
  const ORG_ID = 'limit-org';
  let db: TestDatabase;
  let children: ServeChild[] = [];
  before(async () => {
    db = await createTestDatabase('postgres');
    await importConfig(db.db, { orgId: ORG_ID, config, now: Date.now(), actor: 'test' });
    children = await Promise.all([0, 1].map(() => startServeChild({ DATABASE_URL: db.url!, ORG_ID, RATE_LIMIT_PER_MINUTE: '6' })));
  });
  after(async () => {
    await Promise.all(children.map((c) => c.stop()));
    await db?.close();
  });

  test('RATE_LIMIT_PER_MINUTE=6 on two processes: 6 writes between them, then 429 with Retry-After from both', async () => {
    // fixed one-minute windows: keep the burst inside one of them
    if (Date.now() % 60_000 > 50_000) await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 200));
    const answers: { status: number; retryAfter: string | null; body: { error?: string } }[] = [];
    for (let i = 0; i < 14; i++) {
      const r = await fetch(`${children[i % 2].url}/api/v1/holds`, {
        method: 'POST', body: '{}', headers: { 'content-type': 'application/json', accept: 'application/json' },
      });
      answers.push({ status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.json() as { error?: string } });
    }
    const allowed = answers.filter((a) => a.status !== 429);
    assert.equal(allowed.length, 6, answers.map((a) => a.status).join(' '));
    assert.ok(allowed.every((a) => a.status === 422));
    const limited = answers.slice(6);
    assert.ok(limited.every((a) => a.status === 429 && a.body.error === 'rate_limited' && Number(a.retryAfter) >= 1 && Number(a.retryAfter) <= 60));
    for (const c of children) assert.equal(c.exitCode(), null);
  });
});
