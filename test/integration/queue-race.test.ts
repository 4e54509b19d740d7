// "Call next" pressed at the same moment: 20 simultaneous calls over 10 waiting
// walk-ins — each ticket is called exactly once, the other 10 calls answer
// "nobody waiting" (ticket: null), nothing answers 5xx. On PostgreSQL
// (TEST_DATABASE_URL) two server processes share the database (FOR UPDATE SKIP
// LOCKED across instances); on PGlite (one connection) one in-process server,
// the calls then taking turns. The servers run on the real clock, so the
// tickets are made for today.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createAppContext, type AppContext } from '../../src/app/context.ts';
import { importConfig } from '../../src/app/import-config.ts';
import { addUser } from '../../src/app/staff/add-user.ts';
import { createApiToken } from '../../src/app/staff/create-api-token.ts';
import { createWalkIn } from '../../src/app/queue/create-walk-in.ts';
import { buildServer } from '../../src/http/server.ts';
import { office, orgConfig } from '../fixtures/org-config.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../helpers/database.ts';
import { startServeChild, type ServeChild } from '../helpers/serve-child.ts';
import { QUEUE_A } from './queue-helpers.ts';

const ORG_ID = 'queue-race-org';
const WAITING = 10;
const CALLS = 20;
const config = orgConfig({ offices: [office('a', { queue: QUEUE_A })] });

interface Answer { status: number; body: { ticket?: { number: string; id: string } | null; [k: string]: unknown } }

async function callNext(base: string, token: string, desk: string): Promise<Answer> {
  const res = await fetch(`${base}/api/v1/staff/queue/a/call-next`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ desk }),
  });
  const text = await res.text();
  try { return { status: res.status, body: JSON.parse(text) }; } catch { return { status: res.status, body: { unparsable: text } }; }
}

for (const kind of testDatabaseKinds()) {
  describe(`${CALLS} simultaneous "call next" over ${WAITING} waiting on ${kind}`, () => {
    let db: TestDatabase;
    let ctx: AppContext;
    let token = '';
    let server: FastifyInstance | undefined;
    let children: ServeChild[] = [];

    before(async () => {
      db = await createTestDatabase(kind);
      await importConfig(db.db, { orgId: ORG_ID, config, now: Date.now(), actor: 'test' });
      ctx = createAppContext({ db: db.db, orgId: ORG_ID });
      await addUser(ctx, { email: 'clerk@example.org', name: 'Clerk', role: 'clerk', offices: ['a'], password: 'correct horse battery' });
      token = await createApiToken(ctx, { email: 'clerk@example.org', label: 'race' });
    });
    after(async () => {
      await Promise.allSettled(children.map((c) => c.stop()));
      await server?.close();
      await db?.close();
    });

    test('each waiting citizen is called exactly once; the other calls answer nobody waiting', { timeout: 180_000 }, async () => {
      const user = { id: '00000000-0000-0000-0000-000000000000', email: 'x', name: 'x', role: 'admin' as const, offices: [] };
      for (let i = 0; i < WAITING; i++) await createWalkIn(ctx, user, { office: 'a', concerns: [{ id: 'anmeldung', quantity: 1 }], locale: 'de' });

      let bases: string[];
      if (kind === 'postgres') {
        assert.ok(db.url);
        children = await Promise.all([0, 1].map(() =>
          startServeChild({ DATABASE_URL: db.url, ORG_ID, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn', DB_STATEMENT_TIMEOUT_MS: '60000' })));
        bases = children.map((c) => c.url);
      } else {
        server = await buildServer({ ctx, rateLimitPerMinute: 0 });
        await server.listen({ host: '127.0.0.1', port: 0 });
        const address = server.server.address();
        assert.ok(address && typeof address === 'object');
        bases = [`http://127.0.0.1:${address.port}`];
      }
      const answers = await Promise.all(Array.from({ length: CALLS }, (_, i) =>
        callNext(bases[i % bases.length]!, token, QUEUE_A.desks[i % 2]!.id)));

      assert.ok(answers.every((a) => a.status === 200), JSON.stringify(answers.filter((a) => a.status !== 200)));
      const called = answers.filter((a) => a.body.ticket).map((a) => a.body.ticket!.number);
      assert.equal(called.length, WAITING, `called: ${called.join(', ')}`);
      assert.deepEqual([...called].sort(), Array.from({ length: WAITING }, (_, i) => `W${String(i + 1).padStart(3, '0')}`), 'each ticket once');
      assert.equal(answers.filter((a) => a.body.ticket === null).length, CALLS - WAITING);
      const rows = await db.db.selectFrom('queue_tickets').select(['number', 'status', 'call_count', 'desk']).execute();
      assert.equal(rows.length, WAITING);
      assert.ok(rows.every((r) => r.status === 'called' && r.call_count === 1 && r.desk), JSON.stringify(rows));
      for (const c of children) assert.equal(c.problems().filter((p) => p.level >= 50).length, 0, c.stderr());
    });
  });
}
