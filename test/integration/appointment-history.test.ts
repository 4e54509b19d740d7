// Every change to an appointment writes one history entry (audit_log,
// `appointment.*`) in its own transaction: who (staff user by id, the citizen,
// the system), when, the appointment and office, the kind of change, old and new
// time and status, and the reason; no contact data. Each path: the citizen's
// booking, confirmation, move and cancellation; staff booking for a caller,
// moving, cancelling, the counter; closures and blocks (moved, cancelled, kept
// as a conflict, another desk); settings; expiry; the retention job. And
// migration 008 fills in the entries written before it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookAppointment, type BookInput } from '../../src/app/book-appointment.ts';
import { cancelAppointment } from '../../src/app/cancel-appointment.ts';
import { confirmAppointment } from '../../src/app/confirm-appointment.ts';
import { importConfig } from '../../src/app/import-config.ts';
import { rescheduleAppointment } from '../../src/app/reschedule-appointment.ts';
import type { StaffUser } from '../../src/app/staff/access.ts';
import { blockTime } from '../../src/app/staff/block-time.ts';
import { bookForCaller } from '../../src/app/staff/book-for-caller.ts';
import { cancelOnBehalf } from '../../src/app/staff/cancel-on-behalf.ts';
import { closeOffice } from '../../src/app/staff/close-office.ts';
import { listAppointmentHistory } from '../../src/app/staff/list-appointment-history.ts';
import { moveOnBehalf } from '../../src/app/staff/move-on-behalf.ts';
import { recordAttendance } from '../../src/app/staff/record-attendance.ts';
import { listPlans } from '../../src/app/staff/list-plans.ts';
import { removePlan } from '../../src/app/staff/remove-plan.ts';
import { isDomainError } from '../../src/domain/errors.ts';
import { holdExpiryJob } from '../../src/jobs/hold-expiry.ts';
import type { JobLogger } from '../../src/jobs/job.ts';
import { retentionJob } from '../../src/jobs/retention.ts';
import { BOOKING, office, orgConfig, service } from '../fixtures/org-config.ts';
import { createTestApp, ORG, type TestApp } from '../fixtures/test-app.ts';
import { createTestDatabase, testDatabaseKinds } from '../helpers/database.ts';
import { addUser } from '../../src/app/staff/add-user.ts';
import { MIGRATIONS } from '../../src/db/migrate.ts';
import { sql, type Kysely } from 'kysely';

const log: JobLogger = { info() {}, warn() {}, error() {} };
const NOW = Date.parse('2026-11-30T08:00:00+01:00'); // Monday

const config = orgConfig({
  services: [service('anmeldung', 15, 5)],
  offices: [
    office('a', { name: 'Bürgeramt A', hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '12:00', counters: 3, online: 3, phone: 3 }] }),
    office('b', { name: 'Bürgeramt B', booking: { ...BOOKING, confirmByEmail: true, confirmMinutes: 30 } }),
  ],
});

interface Entry { actor: string; actor_user_id: string | null; action: string; appointment_id: string | null; office_id: string | null; details: Record<string, unknown>; at: Date }

for (const kind of testDatabaseKinds()) {
  describe(`appointment history on ${kind}`, () => {
    let app: TestApp;
    let clerk: StaffUser;
    let lead: StaffUser;
    let clerkB: StaffUser;
    let n = 0;
    before(async () => {
      app = await createTestApp({ kind, config, now: NOW });
      clerk = await addUser(app.ctx, { email: 'clara@example.org', name: 'Clara Clerk', role: 'clerk', offices: ['a'], password: 'correct horse battery' });
      lead = await addUser(app.ctx, { email: 'lena@example.org', name: 'Lena Lead', role: 'lead', offices: ['a'], password: 'correct horse battery' });
      clerkB = await addUser(app.ctx, { email: 'bert@example.org', name: 'Bert B', role: 'clerk', offices: ['b'], password: 'correct horse battery' });
    });
    after(async () => { await app.close(); });

    const input = (startsAt: string, over: Partial<BookInput> = {}): BookInput => {
      n++;
      return {
        office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt,
        contact: { name: `Person ${n}`, email: `person${n}@example.org`, phone: '0341 1' }, locale: 'de', consent: true, ...over,
      };
    };
    const idOf = async (ref: string) =>
      (await app.db.db.selectFrom('appointments').select('id').where('reference', '=', ref.replace('-', '')).executeTakeFirstOrThrow()).id;
    const entries = async (ref: string): Promise<Entry[]> => {
      const id = await idOf(ref);
      const rows = await app.db.db.selectFrom('audit_log')
        .select(['actor', 'actor_user_id', 'action', 'appointment_id', 'office_id', 'details', 'at'])
        .where('appointment_id', '=', id).orderBy('id').execute();
      return rows as unknown as Entry[];
    };
    const noContactData = (es: Entry[]) => {
      const text = JSON.stringify(es);
      assert.doesNotMatch(text, /@example\.org/, 'no e-mail address in the history');
      assert.doesNotMatch(text, /Person \d/, 'no name in the history');
      assert.doesNotMatch(text, /0341/, 'no phone number in the history');
    };

    test('the citizen: booking online, moving and cancelling with the manage link', async () => {
      app.clock.set(NOW);
      const booked = await bookAppointment(app.ctx, input('2026-12-02T09:00:00+01:00'));
      const ref = booked.appointment.reference;
      const id = await idOf(ref);
      app.clock.set(NOW + 60_000);
      await rescheduleAppointment(app.ctx, { reference: ref, token: booked.manageToken, startsAt: '2026-12-03T10:15:00+01:00' });
      app.clock.set(NOW + 120_000);
      // a refused change writes nothing: a wrong token, then a time that does not exist
      await assert.rejects(cancelAppointment(app.ctx, { reference: ref, token: 'wrong' }));
      await assert.rejects(rescheduleAppointment(app.ctx, { reference: ref, token: booked.manageToken, startsAt: '2026-12-03T10:07:00+01:00' }));
      await cancelAppointment(app.ctx, { reference: ref, token: booked.manageToken });
      await cancelAppointment(app.ctx, { reference: ref, token: booked.manageToken }); // again: nothing changes, nothing written
      const es = await entries(ref);
      assert.deepEqual(es.map((e) => e.action), ['appointment.book', 'appointment.move', 'appointment.cancel']);
      for (const e of es) {
        assert.equal(e.actor, 'citizen');
        assert.equal(e.actor_user_id, null);
        assert.equal(e.appointment_id, id);
        assert.equal(e.office_id, 'a');
        assert.equal(e.details.reference, ref);
      }
      assert.deepEqual(es[0].details, { reference: ref, channel: 'online', toStart: '2026-12-02T08:00:00.000Z', toStatus: 'booked' });
      assert.deepEqual(es[1].details, { reference: ref, fromStart: '2026-12-02T08:00:00.000Z', toStart: '2026-12-03T09:15:00.000Z' });
      assert.deepEqual(es[2].details, { reference: ref, fromStatus: 'booked', toStatus: 'cancelled' });
      assert.deepEqual(es.map((e) => e.at.getTime()), [NOW, NOW + 60_000, NOW + 120_000], 'when: the application\'s clock');
      noContactData(es);
    });

    test('confirmation by e-mail link, and expiry of an unconfirmed booking (by the system)', async () => {
      app.clock.set(NOW);
      const pending = await bookAppointment(app.ctx, input('2026-12-02T09:00:00+01:00', { office: 'b' }));
      const lapsing = await bookAppointment(app.ctx, input('2026-12-02T09:30:00+01:00', { office: 'b' }));
      assert.equal(pending.appointment.status, 'pending');
      await confirmAppointment(app.ctx, { reference: pending.appointment.reference, token: pending.manageToken });
      const confirmed = await entries(pending.appointment.reference);
      assert.deepEqual(confirmed.map((e) => [e.action, e.actor, e.details.fromStatus, e.details.toStatus]), [
        ['appointment.book', 'citizen', undefined, 'pending'], ['appointment.confirm', 'citizen', 'pending', 'booked'],
      ]);
      app.clock.set(NOW + 31 * 60_000);
      assert.ok((await holdExpiryJob.run(app.db.db, app.clock.now, log)) >= 1);
      const lapsed = await entries(lapsing.appointment.reference);
      assert.deepEqual(lapsed.map((e) => [e.action, e.actor, e.office_id, e.details.fromStatus, e.details.toStatus]), [
        ['appointment.book', 'citizen', 'b', undefined, 'pending'], ['appointment.expire', 'system', 'b', 'pending', 'cancelled'],
      ]);
      assert.equal(lapsed[1].details.reference, lapsing.appointment.reference);
      assert.equal(await holdExpiryJob.run(app.db.db, app.clock.now, log), 0);
      assert.equal((await entries(lapsing.appointment.reference)).length, 2, 'once');
    });

    test('staff: booking for a caller, moving with a reason, the counter, cancelling with the typed reason', async () => {
      app.clock.set(NOW);
      const a = await bookForCaller(app.ctx, clerk, {
        office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-11-30T10:00:00+01:00', channel: 'phone',
        contact: { name: 'Anrufer Eins', email: '', phone: '0341 999' }, locale: 'de',
      });
      await moveOnBehalf(app.ctx, clerk, { reference: a.reference, startsAt: '2026-11-30T11:00:00+01:00', reason: 'Bürger hat angerufen', locale: 'de' });
      await recordAttendance(app.ctx, clerk, { reference: a.reference, status: 'checked_in', locale: 'de' });
      await recordAttendance(app.ctx, clerk, { reference: a.reference, status: 'checked_in', locale: 'de' }); // no change, no entry
      await recordAttendance(app.ctx, clerk, { reference: a.reference, status: 'booked', locale: 'de' });
      await assert.rejects(cancelOnBehalf(app.ctx, clerk, { reference: a.reference, reason: '  ', locale: 'de' }), (e) => isDomainError(e) && e.code === 'validation');
      await assert.rejects(cancelOnBehalf(app.ctx, clerkB, { reference: a.reference, reason: 'fremd', locale: 'de' }), (e) => isDomainError(e) && e.code === 'not_found');
      await cancelOnBehalf(app.ctx, clerk, { reference: a.reference, reason: 'Termin doppelt vergeben', locale: 'de' });
      const es = await entries(a.reference);
      assert.deepEqual(es.map((e) => e.action), [
        'appointment.book', 'appointment.move', 'appointment.attendance', 'appointment.attendance_undo', 'appointment.cancel',
      ]);
      for (const e of es) {
        assert.equal(e.actor, 'staff');
        assert.equal(e.actor_user_id, clerk.id);
        assert.equal(e.office_id, 'a');
      }
      assert.deepEqual(es[0].details, { reference: a.reference, channel: 'phone', toStart: '2026-11-30T09:00:00.000Z', toStatus: 'booked' });
      assert.deepEqual(es[1].details, { reference: a.reference, fromStart: '2026-11-30T09:00:00.000Z', toStart: '2026-11-30T10:00:00.000Z', reason: 'Bürger hat angerufen' });
      assert.deepEqual(es[2].details, { reference: a.reference, fromStatus: 'booked', toStatus: 'checked_in' });
      assert.deepEqual(es[3].details, { reference: a.reference, fromStatus: 'checked_in', toStatus: 'booked' });
      assert.deepEqual(es[4].details, { reference: a.reference, fromStatus: 'booked', toStatus: 'cancelled', reason: 'Termin doppelt vergeben' });
      assert.doesNotMatch(JSON.stringify(es), /clara@example\.org|Anrufer|0341/, 'neither the staff e-mail nor contact data');

      // read back for the appointment page: oldest first, the staff member by name; another office's clerk sees nothing
      const history = await listAppointmentHistory(app.ctx, clerk, { reference: a.reference });
      assert.deepEqual(history.entries.map((h) => h.action), es.map((e) => e.action));
      assert.deepEqual(history.entries[1]!.who, { kind: 'staff', name: 'Clara Clerk' });
      assert.equal(history.entries[1]!.change.reason, 'Bürger hat angerufen');
      assert.equal(history.timezone, 'Europe/Berlin');
      await assert.rejects(listAppointmentHistory(app.ctx, clerkB, { reference: a.reference }), (e) => isDomainError(e) && e.code === 'not_found');
    });

    test('a block: another desk at the same time, moved and cancelled with the reason, kept as a conflict; removed again', async () => {
      app.clock.set(NOW);
      const day = '2026-12-04'; // Friday
      const book = async (time: string) => (await bookAppointment(app.ctx, input(`${day}T${time}:00+01:00`))).appointment.reference;
      // lanes 0, 1, 2 at 09:00; lane 1 freed, so blocking one counter moves lane 2 to lane 1
      const [r0, r1, r2] = [await book('09:00'), await book('09:00'), await book('09:00')];
      await cancelOnBehalf(app.ctx, lead, { reference: r1, reason: 'Platz schaffen', locale: 'de' });
      const relane = await blockTime(app.ctx, lead, {
        office: 'a', from: day, to: day, fromTime: '09:00', toTime: '10:00', counters: '1', reason: 'Kollegin krank', locale: 'de', apply: true, choices: new Map(),
      });
      assert.equal(relane.applied && relane.result.relaned, 1);
      const moved = (await entries(r2)).at(-1)!;
      assert.equal(moved.action, 'appointment.relane');
      assert.equal(moved.actor_user_id, lead.id);
      assert.deepEqual(moved.details, { reference: r2, fromLane: 2, toLane: 1, cause: 'block.add', reason: 'Kollegin krank' });
      assert.deepEqual((await entries(r0)).map((e) => e.action), ['appointment.book'], 'lane 0 stays: nothing recorded');

      // closing 09:00-10:00 strands both: r0 moved, r2 kept
      const preview = await closeOffice(app.ctx, lead, { office: 'a', from: day, to: day, fromTime: '09:00', toTime: '10:00', reason: 'Wasserschaden', locale: 'de', apply: false });
      assert.ok(!preview.applied);
      const suggested = preview.preview.affected.find((x) => x.reference === r0)!.suggested!;
      const closed = await closeOffice(app.ctx, lead, {
        office: 'a', from: day, to: day, fromTime: '09:00', toTime: '10:00', reason: 'Wasserschaden', locale: 'de', apply: true,
        choices: new Map([[r0, { choice: 'move' as const, startsAt: suggested.startsAt }], [r2, { choice: 'keep' as const }]]),
      });
      assert.ok(closed.applied);
      const e0 = (await entries(r0)).at(-1)!;
      assert.equal(e0.action, 'appointment.move');
      assert.equal(e0.actor_user_id, lead.id);
      assert.deepEqual(e0.details, {
        reference: r0, fromStart: '2026-12-04T08:00:00.000Z', toStart: new Date(suggested.startsAt).toISOString(), reason: 'Wasserschaden', cause: 'closure.add',
      });
      assert.deepEqual((await entries(r0)).map((e) => e.action), ['appointment.book', 'appointment.move'],
        'moved at once by the clerk\'s choice: never "kept as a conflict" in between');
      const e2 = (await entries(r2)).at(-1)!;
      assert.equal(e2.action, 'appointment.conflict');
      assert.deepEqual(e2.details, { reference: r2, conflict: 'outside_hours', cause: 'closure.add', reason: 'Wasserschaden' });

      // removing the closure: the conflict fits again
      const { closures } = await listPlans(app.ctx, lead, { office: 'a', locale: 'de' });
      await removePlan(app.ctx, lead, { office: 'a', kind: 'closure', key: closures[0]!.key, locale: 'de' });
      assert.equal((await entries(r2)).filter((e) => e.action === 'appointment.conflict').length, 1, 'marked once');
      const cleared = (await entries(r2)).at(-1)!;
      assert.equal(cleared.action, 'appointment.conflict_cleared');
      assert.equal(cleared.details.cause, 'closure.remove');
      noContactData([...(await entries(r0)), ...(await entries(r2))]);
    });

    test('a settings change (through the import) that keeps a conflict, by the system for a CLI import', async () => {
      app.clock.set(NOW);
      const ref = (await bookAppointment(app.ctx, input('2026-12-07T11:30:00+01:00'))).appointment.reference;
      const next = structuredClone((await app.ctx.catalog()).config);
      next.offices[0]!.hours = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '11:00', counters: 3, online: 3, phone: 3 }];
      const r = await importConfig(app.db.db, { orgId: ORG, config: next, now: app.clock.now, keepConflicts: true });
      assert.ok(r.applied);
      app.ctx.invalidateCatalog();
      const e = (await entries(ref)).at(-1)!;
      assert.deepEqual([e.action, e.actor, e.actor_user_id, e.office_id], ['appointment.conflict', 'system', null, 'a']);
      assert.deepEqual(e.details, { reference: ref, conflict: 'outside_hours', cause: 'import' });
    });

    test('the retention job removes the typed reasons with the personal data; the entries stay', async () => {
      app.clock.set(NOW);
      const a = await bookForCaller(app.ctx, clerk, {
        office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-01T10:00:00+01:00', channel: 'counter',
        contact: { name: 'Walk In', email: '', phone: '' }, locale: 'de',
      });
      await moveOnBehalf(app.ctx, clerk, { reference: a.reference, startsAt: '2026-12-01T10:30:00+01:00', reason: 'Frau Muster ist krank', locale: 'de' });
      await cancelOnBehalf(app.ctx, clerk, { reference: a.reference, reason: 'Herr Muster abgesagt', locale: 'de' });
      const ends = Date.parse('2026-12-01T10:45:00+01:00');
      await retentionJob.run(app.db.db, ends + 31 * 86_400_000, log);
      const es = await entries(a.reference);
      assert.deepEqual(es.map((e) => e.action), ['appointment.book', 'appointment.move', 'appointment.cancel']);
      assert.doesNotMatch(JSON.stringify(es), /Muster/);
      assert.equal(es[1].details.toStart, '2026-12-01T09:30:00.000Z');
    });
  });
}

for (const kind of testDatabaseKinds()) {
  describe(`migration 008 on ${kind}: existing entries are filled in`, () => {
    test('the user from staff:EMAIL, the office from details.office, the appointment of attendance entries, fromStatus/toStatus', async () => {
      const t = await createTestDatabase(kind, { migrate: false });
      try {
        const db = t.db as unknown as Kysely<any>;
        for (const name of Object.keys(MIGRATIONS).sort()) if (name < '008') await MIGRATIONS[name]!.up(db);
        await sql`INSERT INTO organizations (id, config) VALUES ('o', '{}')`.execute(db);
        const user = (await sql<{ id: string }>`INSERT INTO staff_users (org_id, email, name, password_hash, role, offices)
          VALUES ('o', 'anna@example.org', 'Anna', 'x', 'clerk', '["a"]') RETURNING id`.execute(db)).rows[0]!.id;
        const appt = (await sql<{ id: string }>`INSERT INTO appointments (org_id, office_id, lane, starts_at, ends_at, status, channel, reference, services, duration_minutes)
          VALUES ('o', 'a', 0, '2026-12-01T08:00Z', '2026-12-01T08:15Z', 'checked_in', 'online', 'K7Q29XMD', '[]', 15) RETURNING id`.execute(db)).rows[0]!.id;
        await sql`INSERT INTO audit_log (org_id, actor, action, details) VALUES
          ('o', 'staff:anna@example.org', 'appointment.attendance', '{"office":"a","reference":"K7Q2-9XMD","from":"booked","to":"checked_in"}'),
          ('o', 'staff:anna@example.org', 'settings.office.hours', '{"office":"a","changes":[]}'),
          ('o', 'cli', 'config.import', '{"services":1,"offices":1}')`.execute(db);
        await MIGRATIONS['008-appointment-history']!.up(db);
        const rows = (await sql<{ action: string; actor_user_id: string | null; office_id: string | null; appointment_id: string | null; details: unknown }>`
          SELECT action, actor_user_id, office_id, appointment_id, details FROM audit_log ORDER BY id`.execute(db)).rows;
        assert.deepEqual(rows, [
          { action: 'appointment.attendance', actor_user_id: user, office_id: 'a', appointment_id: appt, details: { reference: 'K7Q2-9XMD', fromStatus: 'booked', toStatus: 'checked_in' } },
          { action: 'settings.office.hours', actor_user_id: user, office_id: 'a', appointment_id: null, details: { office: 'a', changes: [] } },
          { action: 'config.import', actor_user_id: null, office_id: null, appointment_id: null, details: { services: 1, offices: 1 } },
        ]);
      } finally {
        await t.close();
      }
    });
  });
}
