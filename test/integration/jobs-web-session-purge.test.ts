// The web-session purge job removes expired citizen sessions (with any contact data) and keeps live ones.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadWebSession, saveWebSession } from '../../src/db/repositories/web-session-repo.ts';
import { webSessionPurgeJob } from '../../src/jobs/web-session-purge.ts';
import { createTestApp, ORG, type TestApp } from '../fixtures/test-app.ts';

let app: TestApp;
before(async () => { app = await createTestApp(); });
after(async () => { await app.close(); });

test('expired sessions are deleted, live ones stay', async () => {
  const now = app.clock.now;
  await saveWebSession(app.db.db, { orgId: ORG, idHash: 'old', data: { contact: { name: 'X' } }, now: new Date(now - 7200_000), expiresAt: new Date(now - 1) });
  await saveWebSession(app.db.db, { orgId: ORG, idHash: 'live', data: { step: 2 }, now: new Date(now), expiresAt: new Date(now + 3600_000) });
  const log = { info() {}, warn() {}, error() {} };
  assert.equal(await webSessionPurgeJob.run(app.db.db, now, log), 1);
  assert.equal(await webSessionPurgeJob.run(app.db.db, now, log), 0);
  const left = await app.db.db.withTables<{ web_sessions: { id_hash: string } }>().selectFrom('web_sessions').select('id_hash').execute();
  assert.deepEqual(left.map((r) => r.id_hash), ['live']);
  assert.deepEqual(await loadWebSession(app.db.db, { orgId: ORG, idHash: 'live', now: new Date(now) }), { step: 2 });
});
