// The counter actions only when they make sense in time (check-in on the day,
// completed / no-show once begun), undo on the day, moving on behalf
// (no preselected time; not when a concern is gone), cancelling without a
// reason (422 with the form, page and API), and error summaries in the order
// of the fields.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { createApiToken } from '../../src/app/staff/create-api-token.ts';
import { Client, loggedIn, staffTestEnv, type StaffTestEnv } from './staff-helpers.ts';

describe('staff counter actions', () => {
  let env: StaffTestEnv;
  let clerk: Client;
  const book = async (startsAt: string, name: string, service = 'anmeldung') => (await bookAppointment(env.app.ctx, {
    office: 'a', services: [{ id: service, quantity: 1 }], startsAt,
    contact: { name, email: `${name.replace(/\W/g, '').toLowerCase()}@example.org`, phone: '' }, locale: 'de', consent: true,
  })).appointment.reference;
  const status = async (name: string) => (await env.app.ctx.db.selectFrom('appointments').select('status').where('contact_name', '=', name).executeTakeFirstOrThrow()).status;
  before(async () => {
    env = await staffTestEnv(); // the clock: Monday 2026-11-30 08:00 Berlin
    clerk = await loggedIn(env.server, 'clerkA');
  });
  after(async () => { await env.close(); });

  test('an appointment days ahead: no check-in, no completed, no no-show; the server refuses them', async () => {
    const ref = await book('2026-12-02T10:00:00+01:00', 'Spaeter Tag');
    const page = await clerk.get(`/staff/termin/${ref}`);
    assert.doesNotMatch(page.body, /value="checked_in"/);
    assert.doesNotMatch(page.body, /value="completed"/);
    assert.doesNotMatch(page.body, /value="no_show"/);
    assert.match(page.body, /erst am Tag des Termins möglich/);
    assert.match(page.body, /Im Auftrag verschieben/);
    const inn = await clerk.post(`/staff/termin/${ref}/status`, { status: 'checked_in' });
    assert.equal(inn.headers.location, `/staff/termin/${ref}?error=not_today`);
    assert.match((await clerk.get(String(inn.headers.location))).body, /Das geht nur am Tag des Termins/);
    const done = await clerk.post(`/staff/termin/${ref}/status`, { status: 'completed' });
    assert.equal(done.headers.location, `/staff/termin/${ref}?error=not_started`);
    assert.match((await clerk.get(`${String(done.headers.location)}&lang=en`)).body, /has not started yet/);
    await clerk.get('/staff?lang=de');
    assert.equal(await status('Spaeter Tag'), 'booked');
  });

  test('on the day: check-in before the time, completed after check-in, then undo', async () => {
    const ref = await book('2026-11-30T11:00:00+01:00', 'Heute Spaeter');
    const page = await clerk.get(`/staff/termin/${ref}`);
    assert.match(page.body, /value="checked_in"/);
    assert.doesNotMatch(page.body, /value="completed"/, 'not completed before the time nor check-in');
    assert.doesNotMatch(page.body, /value="booked"/);
    const early = await clerk.post(`/staff/termin/${ref}/status`, { status: 'completed' });
    assert.match(String(early.headers.location), /error=not_started/);
    await clerk.post(`/staff/termin/${ref}/status`, { status: 'checked_in' });
    const checked = await clerk.get(`/staff/termin/${ref}`);
    assert.match(checked.body, /value="completed"/);
    assert.match(checked.body, /Zurücksetzen/);
    const undo = await clerk.post(`/staff/termin/${ref}/status`, { status: 'booked' });
    assert.equal(undo.headers.location, `/staff/termin/${ref}?ok=undone`);
    assert.equal(await status('Heute Spaeter'), 'booked');
    await clerk.post(`/staff/termin/${ref}/status`, { status: 'checked_in' });
    await clerk.post(`/staff/termin/${ref}/status`, { status: 'completed' });
    assert.equal(await status('Heute Spaeter'), 'completed');
    await clerk.get(`/staff/termin/${ref}`);
    await clerk.post(`/staff/termin/${ref}/status`, { status: 'booked' });
    assert.equal(await status('Heute Spaeter'), 'booked', 'a wrong "completed" is undone on the day');
    // every change at the counter is in the appointment's history: who, what, from and to
    const audit = await env.app.ctx.db.selectFrom('audit_log').select(['actor', 'actor_user_id', 'action', 'details'])
      .where('action', 'like', 'appointment.attendance%').orderBy('id').execute();
    const mine = audit.filter((a) => (a.details as { reference?: string }).reference === ref);
    assert.deepEqual(mine.map((a) => [(a.details as { fromStatus: string }).fromStatus, (a.details as { toStatus: string }).toStatus]), [
      ['booked', 'checked_in'], ['checked_in', 'booked'], ['booked', 'checked_in'], ['checked_in', 'completed'], ['completed', 'booked'],
    ]);
    const clerkId = (await env.app.ctx.db.selectFrom('staff_users').select('id').where('email', '=', 'clerk-a@example.org').executeTakeFirstOrThrow()).id;
    assert.deepEqual(new Set(mine.map((a) => `${a.actor} ${a.actor_user_id}`)), new Set([`staff ${clerkId}`]));
    assert.equal(mine.at(-1)!.action, 'appointment.attendance_undo');
    const noCsrf = await clerk.post(`/staff/termin/${ref}/status`, { status: 'booked' }, { csrf: false });
    assert.equal(noCsrf.statusCode, 403);
  });

  test('undo only on the day of the appointment', async () => {
    const ref = await book('2026-12-01T09:00:00+01:00', 'Gestern Erledigt');
    await env.app.ctx.db.updateTable('appointments').set({ status: 'completed' }).where('contact_name', '=', 'Gestern Erledigt').execute();
    assert.doesNotMatch((await clerk.get(`/staff/termin/${ref}`)).body, /value="booked"/);
    const r = await clerk.post(`/staff/termin/${ref}/status`, { status: 'booked' });
    assert.match(String(r.headers.location), /error=not_today/);
    assert.equal(await status('Gestern Erledigt'), 'completed');
  });

  test('move on behalf: nothing preselected, a choice is required', async () => {
    const ref = await book('2026-12-03T09:00:00+01:00', 'Verschieben Wahl');
    const page = await clerk.get(`/staff/termin/${ref}/verschieben`);
    assert.match(page.body, /name="startsAt"/);
    assert.doesNotMatch(page.body, /checked/);
    assert.match(page.body, /per E-Mail mitgeteilt/);
    const again = await clerk.post(`/staff/termin/${ref}/verschieben`, { reason: 'Schalter zu' });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /Bitte wählen Sie eine Zeit/);
    assert.match(again.body, /<textarea[^>]*>Schalter zu<\/textarea>/, 'the reason typed is kept');
    assert.match(again.body, /href="#startsAt"/, 'the error summary leads to the times');
    const row = await env.app.ctx.db.selectFrom('appointments').select('starts_at').where('contact_name', '=', 'Verschieben Wahl').executeTakeFirstOrThrow();
    assert.equal(row.starts_at.getTime(), Date.parse('2026-12-03T09:00:00+01:00'));
  });

  test('an appointment whose concern is gone can only be cancelled', async () => {
    const ref = await book('2026-12-04T09:00:00+01:00', 'Anliegen Weg');
    await env.app.ctx.db.updateTable('appointments').set({ services: JSON.stringify([{ id: 'entfernt', quantity: 1 }]) as never })
      .where('contact_name', '=', 'Anliegen Weg').execute();
    const page = await clerk.get(`/staff/termin/${ref}`);
    assert.doesNotMatch(page.body, /verschieben"/);
    assert.match(page.body, /nicht mehr angeboten/);
    const move = await clerk.get(`/staff/termin/${ref}/verschieben`);
    assert.doesNotMatch(move.body, /name="startsAt"/);
    assert.match(move.body, /nur absagen/);
    const r = await clerk.post(`/staff/termin/${ref}/verschieben`, { startsAt: '2026-12-04T10:00:00+01:00' });
    assert.match(String(r.headers.location), /error=not_allowed/);
  });

  test('CSV export: a bad range says what is wrong; a form to choose the range', async () => {
    const lead = await loggedIn(env.server, 'lead');
    const day = await lead.get('/staff?office=a&date=2026-11-30');
    assert.ok(day.body.includes('href="/staff/export?office=a&amp;from=2026-11-30&amp;to=2026-11-30"'), 'the day view links the export form');
    const form = await lead.get('/staff/export?office=a&from=2026-11-30&to=2026-11-30');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<form method="post" action="\/staff\/export.csv"/);
    assert.match(form.body, /name="from"[^>]*|id="from"/);
    for (const [q, text] of [
      ['from=2026-01-01&to=2027-06-01', /höchstens 366 Tage/],
      ['from=2026-12-31&to=2026-11-30', /Ende vor Beginn/],
      ['from=2026-02-30&to=2026-03-01', /„2026-02-30“ ist kein gültiges Datum. Bitte als TT.MM.JJJJ eingeben/],
    ] as const) {
      const r = await lead.get(`/staff/export.csv?office=a&${q}`);
      assert.equal(r.statusCode, 400, q);
      assert.match(String(r.headers['content-type']), /^text\/html/);
      assert.match(r.body, text, q);
      assert.match(r.body, /Es gibt ein Problem/);
    }
    const en = await lead.get('/staff/export.csv?office=a&from=2026-01-01&to=2027-06-01&lang=en');
    assert.match(en.body, /at most 366 days/);
    await lead.get('/staff?lang=de');
    assert.equal((await clerk.get('/staff/export?office=a')).statusCode, 404);
    assert.equal((await lead.get('/staff/export?office=b')).statusCode, 404);
  });

  test('bad dates: the day view says so, the print view refuses', async () => {
    const r = await clerk.get('/staff?office=a&date=2026-02-30');
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /Ungültiges Datum „2026-02-30“ – heute angezeigt/);
    assert.match(r.body, /id="date-error"/);
    const p = await clerk.get('/staff/druck?office=a&date=9999-99-99');
    assert.equal(p.statusCode, 400);
    assert.doesNotMatch(p.body, /Termine des Tages/);
    assert.match(p.body, /Ungültiges Datum/);
    assert.equal((await clerk.get('/staff/druck?office=a&date=2026-11-30')).statusCode, 200);
  });

  /** The links of the error summary, in order. */
  const summary = (html: string) => {
    const box = /<div class="kern-alert kern-alert--danger az-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
    return [...box.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
  };

  test('cancelling without a reason: 422 with the form, the field marked, the error summary first and linked to it', async () => {
    const ref = await book('2026-12-07T09:00:00+01:00', 'Ohne Grund');
    await clerk.get(`/staff/termin/${ref}`);
    const r = await clerk.post(`/staff/termin/${ref}/absagen`, { reason: '   ' });
    assert.equal(r.statusCode, 422);
    assert.match(String(r.headers['content-type']), /^text\/html/);
    assert.match(r.body, /<title>Fehler: /);
    assert.match(r.body, /Es gibt ein Problem/);
    assert.deepEqual(summary(r.body), ['reason']);
    assert.match(r.body, /az-error-summary"[^>]*autofocus/, 'the error summary takes the focus');
    assert.match(r.body, /id="reason-error"[\s\S]{0,300}Bitte geben Sie einen Grund an/);
    const field = /<textarea[^>]*id="reason"[^>]*>/.exec(r.body)?.[0] ?? '';
    assert.match(field, /aria-invalid="true"/);
    assert.match(field, /aria-describedby="[^"]*reason-error/);
    assert.match(field, /kern-form-input__input--error/);
    assert.match(r.body, /<form method="post" action="\/staff\/termin\/[^"]+\/absagen"/, 'the form again, to try once more');
    assert.equal(await status('Ohne Grund'), 'booked');
    // too long: the text typed is kept, the field says what to fix
    const long = 'x'.repeat(501);
    const r2 = await clerk.post(`/staff/termin/${ref}/absagen`, { reason: long });
    assert.equal(r2.statusCode, 422);
    assert.match(r2.body, /höchstens 500 Zeichen/);
    assert.ok(r2.body.includes(`>${long}</textarea>`));
    // in English
    await clerk.get(`/staff/termin/${ref}?lang=en`);
    const en = await clerk.post(`/staff/termin/${ref}/absagen`, { reason: '' });
    assert.equal(en.statusCode, 422);
    assert.match(en.body, /Please give a reason/);
    await clerk.get('/staff?lang=de');
    const history = await env.app.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'appointment.cancel').execute();
    assert.equal(history.length, 0, 'nothing recorded');
  });

  test('cancelling through the staff API without a reason: 422 naming the field', async () => {
    const ref = await book('2026-12-07T09:30:00+01:00', 'Api Ohne Grund');
    const token = await createApiToken(env.app.ctx, { email: 'clerk-a@example.org', label: 'cancel' });
    const call = (body: unknown, r = ref) => env.server.inject({
      method: 'POST', url: `/api/v1/staff/appointments/${r}/cancel`, payload: JSON.stringify(body),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    const none = await call({});
    assert.equal(none.statusCode, 422, none.body);
    assert.equal(none.json().error, 'validation');
    assert.ok(none.json().fields.reason, 'the field is named');
    const blank = await call({ reason: '  ' });
    assert.equal(blank.statusCode, 422);
    assert.match(blank.json().fields.reason, /Bitte geben Sie einen Grund an/);
    assert.equal(await status('Api Ohne Grund'), 'booked');
    const ok = await call({ reason: 'Die Dienststelle ist geschlossen.' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().status, 'cancelled');
    assert.equal((await call({ reason: 'noch einmal' })).statusCode, 409, 'already cancelled');
    const otherOffice = (await bookAppointment(env.app.ctx, {
      office: 'b', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-07T10:00:00+01:00',
      contact: { name: 'Amt B', email: 'amtb@example.org', phone: '' }, locale: 'de', consent: true,
    })).appointment.reference;
    assert.equal((await call({ reason: 'x' }, otherOffice)).statusCode, 404);
    const anonymous = await env.server.inject({ method: 'POST', url: `/api/v1/staff/appointments/${ref}/cancel`, payload: '{}', headers: { 'content-type': 'application/json' } });
    assert.equal(anonymous.statusCode, 401);
  });

  test('the error summary follows the order of the fields: booking, moving', async () => {
    // booking, step 1: the concerns come before the day
    const search = await clerk.get('/staff/buchen?office=a&channel=phone&tag=kein-tag');
    assert.equal(search.statusCode, 400);
    assert.deepEqual(summary(search.body), ['concerns', 'tag']);
    // booking, step 2: time, name, e-mail, phone
    const times = await clerk.get('/staff/buchen?office=a&channel=phone&q_ausweis=1');
    assert.ok(/name="startsAt"/.test(times.body));
    const bad = await clerk.post('/staff/buchen', { office: 'a', channel: 'phone', q_ausweis: '1', name: '', email: 'kein-at', phone: 'abc' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(summary(bad.body), ['startsAt', 'name', 'email', 'phone']);
    const order = ['id="startsAt"', 'id="name"', 'id="email"', 'id="phone"'].map((id) => bad.body.indexOf(id));
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'and the fields stand in that order');
    // moving: the day comes before the times
    const ref = await book('2026-12-08T09:00:00+01:00', 'Reihenfolge');
    await clerk.get(`/staff/termin/${ref}/verschieben`);
    const move = await clerk.post(`/staff/termin/${ref}/verschieben`, { tag: '31.02.2026', reason: 'x' });
    assert.equal(move.statusCode, 400);
    assert.deepEqual(summary(move.body), ['tag', 'startsAt']);
  });

  test('booking for another office answers 404', async () => {
    assert.equal((await clerk.get('/staff/buchen?office=b')).statusCode, 404);
    assert.equal((await clerk.get('/staff/buchen?office=b&q_anmeldung=1')).statusCode, 404);
    assert.equal((await clerk.get('/staff/buchen?office=a')).statusCode, 400, 'own office without concerns: choose one');
  });

  test('staff booking messages speak about the caller; the e-mail is marked optional once', async () => {
    const times = await clerk.get('/staff/buchen?office=a&channel=phone&q_ausweis=1');
    assert.equal((times.body.match(/freiwillig/gi) ?? []).length, 3, 'the day, e-mail and phone, once each');
    const m = /name="startsAt" value="([^"]+)"/.exec(times.body)!;
    const noName = await clerk.post('/staff/buchen', { office: 'a', channel: 'phone', q_ausweis: '1', startsAt: m[1], name: '' });
    assert.match(noName.body, /Bitte den Namen der anrufenden Person angeben/);
    assert.doesNotMatch(noName.body, /Ihren Namen/);
    const bad = await clerk.post('/staff/buchen', { office: 'a', channel: 'phone', q_ausweis: '1', startsAt: m[1], name: 'A <b>' });
    assert.match(bad.body, /darf die Zeichen &lt; und &gt;/);
  });
});
