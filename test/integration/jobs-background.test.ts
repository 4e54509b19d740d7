// Background jobs with a fixed clock against a real database (PGlite;
// PostgreSQL too when TEST_DATABASE_URL is set).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { bookAppointment, type BookInput } from '../../src/app/book-appointment.ts';
import { holdSlot } from '../../src/app/hold-slot.ts';
import { openDatabase } from '../../src/db/connection.ts';
import type { Database } from '../../src/db/schema.ts';
import { holdExpiryJob } from '../../src/jobs/hold-expiry.ts';
import { idempotencyPurgeJob } from '../../src/jobs/idempotency-purge.ts';
import type { JobLogger } from '../../src/jobs/job.ts';
import { remindersJob } from '../../src/jobs/reminders.ts';
import { retentionJob } from '../../src/jobs/retention.ts';
import { createScheduler } from '../../src/jobs/scheduler.ts';
import { BOOKING, office, orgConfig } from '../fixtures/org-config.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { testDatabaseKinds } from '../helpers/database.ts';

const log: JobLogger = { info() {}, warn() {}, error() {} };
const NOW = Date.parse('2026-11-30T08:00:00+01:00'); // Monday
const HOUR = 3600_000;
const DAY = 24 * HOUR;

const config = orgConfig({
  offices: [office('buergeramt', { booking: { ...BOOKING, reminderHours: 24 } }), office('standesamt', { booking: { ...BOOKING, confirmByEmail: true, confirmMinutes: 30, reminderHours: 0 } })],
});

let n = 0;
function input(startsAt: string, over: Partial<BookInput> = {}): BookInput {
  n++;
  return {
    office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt,
    contact: { name: `Person ${n}`, email: `p${n}@example.org`, phone: '0341 123' }, locale: n % 2 ? 'de' : 'en', consent: true, ...over,
  };
}

async function reminders(db: Kysely<Database>) {
  const r = await sql<{ appointment_id: string; recipient: string; locale: string }>`SELECT appointment_id, recipient, locale FROM outbox WHERE kind = 'reminder' ORDER BY id`.execute(db);
  return r.rows;
}

for (const kind of testDatabaseKinds()) {
  describe(`background jobs on ${kind}`, () => {
    let app: TestApp;
    before(async () => { app = await createTestApp({ kind, config, now: NOW }); });
    after(async () => { await app.close(); });

    test('reminders: reminderHours before, once per appointment, none when booked inside the window or with reminderHours 0', async () => {
      const early = await bookAppointment(app.ctx, input('2026-12-02T09:00:00+01:00')); // Wednesday, booked 2 days ahead
      const other = await bookAppointment(app.ctx, input('2026-12-02T10:00:00+01:00'));
      const noReminders = await bookAppointment(app.ctx, input('2026-12-02T09:00:00+01:00', { office: 'standesamt' }));
      assert.equal(noReminders.appointment.status, 'pending');
      // Tuesday 09:00: 24 h before the first
      app.clock.set(Date.parse('2026-12-01T08:59:00+01:00'));
      assert.equal(await remindersJob.run(app.db.db, app.clock.now, log), 0, 'not yet: ' + JSON.stringify((await sql`SELECT office_id, starts_at, created_at, status FROM appointments WHERE reminded_at IS NOT NULL`.execute(app.db.db)).rows));
      app.clock.set(Date.parse('2026-12-01T09:00:00+01:00'));
      assert.equal(await remindersJob.run(app.db.db, app.clock.now, log), 1);
      app.clock.set(Date.parse('2026-12-01T10:30:00+01:00'));
      assert.equal(await remindersJob.run(app.db.db, app.clock.now, log), 1, 'the 10:00 one');
      // booked at 11:30 for tomorrow 11:00, inside the 24-hour window: never reminded
      app.clock.set(Date.parse('2026-12-01T11:30:00+01:00'));
      const late = await bookAppointment(app.ctx, input('2026-12-02T11:00:00+01:00'));
      assert.equal(await remindersJob.run(app.db.db, app.clock.now, log), 0);
      app.clock.set(Date.parse('2026-12-02T08:00:00+01:00'));
      assert.equal(await remindersJob.run(app.db.db, app.clock.now, log), 0, 'each once; none for the late booking');
      const rows = await reminders(app.db.db);
      const ids = await app.db.db.selectFrom('appointments').select(['id', 'reference', 'locale']).execute();
      const idOf = (ref: string) => ids.find((r) => r.reference === ref.replace('-', ''))!.id;
      assert.deepEqual(rows.map((r) => r.appointment_id), [idOf(early.appointment.reference), idOf(other.appointment.reference)]);
      assert.ok(!rows.some((r) => r.appointment_id === idOf(late.appointment.reference)));
      assert.equal(rows[0].recipient, early.appointment.contact.email);
      assert.equal(rows[0].locale, early.appointment.locale);
    });

    test('retention with a fixed clock: personal data kept up to retentionDays after the appointment, erased after; rows stay', async () => {
      app.clock.set(NOW);
      const a = await bookAppointment(app.ctx, input('2026-12-03T09:00:00+01:00'));
      const ref = a.appointment.reference.replace('-', '');
      const row = () => app.db.db.selectFrom('appointments').selectAll().where('reference', '=', ref).executeTakeFirstOrThrow();
      const outboxCount = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM outbox WHERE appointment_id = ${(await row()).id}`.execute(app.db.db)).rows[0].n;
      assert.ok((await outboxCount()) > 0);
      const ends = (await row()).ends_at.getTime();
      // 30 days after the end: still kept
      assert.equal(await retentionJob.run(app.db.db, ends + 30 * DAY, log) >= 0, true);
      let r = await row();
      assert.equal(r.contact_name, a.appointment.contact.name);
      assert.equal(r.anonymized_at, null);
      // a minute later: erased
      const at = ends + 30 * DAY + 60_000;
      assert.ok((await retentionJob.run(app.db.db, at, log)) >= 1);
      r = await row();
      assert.deepEqual(
        [r.contact_name, r.contact_email, r.contact_phone, r.email_key, r.token_hash],
        [null, null, null, null, null],
      );
      assert.equal(r.anonymized_at?.getTime(), at);
      assert.equal(r.status, 'booked');
      assert.equal(r.office_id, 'buergeramt');
      assert.deepEqual(r.services, [{ id: 'anmeldung', quantity: 1 }]);
      assert.equal(await outboxCount(), 0, 'its mails (addresses, links) are gone too');
      // idempotent
      assert.equal(await retentionJob.run(app.db.db, at + DAY, log), 0);
      assert.equal((await row()).anonymized_at?.getTime(), at);
    });

    test('hold and confirmation expiry; idempotency keys forgotten after 24 h', async () => {
      app.clock.set(NOW);
      await app.db.db.deleteFrom('outbox').execute();
      await app.db.db.deleteFrom('appointments').execute();
      await holdSlot(app.ctx, { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-04T09:00:00+01:00' });
      const p = await bookAppointment(app.ctx, input('2026-12-04T10:00:00+01:00', { office: 'standesamt' }));
      const body = input('2026-12-04T11:00:00+01:00');
      await bookAppointment(app.ctx, { ...body, idempotency: { key: 'k-1', body } });
      assert.equal(await holdExpiryJob.run(app.db.db, NOW + 5 * 60_000, log), 0, 'nothing expired yet');
      assert.equal(await holdExpiryJob.run(app.db.db, NOW + 31 * 60_000, log), 2, 'the hold (10 min) and the pending booking (30 min)');
      const pending = await app.db.db.selectFrom('appointments').select(['status', 'cancel_reason']).where('reference', '=', p.appointment.reference.replace('-', '')).executeTakeFirstOrThrow();
      assert.deepEqual(pending, { status: 'cancelled', cancel_reason: 'expired' });
      assert.equal(await app.db.db.selectFrom('appointments').select('id').where('status', '=', 'held').execute().then((r) => r.length), 0);
      assert.equal(await holdExpiryJob.run(app.db.db, NOW + 31 * 60_000, log), 0, 'idempotent');
      assert.equal(await idempotencyPurgeJob.run(app.db.db, NOW + 23 * HOUR, log), 0);
      assert.equal(await idempotencyPurgeJob.run(app.db.db, NOW + 24 * HOUR + 1000, log), 1);
    });

    test('the scheduler runs every job at its clock and keeps going when one fails', async () => {
      let t = NOW;
      const seen: number[] = [];
      const s = createScheduler({
        db: app.db.db, now: () => t, logger: log,
        jobs: [{ name: 'boom', run: async () => { throw new Error('boom'); } }, { name: 'record', run: async (_db, now) => { seen.push(now); return 1; } }],
      });
      assert.deepEqual(await s.runOnce(), { boom: 'error', record: 1 });
      t += 60_000;
      await s.runOnce();
      assert.deepEqual(seen, [NOW, NOW + 60_000]);
    });

    if (kind === 'postgres') {
      test('reminders on several instances at once: each appointment reminded exactly once', async () => {
        app.clock.set(NOW);
        await app.db.db.deleteFrom('outbox').execute();
        for (const t of ['08:00', '08:15', '08:30', '08:45', '09:00', '09:15']) {
          await bookAppointment(app.ctx, input(`2026-12-08T${t}:00+01:00`));
          await bookAppointment(app.ctx, input(`2026-12-08T${t}:00+01:00`));
        }
        const others = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: app.db.url!, poolSize: 2 })));
        try {
          const at = Date.parse('2026-12-07T10:00:00+01:00');
          const counts = await Promise.all([app.db.db, ...others.map((o) => o.db)].map((db) => remindersJob.run(db, at, log)));
          assert.equal(counts.reduce((a, b) => a + b, 0), 12, JSON.stringify(counts));
          const rows = await reminders(app.db.db);
          const dec = rows.filter((r) => r.recipient.startsWith('p'));
          assert.equal(new Set(dec.map((r) => r.appointment_id)).size, dec.length, 'no appointment twice');
        } finally {
          await Promise.all(others.map((o) => o.close()));
        }
      });
    }
  });
}
