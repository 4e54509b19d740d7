// The race: 200 simultaneous bookings of one time at an office whose capacity
// then is K. Exactly K win (201), all others lose cleanly (409
// slot_unavailable with alternatives), nothing answers 5xx, and the database
// holds no overlap on any lane. On PGlite one in-process server; on PostgreSQL
// (TEST_DATABASE_URL) four server processes share one database.
// The server runs on the real clock, so the time raced for is computed from now.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { createAppContext } from '../../src/app/context.ts';
import { importConfig } from '../../src/app/import-config.ts';
import type { Database } from '../../src/db/schema.ts';
import { addDays, localDateOf, toRfc3339, weekdayOf, zonedInstant } from '../../src/domain/time.ts';
import { buildServer } from '../../src/http/server.ts';
import { BOOKING, office, orgConfig } from '../fixtures/org-config.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../helpers/database.ts';
import { parseProblems, startServeChild, type ServeChild } from '../helpers/serve-child.ts';

const K = 3;
const CLIENTS = 200;
const PROCESSES = 4;
const ORG_ID = 'race-org';
const OFFICE = 'buergeramt';
const TZ = 'Europe/Berlin';
const SERVICES = [{ id: 'anmeldung', quantity: 1 }]; // 15 minutes on a 15-minute grid

const config = orgConfig({
  holidays: undefined, // the raced day is open whatever the calendar says
  offices: [
    office(OFFICE, {
      hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '12:00', counters: K, online: K, phone: K }],
      booking: { ...BOOKING, leadMinutes: 5, horizonDays: 30, maxActivePerEmail: 3 },
    }),
  ],
});

/** The first Tuesday or Wednesday at least two days from now, 09:00 in Berlin. */
function raceTime(now = Date.now()): { date: string; start: number; end: number; startsAt: string } {
  const today = localDateOf(now, TZ);
  for (let d = 2; d < 10; d++) {
    const date = addDays(today, d);
    const wd = weekdayOf(date);
    if (wd === 'tue' || wd === 'wed') {
      const start = zonedInstant(date, 9 * 60, TZ);
      return { date, start, end: start + 15 * 60_000, startsAt: toRfc3339(start, TZ) };
    }
  }
  throw new Error('no Tuesday or Wednesday within ten days');
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function post(base: string, path: string, body: unknown): Promise<Answer> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { unparsable: text };
  }
  return { status: res.status, body: parsed };
}

/** Checks the race time is offered at every server before racing (also warms them up). */
async function assertOffered(bases: string[], race: ReturnType<typeof raceTime>): Promise<void> {
  for (const base of bases) {
    const res = await fetch(`${base}/api/v1/availability/${race.date}?office=${OFFICE}&services=anmeldung:1`);
    assert.equal(res.status, 200);
    const day = (await res.json()) as { times: { startsAt: string }[] };
    assert.ok(day.times.some((t) => t.startsAt === race.startsAt), `${race.startsAt} is not offered by ${base}`);
  }
}

/** Fires all bookings at once, spread round-robin over the servers. */
async function race(bases: string[], startsAt: string): Promise<Answer[]> {
  const tag = Math.random().toString(36).slice(2, 8);
  const bodies = Array.from({ length: CLIENTS }, (_, i) => ({
    office: OFFICE,
    services: SERVICES,
    startsAt,
    contact: { name: `Racer ${i}`, email: `racer-${tag}-${i}@example.org` },
    locale: 'de',
    consent: true,
  }));
  return Promise.all(bodies.map((b, i) => post(bases[i % bases.length], '/api/v1/appointments', b)));
}

/** `{ '201': n, '409 slot_unavailable': m, … }` */
function tally(answers: Answer[]): Record<string, number> {
  const t: Record<string, number> = {};
  for (const a of answers) {
    const key = `${a.status} ${String(a.body.error ?? '')}`.trim();
    t[key] = (t[key] ?? 0) + 1;
  }
  return t;
}

async function assertOutcome(db: Kysely<Database>, answers: Answer[], r: ReturnType<typeof raceTime>): Promise<void> {
  const t = tally(answers);
  assert.ok(!answers.some((a) => a.status >= 500), `no 5xx expected, got ${JSON.stringify(t)}`);
  assert.deepEqual(t, { '201': K, '409 slot_unavailable': CLIENTS - K });

  const won = answers.filter((a) => a.status === 201).map((a) => a.body);
  for (const w of won) {
    assert.equal(w.startsAt, r.startsAt);
    assert.equal(w.status, 'booked');
    assert.equal(typeof w.manageToken, 'string');
  }
  assert.equal(new Set(won.map((w) => w.reference)).size, K);

  const lost = answers.filter((a) => a.status === 409).map((a) => a.body);
  const withAlternatives = lost.filter((b) => Array.isArray(b.alternatives));
  assert.equal(withAlternatives.length, CLIENTS - K, 'every 409 carries an alternatives array');
  for (const b of withAlternatives) {
    const alts = b.alternatives as { startsAt: string }[];
    // the rest of the office is empty, so five nearest times always exist, and the taken one is not among them
    assert.equal(alts.length, 5);
    assert.ok(!alts.some((x) => x.startsAt === r.startsAt));
  }

  const overlaps = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM appointments a JOIN appointments b
      ON a.id < b.id AND a.org_id = b.org_id AND a.office_id = b.office_id AND a.lane = b.lane AND a.period && b.period
    WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'`.execute(db);
  assert.equal(overlaps.rows[0].n, 0, 'two live appointments overlap on one lane');
  // Control: the same join without the lane sees the K winners overlapping each other,
  // so the query above would have found an overlap on one lane.
  const acrossLanes = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM appointments a JOIN appointments b
      ON a.id < b.id AND a.org_id = b.org_id AND a.office_id = b.office_id AND a.period && b.period
    WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'`.execute(db);
  assert.equal(acrossLanes.rows[0].n, (K * (K - 1)) / 2);

  const live = await sql<{ lane: number }>`
    SELECT lane FROM appointments
    WHERE org_id = ${ORG_ID} AND office_id = ${OFFICE} AND status <> 'cancelled'
      AND period && tstzrange(${new Date(r.start)}, ${new Date(r.end)}, '[)')
    ORDER BY lane`.execute(db);
  assert.deepEqual(live.rows.map((x) => x.lane), Array.from({ length: K }, (_, i) => i));
  const all = await sql<{ n: number }>`SELECT count(*)::int AS n FROM appointments`.execute(db);
  assert.equal(all.rows[0].n, K, 'nothing else was written (no stray holds or rows)');
}

for (const kind of testDatabaseKinds()) {
  describe(`${CLIENTS} simultaneous bookings on ${kind}`, () => {
    let db: TestDatabase;
    let server: FastifyInstance | undefined;
    let children: ServeChild[] = [];
    const logs: string[] = [];

    before(async () => {
      db = await createTestDatabase(kind);
      await importConfig(db.db, { orgId: ORG_ID, config, now: Date.now(), actor: 'test' });
    });

    after(async () => {
      await Promise.allSettled(children.map((c) => c.stop()));
      await server?.close();
      await db?.close();
    });

    if (kind === 'pglite') {
      test(`one in-process server: exactly ${K} win, the rest get 409 slot_unavailable`, { timeout: 120_000 }, async () => {
        const ctx = createAppContext({ db: db.db, orgId: ORG_ID });
        const sink = new Writable({ write(chunk, _enc, done) { logs.push(String(chunk)); done(); } });
        server = await buildServer({ ctx, rateLimitPerMinute: 0, logger: { level: 'warn', stream: sink } });
        await server.listen({ host: '127.0.0.1', port: 0 });
        const address = server.server.address();
        assert.ok(address && typeof address === 'object');
        const base = `http://127.0.0.1:${address.port}`;

        const r = raceTime();
        await assertOffered([base], r);
        const answers = await race([base], r.startsAt);
        await assertOutcome(db.db, answers, r);
        assert.deepEqual(parseProblems(logs.join('')), [], 'the server logged warnings or errors');
      });
    } else {
      test(`${PROCESSES} server processes on one database: exactly ${K} win, the rest get 409 slot_unavailable`, { timeout: 180_000 }, async () => {
        assert.ok(db.url, 'a PostgreSQL test database has a URL');
        children = await Promise.all(
          Array.from({ length: PROCESSES }, () =>
            // The statement timeout is lifted: on a loaded 2-core CI machine a loser's insert can wait
            // longer than the production default (5 s) for a winner's process to send its COMMIT, and
            // would then honestly answer 503 busy (test/integration/db-faults.test.ts covers that answer).
            // This test is about who wins the race, so every request must reach its decision.
            startServeChild({ DATABASE_URL: db.url, ORG_ID, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn', DB_STATEMENT_TIMEOUT_MS: '60000' }),
          ),
        );
        assert.equal(new Set(children.map((c) => c.pid)).size, PROCESSES);
        const bases = children.map((c) => c.url);

        const r = raceTime();
        await assertOffered(bases, r);
        const answers = await race(bases, r.startsAt);
        await assertOutcome(db.db, answers, r);
        // each process answered its share (requests went round-robin) and logged nothing at warn or above
        for (const c of children) assert.deepEqual(c.problems(), [], `server ${c.pid} logged warnings or errors:\n${c.stderr()}`);
      });
    }
  });
}
