// Without SMTP_URL: the file transport keeps mails on disk and /dev/mail shows
// them; in production that page does not exist.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { buildServer } from '../../src/http/server.ts';
import { createOutboxRelay } from '../../src/jobs/outbox-relay.ts';
import { createFileTransport } from '../../src/mail/file-transport.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';

describe('file transport and /dev/mail', () => {
  let app: TestApp;
  let dir: string;
  before(async () => {
    app = await createTestApp({ kind: 'pglite' });
    dir = mkdtempSync(join(tmpdir(), 'amtszeit-mail-'));
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('mails are written as .eml + JSON, listed newest first, shown with text, sandboxed HTML and the calendar file', async () => {
    const transport = createFileTransport(dir);
    const refs: string[] = [];
    for (const [t, name] of [['09:00', 'Erste <Person>'], ['09:15', 'Zweite Person']]) {
      refs.push((await bookAppointment(app.ctx, {
        office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: `2026-12-01T${t}:00+01:00`,
        contact: { name: name.replace(/[<>]/g, ''), email: `${t.replace(':', '')}@example.org` }, locale: 'de', consent: true,
      })).appointment.reference);
      await sql`UPDATE outbox SET created_at = ${new Date(app.clock.now)}, next_attempt_at = ${new Date(app.clock.now)} WHERE attempts = 0`.execute(app.db.db);
      assert.equal((await createOutboxRelay({ db: app.db.db, transport, now: () => app.clock.now }).runOnce()).sent, 1);
      app.clock.advanceMinutes(1);
    }
    const eml = readFileSync(join(dir, 'outbox-1.eml'), 'utf8');
    assert.match(eml, /^Message-ID: <outbox-1@localhost>/m);
    assert.match(eml, /Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);

    const server = await buildServer({ ctx: app.ctx, devMailDir: dir, mailHealth: () => transport.health() });
    try {
      const list = await server.inject({ url: '/dev/mail' });
      assert.equal(list.statusCode, 200);
      const second = list.body.indexOf(refs[1]);
      const first = list.body.indexOf(refs[0]);
      assert.ok(second > 0 && first > second, 'newest first');
      const one = await server.inject({ url: '/dev/mail/outbox-1' });
      assert.equal(one.statusCode, 200);
      assert.ok(one.body.includes(refs[0]));
      assert.match(one.body, /<iframe sandbox src="\/dev\/mail\/outbox-1\/html"/);
      const html = await server.inject({ url: '/dev/mail/outbox-1/html' });
      assert.match(String(html.headers['content-security-policy']), /^sandbox; default-src 'none'/);
      assert.ok(html.body.includes(refs[0]));
      // the kiosk check-in code, an inline image (cid:) in the mail, is shown in place as a data: URL (the frame's CSP allows no other)
      assert.match(html.body, /<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" width="174" height="174" alt="QR-Code mit Ihrer Buchungsnummer /);
      assert.doesNotMatch(html.body, /cid:/);
      assert.match(one.body, /outbox-1\.2\.png">checkin-[A-Z0-9-]+\.png<\/a> \(image\/png\)/);
      assert.equal((await server.inject({ url: '/dev/mail/outbox-1/files/outbox-1.2.png' })).rawPayload.subarray(1, 4).toString(), 'PNG');
      const ics = await server.inject({ url: '/dev/mail/outbox-1/files/outbox-1.1.ics' });
      assert.equal(ics.statusCode, 200);
      assert.match(ics.body, /DTSTART;TZID=Europe\/Berlin:20261201T090000/);
      assert.equal((await server.inject({ url: '/dev/mail/outbox-1.eml' })).statusCode, 200);
      for (const bad of ['/dev/mail/..%2F..%2Fetc%2Fpasswd', '/dev/mail/outbox-1/files/..%2Findex.json', '/dev/mail/nope']) {
        assert.equal((await server.inject({ url: bad })).statusCode, 404, bad);
      }
      assert.deepEqual((await server.inject({ url: '/healthz' })).json(), { status: 'ok', database: 'ok', mail: { transport: 'file', state: 'ok' } });
    } finally {
      await server.close();
    }
    const prod = await buildServer({ ctx: app.ctx, devMailDir: dir, production: true });
    try {
      assert.equal((await prod.inject({ url: '/dev/mail' })).statusCode, 404);
    } finally {
      await prod.close();
    }
  });
});
