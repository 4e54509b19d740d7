// The waiting-room display (/aufruf/{officeId}, /aufruf/{officeId}/events):
// numbers and desks only (a booked citizen's name, reference and concern never
// appear), 404 for unknown offices, the refresh fallback without JavaScript,
// and the Server-Sent Events stream: the last calls on connect, a new call
// within 1 s (PGlite: the poller; PostgreSQL: LISTEN/NOTIFY, with polling
// turned off so only the notification can deliver it), heartbeats, no
// compression, and server.close() not waiting for open streams. On
// PostgreSQL also across two server processes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { createAppContext } from '../../src/app/context.ts';
import { importConfig } from '../../src/app/import-config.ts';
import { addUser } from '../../src/app/staff/add-user.ts';
import { createApiToken } from '../../src/app/staff/create-api-token.ts';
import { QUEUE_RULE_DEFAULTS } from '../../src/domain/queue-rules.ts';
import { localDateOf } from '../../src/domain/time.ts';
import type { Database } from '../../src/db/schema.ts';
import { QUEUE_CALLS_CHANNEL } from '../../src/db/queue-channel.ts';
import { buildServer } from '../../src/http/server.ts';
import { createTestApp, ORG, type TestApp } from '../fixtures/test-app.ts';
import { office, orgConfig, service } from '../fixtures/org-config.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../helpers/database.ts';
import { startServeChild, type ServeChild } from '../helpers/serve-child.ts';

const DESKS = [{ id: 'platz-1', name: 'Platz 1' }, { id: 'platz-2', name: 'Platz 2' }];
const config = () => orgConfig({
  services: [service('reisepass', 15, 2), service('urkunde', 10, 2)],
  offices: [office('buergeramt', { name: 'Bürgeramt Mitte', services: ['reisepass', 'urkunde'], queue: { desks: DESKS, ...QUEUE_RULE_DEFAULTS } })],
});

/** A ticket straight into the table (the queue's use cases are tested on their own). */
async function insertTicket(db: Kysely<Database>, t: {
  day: string; number: string; seq: number; kind: 'appointment' | 'walk_in'; appointmentId?: string; concerns?: unknown;
  status?: string; calledAt?: Date; desk?: string; at: Date;
}): Promise<string> {
  const r = await db.insertInto('queue_tickets').values({
    org_id: ORG, office_id: 'buergeramt', day: t.day, number: t.number, seq: t.seq, kind: t.kind,
    appointment_id: t.appointmentId ?? null, concerns: JSON.stringify(t.concerns ?? []) as never,
    status: (t.status ?? 'waiting') as never, priority_at: t.at, arrived_at: t.at,
    called_at: t.calledAt ?? null, desk: t.desk ?? null, call_count: t.calledAt ? 1 : 0,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** A call as the queue makes it: the row, and on PostgreSQL the notification (delivered at commit). */
async function callTicket(db: Kysely<Database>, id: string, desk: string, at: Date, notify: boolean): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx.updateTable('queue_tickets').set({ status: 'called', called_at: at, desk, call_count: sql`call_count + 1` })
      .where('id', '=', id).returning(['office_id', 'number']).executeTakeFirstOrThrow();
    if (notify) {
      await sql`SELECT pg_notify(${QUEUE_CALLS_CHANNEL}, ${JSON.stringify({ org: ORG, office: row.office_id, number: row.number, desk })})`.execute(tx);
    }
  });
}

interface SseEvent { event: string; data: string; id?: string; at: number }

/** An open SSE connection: its events as they come, the raw text, and when it ended. */
class SseClient {
  events: SseEvent[] = [];
  raw = '';
  headers: http.IncomingHttpHeaders = {};
  status = 0;
  ended = false;
  private req: http.ClientRequest;
  private waiters: (() => void)[] = [];
  constructor(url: string, headers: Record<string, string> = {}) {
    this.req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      this.status = res.statusCode ?? 0;
      this.headers = res.headers;
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk: string) => {
        this.raw += chunk;
        buf += chunk;
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const e: SseEvent = { event: 'message', data: '', at: Date.now() };
          let has = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const [k, ...v] = line.split(':');
            const value = v.join(':').replace(/^ /, '');
            if (k === 'event') { e.event = value; has = true; }
            if (k === 'data') { e.data += value; has = true; }
            if (k === 'id') e.id = value;
          }
          if (has) this.events.push(e);
        }
        this.wake();
      });
      res.on('end', () => { this.ended = true; this.wake(); });
      res.on('close', () => { this.ended = true; this.wake(); });
    });
    this.req.on('error', () => { this.ended = true; this.wake(); });
  }
  private wake() {
    for (const w of this.waiters.splice(0)) w();
  }
  /** Resolves once `check` holds, or rejects after `ms`. */
  async until(check: () => boolean, ms: number, what: string): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${ms} ms waiting for ${what}; got: ${this.raw.slice(-600)}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.min(left, 50));
        this.waiters.push(() => { clearTimeout(t); r(); });
      });
    }
  }
  calls(): { number: string; desk: string }[][] {
    return this.events.filter((e) => e.event === 'calls').map((e) => JSON.parse(e.data).calls);
  }
  close() { this.req.destroy(); }
}

/** Waits until a process holds a LISTEN connection of the display on this database. */
async function listenerUp(db: Kysely<Database>, count = 1, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const r = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'amtszeit-call-display' AND query ILIKE 'LISTEN%'`.execute(db);
    if (Number(r.rows[0].n) >= count) return;
    if (Date.now() > deadline) throw new Error('the display never LISTENed');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const PRIVATE = ['Erika', 'Mustermann', 'Dienst reisepass', 'Service reisepass', 'Dienst urkunde', 'reisepass', 'urkunde'];

for (const kind of testDatabaseKinds()) {
  describe(`call display (${kind})`, () => {
    let app: TestApp;
    let server: FastifyInstance;
    let base = '';
    let day = '';
    let reference = '';
    let walkInId = '';
    before(async () => {
      app = await createTestApp({ kind, config: config() });
      day = localDateOf(app.clock.now, 'Europe/Berlin');
      server = await buildServer({
        ctx: app.ctx, rateLimitPerMinute: 0,
        // PostgreSQL: no polling to speak of, so only LISTEN/NOTIFY can deliver a call in time
        callDisplay: kind === 'postgres' ? { databaseUrl: app.db.url, pollMs: 60_000, safetyPollMs: 60_000 } : { pollMs: 500 },
      });
      await server.listen({ port: 0, host: '127.0.0.1' });
      const addr = server.server.address();
      base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
      const booked = await bookAppointment(app.ctx, {
        office: 'buergeramt', services: [{ id: 'reisepass', quantity: 1 }], startsAt: '2026-11-30T09:15:00+01:00',
        contact: { name: 'Erika Mustermann', email: 'erika@example.org', phone: '' }, locale: 'de', consent: true,
      });
      reference = booked.appointment.reference;
      const appointmentId = (await app.db.db.selectFrom('appointments').select('id').where('contact_name', '=', 'Erika Mustermann').executeTakeFirstOrThrow()).id;
      const at = new Date(app.clock.now);
      await insertTicket(app.db.db, {
        day, number: 'T001', seq: 1, kind: 'appointment', appointmentId, status: 'called', desk: 'platz-2', calledAt: at, at,
      });
      walkInId = await insertTicket(app.db.db, { day, number: 'W017', seq: 17, kind: 'walk_in', concerns: [{ id: 'urkunde', quantity: 1 }], at });
      // yesterday's calls are not shown
      await insertTicket(app.db.db, { day: '2026-11-27', number: 'W099', seq: 99, kind: 'walk_in', status: 'done', desk: 'platz-1', calledAt: new Date(app.clock.now - 3 * 86400_000), at: new Date(app.clock.now - 3 * 86400_000) });
    });
    after(async () => {
      await server.close();
      await app.close();
    });

    test('the page: office, clock, the calls (numbers and desks), no personal data, the refresh fallback', async () => {
      const r = await fetch(`${base}/aufruf/buergeramt`);
      assert.equal(r.status, 200);
      const html = await r.text();
      assert.match(html, /<html lang="de">/);
      assert.match(html, /Bürgeramt Mitte/);
      assert.match(html, /id="cd-clock">08:00</);
      assert.match(html, /<span class="cd-num">T001<\/span>[\s\S]*<span class="cd-desk">Platz 2<\/span>/);
      assert.match(html, /class="cd-call cd-newest"/);
      assert.doesNotMatch(html, /W017|W099/, 'only called tickets of today');
      assert.match(html, /<noscript><meta http-equiv="refresh" content="10"\/?><\/noscript>/);
      assert.match(html, /<script src="\/static\/call-display\.js\?v=\w+" defer=""?><\/script>/);
      assert.match(html, /Letzte Aufrufe[\s\S]*lang="en">Latest calls/);
      for (const word of [...PRIVATE, reference, reference.replace(/-/g, '')]) assert.ok(!html.includes(word), `the page must not contain ${word}`);
      // the script and style it names are served and allowed by the CSP
      assert.match(r.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      const js = await fetch(`${base}/static/call-display.js`);
      assert.equal(js.status, 200);
      assert.match(js.headers.get('content-type') ?? '', /javascript/);
      assert.equal((await fetch(`${base}/static/call-display.css`)).status, 200);
    });

    test('?lang=en: English first, German under it', async () => {
      const html = await (await fetch(`${base}/aufruf/buergeramt?lang=en`)).text();
      assert.match(html, /<html lang="en">/);
      assert.match(html, /Latest calls[\s\S]*lang="de">Letzte Aufrufe/);
    });

    test('an unknown office: the 404 page, and 404 for its stream', async () => {
      const page = await fetch(`${base}/aufruf/gibt-es-nicht`, { headers: { accept: 'text/html' } });
      assert.equal(page.status, 404);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
      const events = await fetch(`${base}/aufruf/gibt-es-nicht/events`);
      assert.equal(events.status, 404);
      await events.body?.cancel();
    });

    test('the stream: the calls on connect, a new call within 1 s, never personal data, not compressed', async () => {
      const c = new SseClient(`${base}/aufruf/buergeramt/events`, { 'accept-encoding': 'gzip, br' });
      try {
        await c.until(() => c.calls().length >= 1, 5000, 'the first calls');
        assert.equal(c.status, 200);
        assert.match(String(c.headers['content-type']), /^text\/event-stream/);
        assert.equal(c.headers['content-encoding'], undefined);
        assert.equal(c.headers['x-accel-buffering'], 'no');
        assert.equal(c.headers['cache-control'], 'no-store');
        assert.match(c.raw, /^retry: \d+\n\n/);
        assert.deepEqual(c.calls()[0].map((x) => [x.number, x.desk]), [['T001', 'Platz 2']]);
        if (kind === 'postgres') await listenerUp(app.db.db);
        const before = c.calls().length;
        const t0 = Date.now();
        await callTicket(app.db.db, walkInId, 'platz-1', new Date(app.clock.now + 60_000), kind === 'postgres');
        await c.until(() => c.calls().length > before, 1000, 'the new call within 1 s');
        const latency = Date.now() - t0;
        assert.deepEqual(c.calls().at(-1)!.map((x) => [x.number, x.desk]), [['W017', 'Platz 1'], ['T001', 'Platz 2']]);
        assert.ok(latency < 1000, `call to display: ${latency} ms`);
        for (const word of [...PRIVATE, reference]) assert.ok(!c.raw.includes(word), `the stream must not contain ${word}`);
      } finally {
        c.close();
      }
    });
  });
}

describe('call display: heartbeats and shutdown', () => {
  test('heartbeat comments come regularly; server.close() ends open streams and does not hang', async () => {
    const app = await createTestApp({ config: config() });
    const server = await buildServer({ ctx: app.ctx, rateLimitPerMinute: 0, callDisplay: { heartbeatMs: 200 } });
    try {
      await server.listen({ port: 0, host: '127.0.0.1' });
      const addr = server.server.address();
      const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/aufruf/buergeramt/events`;
      const a = new SseClient(url);
      const b = new SseClient(url);
      await a.until(() => (a.raw.match(/^: heartbeat$/gm) ?? []).length >= 2, 3000, 'two heartbeats');
      await b.until(() => b.calls().length >= 1, 3000, 'the calls');
      assert.deepEqual(b.calls()[0], [], 'no calls yet');
      const t0 = Date.now();
      await Promise.race([
        server.close(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('server.close() hung on open streams')), 3000)),
      ]);
      assert.ok(Date.now() - t0 < 3000);
      await a.until(() => a.ended, 2000, 'the stream to end');
      await b.until(() => b.ended, 2000, 'the stream to end');
    } finally {
      server.server.closeAllConnections(); // if the test failed: do not hang here too
      await server.close();
      await app.close();
    }
  });
});

describe('call display across two processes (PostgreSQL)', { skip: process.env.TEST_DATABASE_URL ? false : 'PostgreSQL tests skipped: set TEST_DATABASE_URL' }, () => {
  let db: TestDatabase;
  let a: ServeChild;
  let b: ServeChild;
  let token = '';
  before(async () => {
    db = await createTestDatabase('postgres');
    await importConfig(db.db, { orgId: ORG, config: config(), now: Date.now(), actor: 'test' });
    const ctx = createAppContext({ db: db.db, orgId: ORG });
    await addUser(ctx, { email: 'clerk@example.org', name: 'Clara Clerk', role: 'clerk', offices: ['buergeramt'], password: 'correct horse battery' });
    token = await createApiToken(ctx, { email: 'clerk@example.org', label: 'display test' });
    [a, b] = await Promise.all([
      startServeChild({ DATABASE_URL: db.url, ORG_ID: ORG, LOG_LEVEL: 'warn' }),
      startServeChild({ DATABASE_URL: db.url, ORG_ID: ORG, LOG_LEVEL: 'warn' }),
    ]);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.close();
  });

  test('"call next" through the staff API of process A reaches the displays on A and B within 1 s', async () => {
    const day = localDateOf(Date.now(), 'Europe/Berlin');
    await insertTicket(db.db, { day, number: 'W001', seq: 1, kind: 'walk_in', concerns: [{ id: 'urkunde', quantity: 1 }], at: new Date() });
    const onA = new SseClient(`${a.url}/aufruf/buergeramt/events`);
    const onB = new SseClient(`${b.url}/aufruf/buergeramt/events`);
    try {
      await onA.until(() => onA.calls().length >= 1, 10_000, 'A: the first calls');
      await onB.until(() => onB.calls().length >= 1, 10_000, 'B: the first calls');
      await listenerUp(db.db, 2);
      const t0 = Date.now();
      const called = await fetch(`${a.url}/api/v1/staff/queue/buergeramt/call-next`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ desk: 'platz-2' }),
      });
      assert.equal(called.status, 200, await called.clone().text());
      assert.equal((await called.json() as { ticket: { number: string } }).ticket.number, 'W001');
      await onB.until(() => onB.calls().some((calls) => calls[0]?.number === 'W001'), 1000, 'B: the call within 1 s');
      await onA.until(() => onA.calls().some((calls) => calls[0]?.number === 'W001'), 1000, 'A: the call within 1 s');
      assert.ok(Date.now() - t0 < 1500);
      assert.deepEqual(onB.calls().at(-1), onA.calls().at(-1));
      assert.equal(onB.calls().at(-1)![0].desk, 'Platz 2');
    } finally {
      onA.close();
      onB.close();
    }
    assert.deepEqual([...a.problems(), ...b.problems()].filter((p) => !/LISTEN|wake-up/.test(String(p.msg))), []);
  });
});

describe('call display on the embedded database (one process, no LISTEN)', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let base = '';
  let token = '';
  before(async () => {
    app = await createTestApp({ kind: 'pglite', config: config() });
    await addUser(app.ctx, { email: 'admin@example.org', name: 'Admin', role: 'admin', offices: [], password: 'correct horse battery' });
    token = await createApiToken(app.ctx, { email: 'admin@example.org', label: 'display' });
    // polling a minute apart: only the in-process nudge after the call can deliver it in time
    server = await buildServer({ ctx: app.ctx, rateLimitPerMinute: 0, callDisplay: { pollMs: 60_000 } });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const addr = server.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  after(async () => {
    await server.close();
    await app.close();
  });

  test('"call next" through the staff API reaches the display of the same process within 1 s, not at the next poll', async () => {
    const api = (path: string, body: unknown) => fetch(`${base}${path}`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    const walkIn = await api('/api/v1/staff/queue/buergeramt/walk-ins', { concerns: [{ id: 'urkunde', quantity: 1 }] });
    assert.equal(walkIn.status, 201, await walkIn.text());
    const c = new SseClient(`${base}/aufruf/buergeramt/events`);
    try {
      await c.until(() => c.calls().length >= 1, 5000, 'the first state');
      await new Promise((r) => setTimeout(r, 600)); // past the hub's first poll; the next is a minute away
      const called = await api('/api/v1/staff/queue/buergeramt/call-next', { desk: 'platz-1' });
      assert.equal(called.status, 200, await called.clone().text());
      const number = (await called.json() as { ticket: { number: string } }).ticket.number;
      await c.until(() => c.calls().some((calls) => calls[0]?.number === number), 1000, 'the call within 1 s');
    } finally {
      c.close();
    }
  });
});
