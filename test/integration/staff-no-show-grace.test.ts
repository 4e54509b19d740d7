// No-show only after the office's grace period (noShowGraceMinutes, default 15):
// before it the button is not offered, a forced POST (page or staff API) is
// refused saying from when it is possible; afterwards it is recorded and can be
// undone on the day, visibly (appointment page and day view). The setting is
// edited with the booking rules.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { createApiToken } from '../../src/app/staff/create-api-token.ts';
import { validateConfig } from '../../src/config/validate.ts';
import { testDatabaseKinds } from '../helpers/database.ts';
import { loggedIn, staffTestEnv, type StaffTestEnv } from './staff-helpers.ts';
import { formValues } from './staff-settings-form.ts';

for (const kind of testDatabaseKinds()) {
  describe(`no-show after the grace period (${kind})`, () => {
    let env: StaffTestEnv;
    let ref = '';
    let token = '';
    const at = (hhmm: string) => Date.parse(`2026-11-30T${hhmm}:00+01:00`);
    const status = async () => (await env.app.ctx.db.selectFrom('appointments').select('status').where('contact_name', '=', 'Frau Spaet').executeTakeFirstOrThrow()).status;
    const api = (path: string, body: unknown, lang = '') => env.server.inject({
      method: 'POST', url: `/api/v1/staff/appointments/${ref}/${path}${lang}`, payload: JSON.stringify(body),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    before(async () => {
      env = await staffTestEnv(kind, { booking: { noShowGraceMinutes: 15 } }); // Monday 2026-11-30 08:00 Berlin
      ref = (await bookAppointment(env.app.ctx, {
        office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-11-30T09:30:00+01:00',
        contact: { name: 'Frau Spaet', email: 'spaet@example.org', phone: '' }, locale: 'de', consent: true,
      })).appointment.reference;
      token = await createApiToken(env.app.ctx, { email: 'clerk-a@example.org', label: 'grace' });
    });
    after(async () => { await env.close(); });

    test('within the grace: not offered, a forced POST is refused saying from when, on the page and in the API', async () => {
      env.app.clock.set(at('09:35'));
      const clerk = await loggedIn(env.server, 'clerkA');
      const page = await clerk.get(`/staff/termin/${ref}`);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /value="no_show"/);
      assert.match(page.body, /value="checked_in"/);
      assert.match(page.body, /„Nicht erschienen“ ist ab 09:45 Uhr möglich/);
      const forced = await clerk.post(`/staff/termin/${ref}/status`, { status: 'no_show' });
      assert.equal(forced.statusCode, 303);
      assert.equal(forced.headers.location, `/staff/termin/${ref}?error=grace`);
      const told = await clerk.get(String(forced.headers.location));
      assert.match(told.body, /Nicht erschienen kann ab 09:45 Uhr erfasst werden/);
      assert.match((await clerk.get(`${String(forced.headers.location)}&lang=en`)).body, /A no-show can be recorded from 09:45/);
      await clerk.get('/staff?lang=de');
      assert.equal(await status(), 'booked');

      const r = await api('attendance', { status: 'no_show' });
      assert.equal(r.statusCode, 409, r.body);
      assert.equal(r.json().error, 'not_allowed');
      assert.match(r.json().message, /Nicht erschienen kann ab 09:45 Uhr erfasst werden/);
      assert.match(r.json().fields.status, /ab 09:45 Uhr/);
      assert.match((await api('attendance', { status: 'no_show' }, '?lang=en')).json().message, /from 09:45/);
      assert.equal(await status(), 'booked');
      const history = await env.app.ctx.db.selectFrom('audit_log').select('action').where('action', 'like', 'appointment.attendance%').execute();
      assert.equal(history.length, 0, 'a refusal writes no history');
    });

    test('after the grace: recorded, with a visible undo on the day (page and API)', async () => {
      env.app.clock.set(at('09:45'));
      const clerk = await loggedIn(env.server, 'clerkA');
      const page = await clerk.get(`/staff/termin/${ref}`);
      assert.match(page.body, /value="no_show"/);
      const r = await clerk.post(`/staff/termin/${ref}/status`, { status: 'no_show' });
      assert.equal(r.headers.location, `/staff/termin/${ref}?ok=saved`);
      assert.equal(await status(), 'no_show');
      // the day view offers the undo in the row, and comes back to the day
      const day = await clerk.get('/staff?office=a&date=2026-11-30');
      assert.match(day.body, new RegExp(`<form method="post" action="/staff/termin/${ref}/status"[^>]*>[\\s\\S]{0,200}name="status" value="booked"[\\s\\S]{0,100}name="zurueck" value="tag"`));
      assert.match(day.body, /aria-label="Zurücknehmen: „Nicht erschienen“ von Frau Spaet"/);
      const fromDay = await clerk.post(`/staff/termin/${ref}/status`, { status: 'booked', zurueck: 'tag' });
      assert.equal(fromDay.headers.location, '/staff?office=a&date=2026-11-30');
      assert.equal(await status(), 'booked');
      assert.doesNotMatch((await clerk.get('/staff?office=a&date=2026-11-30')).body, /name="zurueck"/);
      await clerk.post(`/staff/termin/${ref}/status`, { status: 'no_show' });
      const after = await clerk.get(`/staff/termin/${ref}`);
      assert.match(after.body, /nicht erschienen/);
      assert.match(after.body, /value="booked"/);
      assert.match(after.body, /„Nicht erschienen“ zurücknehmen/);
      const undo = await clerk.post(`/staff/termin/${ref}/status`, { status: 'booked' });
      assert.equal(undo.headers.location, `/staff/termin/${ref}?ok=undone`);
      assert.equal(await status(), 'booked');

      const viaApi = await api('attendance', { status: 'no_show' });
      assert.equal(viaApi.statusCode, 200, viaApi.body);
      assert.equal(viaApi.json().status, 'no_show');
      assert.equal((await api('attendance', { status: 'booked' })).json().status, 'booked');
      assert.equal((await api('attendance', { status: 'gone' })).statusCode, 422);
      const actions = (await env.app.ctx.db.selectFrom('audit_log').select('action').where('action', 'like', 'appointment.attendance%').orderBy('id').execute()).map((a) => a.action);
      assert.deepEqual(actions, ['appointment.attendance', 'appointment.attendance_undo', 'appointment.attendance', 'appointment.attendance_undo',
        'appointment.attendance', 'appointment.attendance_undo']);
    });

    test('the next day: no undo any more', async () => {
      await env.app.ctx.db.updateTable('appointments').set({ status: 'no_show' }).where('contact_name', '=', 'Frau Spaet').execute();
      env.app.clock.set(Date.parse('2026-12-01T08:00:00+01:00'));
      const clerk = await loggedIn(env.server, 'clerkA');
      assert.doesNotMatch((await clerk.get(`/staff/termin/${ref}`)).body, /value="booked"/);
      const day = await clerk.get('/staff?office=a&date=2026-11-30');
      assert.match(day.body, /nicht erschienen/);
      assert.doesNotMatch(day.body, /name="zurueck"/, 'no undo in the day view after the day');
      assert.equal((await api('attendance', { status: 'booked' })).statusCode, 409);
    });

    test('the grace is one of the office\'s booking rules: shown, changed, checked', async () => {
      const lead = await loggedIn(env.server, 'lead');
      const url = '/staff/einstellungen/amt/a/regeln';
      const form = await lead.get(url);
      assert.match(form.body, /id="b-noShowGraceMinutes"/);
      assert.match(form.body, /Nicht erschienen/);
      const values = formValues(form.body);
      assert.equal(values['b-noShowGraceMinutes'], '15');
      const bad = await lead.post(url, { ...values, 'b-noShowGraceMinutes': '-5' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /href="#b-noShowGraceMinutes"/);
      const ok = await lead.post(url, { ...values, 'b-noShowGraceMinutes': '30' });
      assert.equal(ok.statusCode, 303, ok.body.slice(0, 2000));
      const catalog = await env.app.ctx.catalog();
      assert.equal(catalog.offices.get('a')!.booking.noShowGraceMinutes, 30);
      assert.equal(catalog.offices.get('b')!.booking.noShowGraceMinutes, 15, 'only this office');
    });
  });
}

test('the config file: noShowGraceMinutes defaults to 15, 0 is allowed, more than 240 is refused', () => {
  const file = (booking: Record<string, unknown>) => ({
    organization: { name: 'X', timezone: 'Europe/Berlin', publicUrl: 'https://x.example' },
    services: [{ id: 's', name: 'S', area: 'A', minutes: 15 }],
    offices: [{ id: 'o', name: 'O', address: 'A', phone: '1', email: 'o@example.org', slotMinutes: 15, booking, hours: [{ days: ['mon'], from: '08:00', to: '12:00', counters: 1 }] }],
  });
  const d = validateConfig(file({}));
  assert.ok(d.ok);
  assert.equal(d.config.offices[0]!.booking.noShowGraceMinutes, 15);
  const zero = validateConfig(file({ noShowGraceMinutes: 0 }));
  assert.ok(zero.ok);
  assert.equal(zero.config.offices[0]!.booking.noShowGraceMinutes, 0);
  const big = validateConfig(file({ noShowGraceMinutes: 241 }));
  assert.equal(big.ok, false);
  assert.ok(!big.ok && big.problems.some((p) => p.path === 'offices[0].booking.noShowGraceMinutes'), JSON.stringify(!big.ok && big.problems));
});
