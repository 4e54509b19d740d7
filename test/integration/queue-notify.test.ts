// A call is announced on the NOTIFY channel amtszeit_queue_call when it commits
// (for waiting-room displays on other instances), with numbers and desks only;
// the public last calls carry no personal data. The NOTIFY part needs
// PostgreSQL (TEST_DATABASE_URL); the last calls run on either database.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { getLastCalls } from '../../src/app/queue/get-last-calls.ts';
import { QUEUE_CALL_CHANNEL } from '../../src/db/repositories/queue-ticket-repo.ts';
import { at, queueTestEnv, type QueueTestEnv } from './queue-helpers.ts';

describe('queue calls for displays', () => {
  let env: QueueTestEnv;
  before(async () => { env = await queueTestEnv(); });
  after(async () => { await env.close(); });

  test('the last calls: numbers and desks, newest first, nothing personal; unknown office not found', async () => {
    at(env, '09:40');
    const ref = await env.book('10:00');
    await env.call('POST', `/api/v1/staff/appointments/${ref}/check-in`, 'clerkA');
    await env.call('POST', '/api/v1/staff/queue/a/walk-ins', 'clerkA', { concerns: [{ id: 'anmeldung', quantity: 1 }] });
    at(env, '09:41');
    await env.call('POST', '/api/v1/staff/queue/a/call-next', 'clerkA', { desk: 'platz-1' });
    at(env, '09:42');
    await env.call('POST', '/api/v1/staff/queue/a/call-next', 'clerkA', { desk: 'platz-2' });
    const calls = await getLastCalls(env.app.ctx, { office: 'a' });
    assert.deepEqual(calls.calls.map((c) => `${c.number} ${c.desk?.name}`), ['T001 Platz 2', 'W001 Platz 1']);
    assert.doesNotMatch(JSON.stringify(calls), new RegExp(`${ref}|Bürger 10:00|anmeldung|Anmeldung`));
    await assert.rejects(getLastCalls(env.app.ctx, { office: 'nowhere' }), /not_found/);
  });

  test('a call is announced on the NOTIFY channel when it commits (PostgreSQL)', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL' }, async () => {
    assert.equal(env.app.db.kind, 'postgres');
    const client = new pg.Client({ connectionString: env.app.db.url });
    await client.connect();
    try {
      const heard: unknown[] = [];
      client.on('notification', (n) => { if (n.channel === QUEUE_CALL_CHANNEL) heard.push(JSON.parse(n.payload ?? 'null')); });
      await client.query(`LISTEN ${QUEUE_CALL_CHANNEL}`);
      at(env, '09:50');
      const w = (await env.call('POST', '/api/v1/staff/queue/a/walk-ins', 'clerkA', { concerns: [{ id: 'anmeldung', quantity: 1 }] })).json().number;
      await env.call('POST', '/api/v1/staff/queue/a/call-next', 'clerkA', { desk: 'platz-2' });
      await env.call('POST', `/api/v1/staff/queue/a/tickets/${w}/recall`, 'clerkA');
      for (let i = 0; i < 50 && heard.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      const org = env.app.ctx.orgId;
      assert.deepEqual(heard, [{ org, office: 'a', number: w, desk: 'platz-2' }, { org, office: 'a', number: w, desk: 'platz-2' }]);
    } finally {
      await client.end();
    }
  });
});
