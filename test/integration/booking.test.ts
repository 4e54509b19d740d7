// Booking use cases against a real database (PGlite; PostgreSQL when TEST_DATABASE_URL is set).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { bookAppointment, type BookInput } from '../../src/app/book-appointment.ts';
import { cancelAppointment } from '../../src/app/cancel-appointment.ts';
import { confirmAppointment } from '../../src/app/confirm-appointment.ts';
import { getAppointment } from '../../src/app/get-appointment.ts';
import { getAvailability } from '../../src/app/get-availability.ts';
import { getDayTimes } from '../../src/app/get-day-times.ts';
import { holdSlot } from '../../src/app/hold-slot.ts';
import { releaseHold } from '../../src/app/release-hold.ts';
import { extendHold } from '../../src/app/extend-hold.ts';
import { rescheduleAppointment } from '../../src/app/reschedule-appointment.ts';
import { movingAppointment } from '../../src/app/moving-appointment.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { testDatabaseKinds } from '../helpers/database.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';

const T = (local: string) => `2026-12-01T${local}:00+01:00`; // Tuesday

function input(over: Partial<BookInput> = {}): BookInput {
  return {
    office: 'buergeramt',
    services: [{ id: 'anmeldung', quantity: 1 }],
    startsAt: T('09:00'),
    contact: { name: 'Erika Mustermann', email: `erika${Math.random()}@example.org` },
    locale: 'de',
    consent: true,
    ...over,
  };
}

async function rejects(p: Promise<unknown>, code: string): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof DomainError, `expected DomainError ${code}, got ${e}`);
    assert.equal(e.code, code);
    return e;
  }
  assert.fail(`expected ${code}, but it succeeded`);
}

for (const kind of testDatabaseKinds()) {
  describe(`booking on ${kind}`, () => {
    let app: TestApp;
    before(async () => { app = await createTestApp({ kind }); });
    after(async () => { await app.close(); });

    test('books an offered time, and the capacity of 2 counters gives exactly 2 bookings', async () => {
      const a = await bookAppointment(app.ctx, input());
      assert.equal(a.appointment.status, 'booked');
      assert.equal(a.appointment.startsAt, T('09:00'));
      assert.equal(a.appointment.endsAt, T('09:15'));
      assert.match(a.appointment.reference, /^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      await bookAppointment(app.ctx, input());
      const e = await rejects(bookAppointment(app.ctx, input()), 'slot_unavailable');
      const alts = e.details.alternatives as { startsAt: string }[];
      assert.ok(alts.length > 0 && alts.length <= 5);
      assert.ok(!alts.some((x) => x.startsAt === T('09:00')));
      const day = await getDayTimes(app.ctx, { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], date: '2026-12-01' });
      assert.ok(!day.times.some((t) => t.time === '09:00'));
      assert.ok(day.times.some((t) => t.time === '09:15'));
    });

    test('moving: the own time is free around the appointment, but not offered as a new time', async () => {
      const W = (local: string) => `2026-12-02T${local}:00+01:00`;
      const long = [{ id: 'anmeldung', quantity: 2 }];
      const own = await bookAppointment(app.ctx, input({ services: long, startsAt: W('09:00') }));
      await bookAppointment(app.ctx, input({ services: long, startsAt: W('09:00') }));
      const q = { office: 'buergeramt', services: long, date: '2026-12-02' };
      const plain = (await getDayTimes(app.ctx, q)).times.map((t) => t.time);
      assert.ok(!plain.includes('09:15'), 'both counters are taken until 09:30');
      const except = await movingAppointment(app.ctx, { reference: own.appointment.reference, token: own.manageToken });
      const moving = (await getDayTimes(app.ctx, { ...q, except })).times.map((t) => t.time);
      assert.ok(moving.includes('09:15'), 'its own counter is free for it');
      assert.ok(!moving.includes('09:00'), 'its own time is not a new time');
      const month = await getAvailability(app.ctx, { office: 'buergeramt', services: long, from: '2026-12-02', to: '2026-12-02', except });
      assert.ok(month.days[0].freeTimes > (await getAvailability(app.ctx, { office: 'buergeramt', services: long, from: '2026-12-02', to: '2026-12-02' })).days[0].freeTimes);
      const moved = await rescheduleAppointment(app.ctx, { reference: own.appointment.reference, token: own.manageToken, startsAt: W('09:15') });
      assert.equal(moved.startsAt, W('09:15'));
      await rejects(movingAppointment(app.ctx, { reference: own.appointment.reference, token: 'wrong' }), 'not_found');
    });

    test('a time the engine would not offer is refused: off grid, closed day, lunch, too soon, past the horizon', async () => {
      for (const startsAt of [T('09:07'), '2026-12-05T09:00:00+01:00', T('11:55'), '2026-11-30T08:30:00+01:00', '2027-02-01T09:00:00+01:00', T('13:00')]) {
        await rejects(bookAppointment(app.ctx, input({ startsAt })), 'slot_unavailable');
      }
    });

    test('validation lists every bad field at once', async () => {
      const e = await rejects(
        bookAppointment(app.ctx, input({ office: 'nope', startsAt: 'tomorrow', contact: { name: '', email: 'x' }, consent: false })),
        'validation',
      );
      assert.deepEqual(Object.keys(e.details.fields!).sort(), ['consent', 'contact.email', 'contact.name', 'office', 'startsAt']);
      const q = await rejects(bookAppointment(app.ctx, input({ services: [{ id: 'anmeldung', quantity: 9 }] })), 'validation');
      assert.equal(q.details.fields!['services[0]'].key, 'services.quantity');
    });

    test('a hold blocks the time for others until it expires or is given back', async () => {
      const s = T('10:00');
      const h1 = await holdSlot(app.ctx, { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: s });
      const h2 = await holdSlot(app.ctx, { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: s });
      await rejects(bookAppointment(app.ctx, input({ startsAt: s })), 'slot_unavailable');
      // the holder books with the hold
      const booked = await bookAppointment(app.ctx, input({ startsAt: s, holdId: h1.holdId }));
      assert.equal(booked.appointment.startsAt, s);
      await releaseHold(app.ctx, h2.holdId);
      await rejects(releaseHold(app.ctx, h2.holdId), 'not_found');
      await bookAppointment(app.ctx, input({ startsAt: s }));
      // expiry
      const s2 = T('10:30');
      await holdSlot(app.ctx, { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: s2 });
      await holdSlot(app.ctx, { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: s2 });
      await rejects(holdSlot(app.ctx, { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: s2 }), 'slot_unavailable');
      app.clock.advanceMinutes(11);
      await bookAppointment(app.ctx, input({ startsAt: s2 }));
      await bookAppointment(app.ctx, input({ startsAt: s2 }));
      app.clock.advanceMinutes(-11);
    });

    test('a hold can be extended while it still exists; once someone booked over it, it is gone', async () => {
      const s = T('08:30');
      const sel = { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: s };
      const a = await holdSlot(app.ctx, sel);
      const b = await holdSlot(app.ctx, sel);
      app.clock.advanceMinutes(8);
      const extended = await extendHold(app.ctx, a.holdId);
      assert.ok(Date.parse(extended.expiresAt) > Date.parse(a.expiresAt));
      app.clock.advanceMinutes(4); // b expired, a still held
      await bookAppointment(app.ctx, input({ startsAt: s })); // takes b's lane
      await rejects(bookAppointment(app.ctx, input({ startsAt: s })), 'slot_unavailable');
      await rejects(extendHold(app.ctx, b.holdId), 'not_found');
      await rejects(extendHold(app.ctx, 'nope'), 'not_found');
      await bookAppointment(app.ctx, input({ startsAt: s, holdId: a.holdId }));
      app.clock.advanceMinutes(-12);
    });

    test('maxActivePerEmail counts upcoming appointments of one address, case-insensitively', async () => {
      const email = 'Limit@Example.org';
      for (const t of ['08:00', '08:15', '08:30']) await bookAppointment(app.ctx, input({ startsAt: '2026-12-02T' + t + ':00+01:00', contact: { name: 'L', email } }));
      await rejects(bookAppointment(app.ctx, input({ startsAt: '2026-12-02T08:45:00+01:00', contact: { name: 'L', email: 'limit@example.ORG' } })), 'limit_reached');
    });

    test('idempotency: same key and body returns the first answer; another body is refused', async () => {
      const body = input({ startsAt: '2026-12-03T08:00:00+01:00', contact: { name: 'I', email: 'idem@example.org' } });
      const key = 'key-' + Math.random();
      const first = await bookAppointment(app.ctx, { ...body, idempotency: { key, body } });
      const again = await bookAppointment(app.ctx, { ...body, idempotency: { key, body } });
      assert.equal(again.replayed, true);
      assert.equal(again.appointment.reference, first.appointment.reference);
      assert.equal(again.manageToken, first.manageToken);
      const n = await app.db.db.selectFrom('appointments').select(sql<number>`count(*)::int`.as('n')).where('email_key', '=', 'idem@example.org').executeTakeFirstOrThrow();
      assert.equal(n.n, 1);
      const other = { ...body, startsAt: '2026-12-03T08:15:00+01:00' };
      await rejects(bookAppointment(app.ctx, { ...other, idempotency: { key, body: other } }), 'idempotency_mismatch');
      // the key is forgotten after 24 hours
      app.clock.advanceMinutes(24 * 60 + 1);
      const later = await bookAppointment(app.ctx, { ...other, startsAt: '2026-12-04T08:15:00+01:00', idempotency: { key, body: { x: 1 } } });
      assert.equal(later.replayed, false);
      app.clock.advanceMinutes(-(24 * 60 + 1));
    });

    test('the manage token is required and checked; a wrong one looks like an unknown reference', async () => {
      const a = await bookAppointment(app.ctx, input({ startsAt: '2026-12-03T09:00:00+01:00' }));
      const ref = a.appointment.reference;
      const got = await getAppointment(app.ctx, { reference: ref.toLowerCase(), token: a.manageToken });
      assert.equal(got.reference, ref);
      await rejects(getAppointment(app.ctx, { reference: ref }), 'not_found');
      await rejects(getAppointment(app.ctx, { reference: ref, token: 'x'.repeat(43) }), 'not_found');
      await rejects(getAppointment(app.ctx, { reference: 'ZZZZ-ZZZZ', token: a.manageToken }), 'not_found');
      const stored = await app.db.db.selectFrom('appointments').select('token_hash').where('reference', '=', ref.replace('-', '')).executeTakeFirstOrThrow();
      assert.notEqual(stored.token_hash, a.manageToken);
      assert.ok(!stored.token_hash!.includes(a.manageToken));
    });

    test('cancel frees the time; too close to the start it is too late', async () => {
      const s = '2026-12-03T10:00:00+01:00';
      const a = await bookAppointment(app.ctx, input({ startsAt: s }));
      await bookAppointment(app.ctx, input({ startsAt: s }));
      await rejects(bookAppointment(app.ctx, input({ startsAt: s })), 'slot_unavailable');
      const c = await cancelAppointment(app.ctx, { reference: a.appointment.reference, token: a.manageToken });
      assert.equal(c.status, 'cancelled');
      assert.equal((await cancelAppointment(app.ctx, { reference: a.appointment.reference, token: a.manageToken })).status, 'cancelled');
      await bookAppointment(app.ctx, input({ startsAt: s }));
      const soon = await bookAppointment(app.ctx, input({ startsAt: T('11:00') }));
      app.clock.set(Date.parse('2026-12-01T10:30:00+01:00'));
      await rejects(cancelAppointment(app.ctx, { reference: soon.appointment.reference, token: soon.manageToken }), 'too_late');
      app.clock.set(Date.parse('2026-11-30T08:00:00+01:00'));
    });

    test('reschedule is atomic: taken target changes nothing; free target moves and frees the old time', async () => {
      const a = await bookAppointment(app.ctx, input({ startsAt: '2026-12-04T09:00:00+01:00' }));
      const full = '2026-12-04T10:00:00+01:00';
      await bookAppointment(app.ctx, input({ startsAt: full }));
      await bookAppointment(app.ctx, input({ startsAt: full }));
      await rejects(rescheduleAppointment(app.ctx, { reference: a.appointment.reference, token: a.manageToken, startsAt: full }), 'slot_unavailable');
      assert.equal((await getAppointment(app.ctx, { reference: a.appointment.reference, token: a.manageToken })).startsAt, '2026-12-04T09:00:00+01:00');
      // overlapping its own time is fine (it does not block itself)
      const moved = await rescheduleAppointment(app.ctx, { reference: a.appointment.reference, token: a.manageToken, startsAt: '2026-12-04T09:15:00+01:00' });
      assert.equal(moved.startsAt, '2026-12-04T09:15:00+01:00');
      const seq = await app.db.db.selectFrom('appointments').select('sequence').where('reference', '=', a.appointment.reference.replace('-', '')).executeTakeFirstOrThrow();
      assert.equal(seq.sequence, 1);
      await bookAppointment(app.ctx, input({ startsAt: '2026-12-04T09:00:00+01:00' }));
      await bookAppointment(app.ctx, input({ startsAt: '2026-12-04T09:00:00+01:00' }));
    });

    test('availability: statuses per day and the earliest time', async () => {
      const v = await getAvailability(app.ctx, { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], from: '2026-11-28', to: '2027-01-05' });
      const status = Object.fromEntries(v.days.map((d) => [d.date, d.status]));
      assert.equal(status['2026-11-28'], 'too_soon'); // past
      assert.equal(status['2026-11-29'], 'too_soon'); // past (Sunday, but past first)
      assert.equal(status['2026-12-05'], 'closed'); // Saturday
      assert.equal(status['2026-12-25'], 'closed'); // Christmas
      assert.equal(status['2026-12-01'], 'available');
      assert.equal(status['2026-12-31'], 'not_yet_bookable'); // past the 30-day horizon
      assert.equal(v.earliest?.startsAt, '2026-11-30T09:00:00+01:00'); // now 08:00 + 60 min lead
      assert.ok(v.days.every((d) => (d.status === 'available') === d.freeTimes > 0));
      await rejects(getAvailability(app.ctx, { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], from: '2026-12-01', to: '2027-03-01' }), 'validation');
    });
  });
}

for (const kind of testDatabaseKinds()) {
  describe(`confirmation by e-mail on ${kind}`, () => {
    let app: TestApp;
    before(async () => {
      const { orgConfig, office } = await import('../fixtures/org-config.ts');
      app = await createTestApp({ kind, config: orgConfig({ offices: [office('buergeramt', { booking: { confirmByEmail: true, confirmMinutes: 30 } })] }) });
    });
    after(async () => { await app.close(); });

    test('a booking stays pending until confirmed; confirming twice is fine', async () => {
      const a = await bookAppointment(app.ctx, input({ startsAt: T('09:00') }));
      assert.equal(a.appointment.status, 'pending');
      const c = await confirmAppointment(app.ctx, { reference: a.appointment.reference, token: a.manageToken });
      assert.equal(c.status, 'booked');
      assert.equal((await confirmAppointment(app.ctx, { reference: a.appointment.reference, token: a.manageToken })).status, 'booked');
      const mails = await app.db.db.selectFrom('outbox').select('kind').orderBy('id').execute();
      assert.deepEqual(mails.map((m) => m.kind), ['confirm_request', 'booking_confirmation']);
    });

    test('unconfirmed after confirmMinutes: released, confirm and move answer expired, the time is free again', async () => {
      const s = T('10:00');
      const a = await bookAppointment(app.ctx, input({ startsAt: s }));
      await bookAppointment(app.ctx, input({ startsAt: s }));
      await rejects(bookAppointment(app.ctx, input({ startsAt: s })), 'slot_unavailable');
      app.clock.advanceMinutes(31);
      assert.equal((await getAppointment(app.ctx, { reference: a.appointment.reference, token: a.manageToken })).status, 'cancelled');
      await rejects(confirmAppointment(app.ctx, { reference: a.appointment.reference, token: a.manageToken }), 'expired');
      await rejects(rescheduleAppointment(app.ctx, { reference: a.appointment.reference, token: a.manageToken, startsAt: T('11:00') }), 'expired');
      await bookAppointment(app.ctx, input({ startsAt: s }));
      await rejects(confirmAppointment(app.ctx, { reference: a.appointment.reference, token: a.manageToken }), 'expired');
      app.clock.advanceMinutes(-31);
    });
  });
}

describe('availability cache', () => {
  test('answers are shared briefly, and a booking in this process forgets them at once', async () => {
    const app = await createTestApp({ availabilityCacheMs: 60_000 });
    try {
      const q = { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], from: '2026-12-01', to: '2026-12-01' };
      const before = (await getAvailability(app.ctx, q)).days[0].freeTimes;
      const day = { office: q.office, services: q.services, date: q.from };
      const timesBefore = (await getDayTimes(app.ctx, day)).times.length;
      // a row written behind the use cases' back is not seen while the answer is cached ...
      await app.db.db.insertInto('appointments').values([0, 1].map((lane) => ({
        org_id: 'test-org', office_id: 'buergeramt', lane, starts_at: new Date(Date.parse(T('11:00'))), ends_at: new Date(Date.parse(T('11:15'))),
        status: 'booked' as const, channel: 'phone' as const, services: JSON.stringify([{ id: 'anmeldung', quantity: 1 }]), duration_minutes: 15,
      }))).execute();
      assert.equal((await getAvailability(app.ctx, q)).days[0].freeTimes, before);
      assert.equal((await getDayTimes(app.ctx, day)).times.length, timesBefore);
      // ... but a booking through the use case forgets every cached answer
      await bookAppointment(app.ctx, input({ startsAt: T('09:00') }));
      await bookAppointment(app.ctx, input({ startsAt: T('09:00') }));
      assert.equal((await getAvailability(app.ctx, q)).days[0].freeTimes, before - 2); // 09:00 and 11:00 now full
      assert.equal((await getDayTimes(app.ctx, day)).times.length, timesBefore - 2);
    } finally {
      await app.close();
    }
  });
});

describe('alternatives', () => {
  test('when nothing is free nearby, the nearest times further away are offered (up to two weeks)', async () => {
    const { orgConfig, office } = await import('../fixtures/org-config.ts');
    const app = await createTestApp({
      config: orgConfig({ offices: [office('buergeramt', { hours: [{ days: ['tue'], from: '08:00', to: '08:30', counters: 1, online: 1, phone: 1 }] })] }),
    });
    try {
      await bookAppointment(app.ctx, input({ startsAt: T('08:00') }));
      await bookAppointment(app.ctx, input({ startsAt: T('08:15') }));
      const e = await rejects(bookAppointment(app.ctx, input({ startsAt: T('08:00') })), 'slot_unavailable');
      assert.deepEqual((e.details.alternatives as { startsAt: string }[]).map((a) => a.startsAt), [
        '2026-12-08T08:00:00+01:00', '2026-12-08T08:15:00+01:00', '2026-12-15T08:00:00+01:00', '2026-12-15T08:15:00+01:00',
      ]);
    } finally {
      await app.close();
    }
  });
});
