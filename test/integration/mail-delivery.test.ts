// Mail delivery when things go wrong, against a real SMTP server
// (test/helpers/smtp-catcher.ts) and a real database (PGlite; PostgreSQL too
// when TEST_DATABASE_URL is set):
// - a recipient refused for good (550) fails the row at once, with the
//   address masked in the row and in every log line; staff see it;
// - a temporary refusal (4xx) is retried;
// - after the mail server was away, the mails that waited go out as soon as
//   it answers, not at their next backoff step;
// - the lease is renewed while a slow batch is sent, so no other relay takes it;
// - on PostgreSQL a mail written by one process wakes another's relay at once
//   (LISTEN/NOTIFY), also after the listening connection was killed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { bookAppointment, type BookInput } from '../../src/app/book-appointment.ts';
import type { Database } from '../../src/db/schema.ts';
import { startBackground, type Background } from '../../src/jobs/background.ts';
import { createOutboxRelay, RELAY_DEFAULTS, type RelayLogger, type RelayOptions } from '../../src/jobs/outbox-relay.ts';
import { createSmtpTransport } from '../../src/mail/smtp-transport.ts';
import type { MailTransport } from '../../src/mail/transport.ts';
import { BOOKING, office, orgConfig, service } from '../fixtures/org-config.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { testDatabaseKinds } from '../helpers/database.ts';
import { startCatcher, type Catcher } from '../helpers/smtp-catcher.ts';
import { loggedIn, staffTestEnv } from './staff-helpers.ts';

const NOW = Date.parse('2026-10-19T08:00:00+02:00');
const config = orgConfig({
  services: [service('anmeldung', 15, 5)],
  offices: [office('buergeramt', { booking: { ...BOOKING } })],
});

/** the next free time on Monday 26 October 08:00-12:00 (reset with the tables) */
let slot = 0;
function input(email: string, over: Partial<BookInput> = {}): BookInput {
  const minutes = 8 * 60 + 15 * (slot++ % 16);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return {
    office: 'buergeramt',
    services: [{ id: 'anmeldung', quantity: 1 }],
    startsAt: `2026-10-26T${hh}:${mm}:00+01:00`,
    contact: { name: `Person ${slot}`, email },
    locale: 'de',
    consent: true,
    ...over,
  };
}

/** The rows' times on the test clock (enqueueMail leaves them to the database's now()). */
async function alignOutbox(db: Kysely<Database>, now: number): Promise<void> {
  await sql`UPDATE outbox SET created_at = ${new Date(now)}, next_attempt_at = ${new Date(now)} WHERE status = 'pending' AND attempts = 0`.execute(db);
}

async function outbox(db: Kysely<Database>) {
  const r = await sql<{ id: string; recipient: string; status: string; attempts: number; last_error: string | null; last_error_kind: string | null; next_attempt_at: Date }>`
    SELECT id, recipient, status, attempts, last_error, last_error_kind, next_attempt_at FROM outbox ORDER BY id`.execute(db);
  return r.rows;
}

function captureLog(): { lines: string[]; logger: RelayLogger } {
  const lines: string[] = [];
  const rec = (level: string) => (obj: object, msg?: string) => lines.push(JSON.stringify({ level, ...obj, msg }));
  return { lines, logger: { info: rec('info'), warn: rec('warn'), error: rec('error') } };
}

async function waitFor(what: string, cond: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

for (const kind of testDatabaseKinds()) {
  describe(`mail delivery on ${kind}`, () => {
    let app: TestApp;
    let smtp: Catcher;
    let transport: MailTransport;
    const relay = (over: Partial<RelayOptions> = {}) =>
      createOutboxRelay({ db: app.db.db, transport, now: () => app.clock.now, mailFrom: 'termine@example.org', ...over });

    before(async () => {
      app = await createTestApp({ kind, config, now: NOW });
      smtp = await startCatcher({ refuse: (a) => (a.startsWith('gone.') ? 550 : a.startsWith('busy.') ? 451 : undefined) });
      transport = createSmtpTransport(smtp.url, { timeoutMs: 2000 });
    });
    after(async () => {
      await transport.close();
      await smtp.close();
      await app.close();
    });

    async function reset() {
      await app.db.db.deleteFrom('outbox').execute();
      await app.db.db.deleteFrom('appointments').execute();
      smtp.mails.length = 0;
      app.clock.set(NOW);
      slot = 0;
    }

    test('a 550 for the recipient: failed at once with the address masked, never retried, and no log line holds the address', async () => {
      await reset();
      await bookAppointment(app.ctx, input('gone.erika.mustermann@example.org'));
      await bookAppointment(app.ctx, input('max@example.org'));
      await alignOutbox(app.db.db, app.clock.now);
      const log = captureLog();
      assert.deepEqual(await relay({ logger: log.logger }).runOnce(), { sent: 1, retried: 0, failed: 1, skipped: 0 });
      const [gone, ok] = await outbox(app.db.db);
      assert.equal(ok.status, 'sent');
      assert.equal(gone.status, 'failed');
      assert.equal(gone.last_error_kind, 'rejected');
      assert.equal(gone.attempts, 1);
      assert.match(gone.last_error!, /550/);
      assert.match(gone.last_error!, /g\*\*\*@example\.org/);
      assert.doesNotMatch(gone.last_error!, /erika/);
      const all = log.lines.join('\n');
      assert.match(all, /"level":"warn".*refused by the mail server/);
      assert.doesNotMatch(all, /erika|max@|gone\./, all);
      // a day later: still failed, nothing sent again
      app.clock.advanceMinutes(25 * 60);
      assert.deepEqual(await relay({ logger: log.logger }).runOnce(), { sent: 0, retried: 0, failed: 0, skipped: 0 });
      assert.equal(smtp.mails.length, 1);
    });

    test('a 4xx for the recipient is retried with backoff, masked too', async () => {
      await reset();
      await bookAppointment(app.ctx, input('busy.person@example.org'));
      await alignOutbox(app.db.db, app.clock.now);
      const log = captureLog();
      assert.deepEqual(await relay({ logger: log.logger }).runOnce(), { sent: 0, retried: 1, failed: 0, skipped: 0 });
      const [row] = await outbox(app.db.db);
      assert.equal(row.status, 'pending');
      assert.equal(row.last_error_kind, 'temporary');
      assert.equal(row.next_attempt_at.getTime(), NOW + 30_000);
      assert.match(row.last_error!, /451/);
      assert.doesNotMatch(row.last_error! + log.lines.join('\n'), /busy\.person/);
    });

    test('the mail server goes away and comes back: the mails that waited go out at once, not at their next backoff step', async () => {
      await reset();
      const first = await startCatcher();
      const port = first.port;
      const t = createSmtpTransport(first.url, { timeoutMs: 1000 });
      const log = captureLog();
      const r = createOutboxRelay({ db: app.db.db, transport: t, now: () => app.clock.now, logger: log.logger, pollMs: 50, reverifyMs: 200 });
      let again: Catcher | null = null;
      try {
        await r.start();
        await bookAppointment(app.ctx, input('one@example.org'));
        await alignOutbox(app.db.db, app.clock.now);
        r.kick();
        await waitFor('the first mail', () => first.mails.length === 1);
        await first.close();
        await bookAppointment(app.ctx, input('two@example.org'));
        await bookAppointment(app.ctx, input('three@example.org'));
        await alignOutbox(app.db.db, app.clock.now);
        r.kick();
        await waitFor('both failed once', async () => (await outbox(app.db.db)).filter((x) => x.last_error_kind === 'unreachable').length === 2);
        for (const row of (await outbox(app.db.db)).filter((x) => x.status === 'pending')) {
          assert.ok(row.next_attempt_at.getTime() >= NOW + 30_000, 'waiting for the backoff');
        }
        assert.equal(r.health().state, 'unreachable');
        // the server is back; the test clock stands still, so only the recovery can make them due
        again = await startCatcher({ port });
        await waitFor('the two waiting mails', () => again!.mails.length === 2);
        assert.equal(r.health().state, 'ok');
        await waitFor('all marked sent', async () => (await outbox(app.db.db)).every((x) => x.status === 'sent'));
        assert.match(log.lines.join('\n'), /reachable again/);
      } finally {
        await r.stop();
        await t.close();
        await first.close();
        await again?.close();
      }
    });

    test('a killed relay\'s mails go out after a short lease; the lease is renewed while a slow batch is sent', async () => {
      await reset();
      assert.ok(RELAY_DEFAULTS.leaseMs <= 30_000, `lease ${RELAY_DEFAULTS.leaseMs} ms`);
      await bookAppointment(app.ctx, input('slow@example.org'));
      await alignOutbox(app.db.db, app.clock.now);
      let release!: () => void;
      let started = false;
      const slow: MailTransport = {
        ...transport,
        kind: 'smtp',
        send: async (m) => {
          started = true;
          await new Promise<void>((r) => (release = r));
          await transport.send(m);
        },
      };
      const a = relay({ transport: slow, renewMs: 20 });
      const running = a.runOnce();
      await waitFor('the send started', () => started);
      // 20 s later (the lease is 30 s) the relay is still sending: it renews its lease
      app.clock.advanceMinutes(20 / 60);
      await waitFor('the lease renewed', async () => (await outbox(app.db.db))[0].next_attempt_at.getTime() === app.clock.now + RELAY_DEFAULTS.leaseMs);
      // past the first lease: another relay finds nothing due
      app.clock.advanceMinutes(20 / 60);
      assert.equal((await relay().runOnce()).sent, 0);
      release();
      assert.equal((await running).sent, 1);
      assert.equal(smtp.mails.length, 1);

      // killed while sending (the send never ends, nothing renews): due again after 30 s
      await bookAppointment(app.ctx, input('killed@example.org'));
      await alignOutbox(app.db.db, app.clock.now);
      const dead: MailTransport = { ...transport, kind: 'smtp', send: () => new Promise<void>(() => {}) };
      const killed = relay({ transport: dead, renewMs: 600_000 });
      void killed.runOnce();
      await waitFor('claimed', async () => (await outbox(app.db.db))[1].attempts === 1);
      app.clock.advanceMinutes(31 / 60);
      assert.equal((await relay().runOnce()).sent, 1);
      assert.equal(smtp.mails.length, 2);
    });

    if (kind === 'postgres') {
      test('another process\'s booking wakes the relay at once (LISTEN/NOTIFY), also after the listening connection was killed', async () => {
        await reset();
        const env = {
          DATABASE_URL: app.db.url!, SMTP_URL: smtp.url, MAIL_FROM: 'termine@example.org', MAIL_DIR: undefined, DATA_DIR: 'memory',
          JOBS: false, MAIL_POLL_MS: 60_000, MAIL_RECHECK_MS: 60_000,
        };
        const silent = { info() {}, warn() {}, error() {} };
        // the sender: a web process without relay (RELAY=off); the receiver polls once a minute only.
        // Both on the real clock: the rows are due at the database's now().
        let sender: Background | null = null;
        let receiver: Background | null = null;
        try {
          sender = await startBackground({ db: app.db.db, env: { ...env, RELAY: false }, logger: silent });
          receiver = await startBackground({ db: app.db.db, env: { ...env, RELAY: true }, logger: silent });
          const listeners = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'amtszeit-wakeup' AND datname = current_database()`.execute(app.db.db)).rows[0].n;
          await waitFor('both connected', async () => (await listeners()) === 2);
          await new Promise((r) => setTimeout(r, 1500)); // past the receiver's first poll
          await bookAppointment(app.ctx, input('woken@example.org'));
          sender.kick();
          await waitFor('the mail, without a poll', () => smtp.mails.length === 1, 10_000);

          await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'amtszeit-wakeup' AND datname = current_database()`.execute(app.db.db);
          await waitFor('both connected again', async () => (await listeners()) === 2);
          await new Promise((r) => setTimeout(r, 300)); // the catch-up wake-up after reconnecting has run
          await bookAppointment(app.ctx, input('again@example.org'));
          sender.kick();
          await waitFor('the second mail, without a poll', () => smtp.mails.length === 2, 10_000);
        } finally {
          await sender?.stop();
          await receiver?.stop();
        }
      });
    }
  });
}

describe('staff see undelivered mails', () => {
  test('the appointment page says the confirmation could not be delivered because the address was rejected', async () => {
    const env = await staffTestEnv();
    const smtp = await startCatcher({ refuse: (a) => (a.startsWith('gone.') ? 550 : undefined) });
    const t = createSmtpTransport(smtp.url, { timeoutMs: 2000 });
    try {
      const booked = await bookAppointment(env.app.ctx, {
        office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-02T10:00:00+01:00',
        contact: { name: 'Erika Mustermann', email: 'gone.erika@example.org' }, locale: 'de', consent: true,
      });
      const ref = booked.appointment.reference;
      const clerk = await loggedIn(env.server, 'clerkA');
      assert.doesNotMatch((await clerk.get(`/staff/termin/${ref}`)).body, /nicht zugestellt/);
      await sql`UPDATE outbox SET next_attempt_at = ${new Date(env.app.clock.now)}, created_at = ${new Date(env.app.clock.now)}`.execute(env.app.db.db);
      const run = await createOutboxRelay({ db: env.app.db.db, transport: t, now: () => env.app.clock.now }).runOnce();
      assert.equal(run.failed, 1);
      const page = await clerk.get(`/staff/termin/${ref}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Bestätigung konnte nicht zugestellt werden: Adresse abgelehnt/);
      assert.match((await clerk.get(`/staff/termin/${ref}?lang=en`)).body, /Confirmation could not be delivered: address rejected/);
    } finally {
      await t.close();
      await smtp.close();
      await env.close();
    }
  });
});
