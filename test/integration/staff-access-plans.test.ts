// The access matrix over the "when plans change" routes: anonymous, clerk of
// office A, clerk of office B, office lead (of A), admin. Only leads and admins
// of the office reach them; everyone else gets 404 (as if nothing were there)
// and changes nothing; anonymous requests go to the login page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { importConfig } from '../../src/app/import-config.ts';
import { planKey } from '../../src/app/staff/list-plans.ts';
import { addDays } from '../../src/domain/time.ts';
import { recordPlanOutcome } from '../../src/db/repositories/plan-outcome-repo.ts';
import { Client, loggedIn, staffTestEnv, USERS, type StaffTestEnv, type UserKey } from './staff-helpers.ts';

type Who = 'anonymous' | UserKey;
const WHO: Who[] = ['anonymous', 'clerkA', 'clerkB', 'lead', 'admin'];
const OFFICES = ['a', 'b'] as const;

function allowed(who: Who, officeId: string): boolean {
  if (who === 'anonymous') return false;
  const u = USERS[who];
  return u.role === 'admin' || (u.role === 'lead' && (u.offices as readonly string[]).includes(officeId));
}

describe('staff access matrix: closures, blocks and their removal', () => {
  let env: StaffTestEnv;
  const clients = new Map<Who, Client>();
  let day = 0;
  /** A weekday of its own for each case, in December 2026 (not Christmas, a holiday in Saxony). */
  const nextDate = () => {
    let d = addDays('2026-12-01', day++);
    while ([5, 6].includes((new Date(`${d}T12:00:00Z`).getUTCDay() + 6) % 7) || d === '2026-12-25') d = addDays('2026-12-01', day++);
    return d;
  };
  const catalog = () => env.app.ctx.catalog();
  async function addClosure(officeId: string, date: string): Promise<string> {
    const config = structuredClone((await catalog()).config);
    const office = config.offices.find((o) => o.id === officeId)!;
    const closure = { from: date, to: date, fromTime: '11:00', toTime: '12:00', reason: { de: 'Test', en: 'Test' } };
    office.closures.push(closure);
    await importConfig(env.app.ctx.db, { orgId: env.app.ctx.orgId, config, now: env.app.clock.now, actor: 'test', keepConflicts: true });
    env.app.ctx.invalidateCatalog();
    return planKey(closure, office.closures.length - 1);
  }
  const counts = async (officeId: string) => {
    const o = (await catalog()).offices.get(officeId)!;
    return { closures: o.closures.length, blocks: o.blocks?.length ?? 0 };
  };
  const statusOf = async (ref: string) =>
    (await env.app.ctx.db.selectFrom('appointments').select('status').where('reference', '=', ref.replace('-', '')).executeTakeFirstOrThrow()).status;

  before(async () => {
    env = await staffTestEnv();
    for (const who of WHO) clients.set(who, who === 'anonymous' ? new Client(env.server) : await loggedIn(env.server, who));
  });
  after(async () => { await env.close(); });

  for (const who of WHO) {
    for (const officeId of OFFICES) {
      const ok = allowed(who, officeId);
      test(`${who} × office ${officeId}: ${ok ? 'allowed' : 'refused'}`, async () => {
        const c = clients.get(who)!;
        await c.get('/staff/login');
        if (who !== 'anonymous') await c.get('/staff/suche'); // a CSRF token for this client
        const expect = (r: { statusCode: number; headers: Record<string, unknown> }, okStatus: number, what: string) => {
          if (who === 'anonymous') {
            assert.equal(r.statusCode, 303, what);
            assert.match(String(r.headers.location), /^\/staff\/login\?/, what);
          } else assert.equal(r.statusCode, ok ? okStatus : 404, `${who} ${what}`);
        };
        const date = nextDate();
        const key = await addClosure(officeId, date);
        const booked = await bookAppointment(env.app.ctx, {
          office: officeId, services: [{ id: 'anmeldung', quantity: 1 }], startsAt: `${date}T09:00:00+01:00`,
          contact: { name: `P ${who} ${officeId}`, email: `p-${who}-${officeId}@example.org`, phone: '' }, locale: 'de', consent: true,
        });
        const ref = booked.appointment.reference;
        const before = await counts(officeId);

        expect(await c.get(`/staff/sperren?office=${officeId}&from=${date}`), 200, 'GET block form');
        const form = { office: officeId, from: date, to: date, fromTime: '09:00', toTime: '10:00', counters: '2', reason: 'krank' };
        expect(await c.post('/staff/sperren', { ...form, step: 'preview' }), 200, 'POST block preview');
        expect(await c.get(`/staff/plaene?office=${officeId}`), 200, 'GET list');
        expect(await c.get(`/staff/plaene/entfernen?office=${officeId}&kind=closure&key=${key}`), 200, 'GET remove confirmation');
        const outcomeId = await recordPlanOutcome(env.app.ctx.db, {
          orgId: env.app.ctx.orgId, actor: 'test', details: { office: officeId, date, relaned: 0, outcomes: [{ reference: ref, outcome: 'kept' }] },
        });
        expect(await c.get(`/staff/plaene/ergebnis?office=${officeId}&id=${outcomeId}`), 200, 'GET result');

        // the calendar step for the stranded appointment (another time from the calendar): a GET, and the POST that opens it
        expect(await c.get(`/staff/sperren/zeit?${new URLSearchParams({ ...form, fuer: ref, [`c_${ref}`]: 'calendar' })}`), 200, 'GET block calendar step');
        expect(await c.post('/staff/sperren', { ...form, step: 'apply', [`c_${ref}`]: 'calendar' }), 200, 'POST block apply with a calendar choice');
        assert.equal(await statusOf(ref), 'booked', `${who}: the calendar step applies nothing`);
        // applying a block that strands the appointment, with "cancel" chosen
        expect(await c.post('/staff/sperren', { ...form, step: 'apply', [`c_${ref}`]: 'cancel' }), 303, 'POST block apply');
        assert.equal(await statusOf(ref), ok ? 'cancelled' : 'booked', `${who} block apply`);
        // a closure with "cancel" for another appointment
        const other = (await bookAppointment(env.app.ctx, {
          office: officeId, services: [{ id: 'anmeldung', quantity: 1 }], startsAt: `${date}T10:30:00+01:00`,
          contact: { name: `Q ${who} ${officeId}`, email: `q-${who}-${officeId}@example.org`, phone: '' }, locale: 'de', consent: true,
        })).appointment.reference;
        const closing = { office: officeId, from: date, to: date, fromTime: '10:00', toTime: '11:00', reason: 'x' };
        expect(await c.get(`/staff/schliessen/zeit?${new URLSearchParams({ ...closing, fuer: other })}`), 200, 'GET closure calendar step');
        expect(await c.post('/staff/schliessen', { ...closing, step: 'apply', [`c_${other}`]: 'cancel' }), 303, 'POST closure apply');
        assert.equal(await statusOf(other), ok ? 'cancelled' : 'booked', `${who} closure apply`);
        expect(await c.post('/staff/plaene/entfernen', { office: officeId, kind: 'closure', key }), 303, 'POST remove');

        const after = await counts(officeId);
        // allowed: one block and one closure added, one closure removed; refused: nothing changed
        assert.deepEqual(after, ok ? { closures: before.closures, blocks: before.blocks + 1 } : before, `${who} config`);
      });
    }
  }

  // the call list and its tick-off: leads and admins of the office, like the call list; the
  // appointment's own tick: whoever works in its office (clerks too), like the appointment's page
  for (const who of WHO) {
    for (const officeId of OFFICES) {
      const ok = allowed(who, officeId);
      const works = who !== 'anonymous' && (USERS[who].role === 'admin' || (USERS[who].offices as readonly string[]).includes(officeId));
      test(`call list tick-off: ${who} × office ${officeId}: list ${ok ? 'allowed' : 'refused'}, appointment ${works ? 'allowed' : 'refused'}`, async () => {
        const c = clients.get(who)!;
        const admin = clients.get('admin')!;
        await admin.get('/staff/suche');
        if (who !== 'anonymous') await c.get('/staff/suche');
        const expect = (r: { statusCode: number; headers: Record<string, unknown> }, allowedHere: boolean, okStatus: number, what: string) => {
          if (who === 'anonymous') {
            assert.equal(r.statusCode, 303, what);
            assert.match(String(r.headers.location), /^\/staff\/login\?/, what);
          } else assert.equal(r.statusCode, allowedHere ? okStatus : 404, `${who} ${what}`);
        };
        const date = nextDate();
        // two phone bookings without an e-mail address, cancelled by the office: both must be called
        const [ref, ref2] = await Promise.all(['09:00', '09:30'].map(async (time) => (await bookAppointment(env.app.ctx, {
          office: officeId, services: [{ id: 'anmeldung', quantity: 1 }], startsAt: `${date}T${time}:00+01:00`, channel: 'phone',
          contact: { name: `Ruf ${who} ${officeId}`, email: '', phone: '0341 1' }, locale: 'de',
        })).appointment.reference));
        for (const r of [ref, ref2]) assert.equal((await admin.post(`/staff/termin/${r}/absagen`, { reason: 'Wasserschaden' })).statusCode, 303);
        const id = await recordPlanOutcome(env.app.ctx.db, {
          orgId: env.app.ctx.orgId, actor: 'test', details: { office: officeId, date, relaned: 0, outcomes: [{ reference: ref, outcome: 'cancelled' }, { reference: ref2, outcome: 'cancelled' }] },
        });
        const contacted = async (r: string) => (await env.app.ctx.db.selectFrom('audit_log as l').innerJoin('appointments as a', 'a.id', 'l.appointment_id')
          .select('l.id').where('a.reference', '=', r.replace('-', '')).where('l.action', '=', 'appointment.contacted').execute()).length;

        expect(await c.get(`/staff/plaene/anrufliste?office=${officeId}&id=${id}`), ok, 200, 'GET call list');
        expect(await c.post('/staff/plaene/anrufliste', { office: officeId, id: String(id), reference: ref, result: 'reached', back: 'anrufliste' }), ok, 303, 'POST call list tick');
        assert.equal(await contacted(ref), ok ? 1 : 0, `${who} call list tick written`);
        expect(await c.post(`/staff/termin/${ref2}/erreicht`, { result: 'reached' }), works, 303, 'POST appointment tick');
        assert.equal(await contacted(ref2), works ? 1 : 0, `${who} appointment tick written`);
      });
    }
  }

  test('the result page shows only appointments of the user\'s offices', async () => {
    const b = await bookAppointment(env.app.ctx, {
      office: 'b', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-30T09:00:00+01:00',
      contact: { name: 'Geheim B', email: 'geheim-b@example.org', phone: '' }, locale: 'de', consent: true,
    });
    // a record of office a naming office b's appointment (cannot happen, but the page checks each one)
    const id = await recordPlanOutcome(env.app.ctx.db, {
      orgId: env.app.ctx.orgId, actor: 'test', details: { office: 'a', date: '2026-12-30', relaned: 0, outcomes: [{ reference: b.appointment.reference, outcome: 'cancelled' }] },
    });
    const r = await clients.get('lead')!.get(`/staff/plaene/ergebnis?office=a&id=${id}`);
    assert.equal(r.statusCode, 200);
    const ofB = await recordPlanOutcome(env.app.ctx.db, {
      orgId: env.app.ctx.orgId, actor: 'test', details: { office: 'b', date: '2026-12-30', relaned: 0, outcomes: [{ reference: b.appointment.reference, outcome: 'cancelled' }] },
    });
    assert.equal((await clients.get('lead')!.get(`/staff/plaene/ergebnis?office=b&id=${ofB}`)).statusCode, 404, "another office's record");
    assert.equal((await clients.get('lead')!.get(`/staff/plaene/ergebnis?office=a&id=${ofB}`)).statusCode, 404, 'the record belongs to office b');
    assert.doesNotMatch(r.body, /Geheim B/);
    assert.ok(!r.body.includes(`/staff/termin/${b.appointment.reference}`));
  });

  test('the nav shows "Schließungen und Sperren" to leads and admins only', async () => {
    assert.match((await clients.get('lead')!.get('/staff')).body, /href="\/staff\/plaene"/);
    assert.doesNotMatch((await clients.get('clerkA')!.get('/staff')).body, /href="\/staff\/plaene"/);
    assert.equal((await clients.get('clerkA')!.get('/staff/plaene')).statusCode, 404);
  });
});
