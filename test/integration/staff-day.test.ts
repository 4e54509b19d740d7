// The back office's day work through Fastify's inject: the day view (timeline
// per lane, list, conflicts), search, details with what to bring, phone and
// walk-in bookings, check-in / completed / no-show, cancelling on behalf.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { importConfig } from '../../src/app/import-config.ts';
import { Client, loggedIn, staffTestEnv, type StaffTestEnv } from './staff-helpers.ts';

describe('staff day work', () => {
  let env: StaffTestEnv;
  let clerk: Client;
  let ref = '';
  before(async () => {
    env = await staffTestEnv();
    const r = await bookAppointment(env.app.ctx, {
      office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-11-30T10:00:00+01:00',
      contact: { name: 'Erika Mustermann', email: 'erika@example.org', phone: '' }, locale: 'de', consent: true,
    });
    ref = r.appointment.reference;
    clerk = await loggedIn(env.server, 'clerkA');
  });
  after(async () => { await env.close(); });

  test('the day view lists the appointment, its lane and free times', async () => {
    const r = await clerk.get('/staff?office=a&date=2026-11-30');
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /Tagesansicht: Bürgeramt A, Montag, 30\. November 2026/);
    assert.ok(r.body.includes(ref));
    assert.match(r.body, /Erika Mustermann/);
    assert.match(r.body, /Schalter 1/);
    assert.match(r.body, /Schalter 2/);
    assert.match(r.body, /08:00–10:00: frei/);
    assert.match(r.body, /10:00–10:15/);
    const en = await clerk.get('/staff?office=a&date=2026-11-30&lang=en');
    assert.match(en.body, /Day view: Bürgeramt A/);
    assert.match(en.body, /Counter 1/);
    await clerk.get('/staff?lang=de');
  });

  test('search by reference, name or e-mail; details show what to bring', async () => {
    for (const q of [ref, ref.replace('-', '').toLowerCase(), 'mustermann', 'ERIKA@example']) {
      const r = await clerk.get(`/staff/suche?q=${encodeURIComponent(q)}`);
      assert.ok(r.body.includes(`/staff/termin/${ref}`), q);
    }
    assert.match((await clerk.get('/staff/suche?q=nobody')).body, /Nichts gefunden/);
    // a part of the reference, and a name without its accents
    const accented = await bookAppointment(env.app.ctx, {
      office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-01T10:00:00+01:00',
      contact: { name: 'Ayşe Çelik-Müller', email: 'ayse@example.org', phone: '' }, locale: 'de', consent: true,
    });
    const other = accented.appointment.reference;
    for (const [q, want, not] of [[ref.slice(5).toLowerCase(), ref, null], [`${ref.slice(0, 4)}-${ref.slice(5, 6)}`, ref, other], ['celik', other, ref], ['ayse celik-muller', other, ref], ['ÇELİK', other, null]] as const) {
      const body = (await clerk.get(`/staff/suche?q=${encodeURIComponent(q)}`)).body;
      assert.ok(body.includes(`/staff/termin/${want}`), `${q} finds ${want}`);
      if (not) assert.ok(!body.includes(`/staff/termin/${not}`), `${q} does not find ${not}`);
    }
    const d = await clerk.get(`/staff/termin/${ref}`);
    assert.equal(d.statusCode, 200);
    assert.match(d.body, /Dokument für anmeldung/);
    assert.match(d.body, /Personalausweis/);
  });

  test('a phone booking: concerns, nearest phone times, contact without e-mail, the reference to read out', async () => {
    const times = await clerk.get('/staff/buchen?office=a&channel=phone&q_ausweis=1');
    assert.equal(times.statusCode, 200);
    const m = /name="startsAt" value="([^"]+)"/.exec(times.body);
    assert.ok(m, 'a free time is offered');
    const noName = await clerk.post('/staff/buchen', { office: 'a', channel: 'phone', q_ausweis: '1', startsAt: m[1], name: '' });
    assert.equal(noName.statusCode, 400);
    assert.match(noName.body, /Es gibt ein Problem/);
    const r = await clerk.post('/staff/buchen', { office: 'a', channel: 'phone', q_ausweis: '1', startsAt: m[1], name: 'Max Anrufer', email: '', phone: '0341 123' });
    assert.equal(r.statusCode, 303);
    const done = await clerk.get(String(r.headers.location));
    const reference = /id="reference">([^<]+)</.exec(done.body)?.[1];
    assert.ok(reference);
    assert.match(done.body, /Keine E-Mail/);
    const row = await env.app.ctx.db.selectFrom('appointments').selectAll().where('contact_name', '=', 'Max Anrufer').executeTakeFirstOrThrow();
    assert.equal(row.channel, 'phone');
    const mails = await env.app.ctx.db.selectFrom('outbox').select('kind').where('appointment_id', '=', row.id).execute();
    assert.deepEqual(mails, []);
  });

  test('a walk-in with e-mail gets the confirmation mail', async () => {
    const times = await clerk.get('/staff/buchen?office=a&channel=counter&q_anmeldung=1');
    const m = /name="startsAt" value="([^"]+)"/.exec(times.body)!;
    const r = await clerk.post('/staff/buchen', { office: 'a', channel: 'counter', q_anmeldung: '1', startsAt: m[1], name: 'Walk In', email: 'walk@example.org' });
    assert.equal(r.statusCode, 303);
    const row = await env.app.ctx.db.selectFrom('appointments').selectAll().where('contact_name', '=', 'Walk In').executeTakeFirstOrThrow();
    assert.equal(row.channel, 'counter');
    const mails = await env.app.ctx.db.selectFrom('outbox').select('kind').where('appointment_id', '=', row.id).execute();
    assert.deepEqual(mails.map((x) => x.kind), ['booking_confirmation']);
  });

  test('check-in, completed; no-show only once the time has begun', async () => {
    const early = await clerk.post(`/staff/termin/${ref}/status`, { status: 'no_show' });
    assert.match(String(early.headers.location), /error=not_started/);
    const inn = await clerk.post(`/staff/termin/${ref}/status`, { status: 'checked_in' });
    assert.equal(inn.headers.location, `/staff/termin/${ref}?ok=saved`);
    assert.match((await clerk.get(`/staff/termin/${ref}`)).body, /angekommen/);
    await clerk.post(`/staff/termin/${ref}/status`, { status: 'completed' });
    const row = await env.app.ctx.db.selectFrom('appointments').select('status').where('contact_name', '=', 'Erika Mustermann').executeTakeFirstOrThrow();
    assert.equal(row.status, 'completed');
    const noCsrf = await clerk.post(`/staff/termin/${ref}/status`, { status: 'no_show' }, { csrf: false });
    assert.equal(noCsrf.statusCode, 403);
  });

  test('no-show after the start', async () => {
    const b = await bookAppointment(env.app.ctx, {
      office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-11-30T11:00:00+01:00',
      contact: { name: 'Nicht Da', email: 'nd@example.org', phone: '' }, locale: 'de', consent: true,
    });
    env.app.clock.set(Date.parse('2026-11-30T10:20:00Z'));
    clerk = await loggedIn(env.server, 'clerkA'); // the old session idled out
    await clerk.get('/staff');
    await clerk.post(`/staff/termin/${b.appointment.reference}/status`, { status: 'no_show' });
    const row = await env.app.ctx.db.selectFrom('appointments').select('status').where('contact_name', '=', 'Nicht Da').executeTakeFirstOrThrow();
    assert.equal(row.status, 'no_show');
  });

  test('cancel on behalf needs a reason and tells the citizen', async () => {
    const b = await bookAppointment(env.app.ctx, {
      office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-01T09:00:00+01:00',
      contact: { name: 'Absage Fall', email: 'absage@example.org', phone: '' }, locale: 'de', consent: true,
    });
    const r0 = b.appointment.reference;
    await clerk.get(`/staff/termin/${r0}`);
    const none = await clerk.post(`/staff/termin/${r0}/absagen`, { reason: '  ' });
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /Bitte geben Sie einen Grund an/);
    const ok = await clerk.post(`/staff/termin/${r0}/absagen`, { reason: 'Die Sachbearbeiterin ist erkrankt.' });
    assert.equal(ok.headers.location, `/staff/termin/${r0}?ok=cancelled`);
    const row = await env.app.ctx.db.selectFrom('appointments').selectAll().where('contact_name', '=', 'Absage Fall').executeTakeFirstOrThrow();
    assert.equal(row.status, 'cancelled');
    assert.equal(row.cancel_reason, 'staff');
    const mail = await env.app.ctx.db.selectFrom('outbox').selectAll().where('appointment_id', '=', row.id).where('kind', '=', 'staff_cancellation').executeTakeFirstOrThrow();
    assert.deepEqual(mail.payload, { reason: 'Die Sachbearbeiterin ist erkrankt.' });
  });

  test('appointments kept as conflicts after a config import are shown prominently', async () => {
    const b = await bookAppointment(env.app.ctx, {
      office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-02T09:00:00+01:00',
      contact: { name: 'Konflikt Fall', email: 'k@example.org', phone: '' }, locale: 'de', consent: true,
    });
    await env.app.ctx.db.updateTable('appointments').set({ conflict: 'closed' }).where('contact_name', '=', 'Konflikt Fall').execute();
    const r = await clerk.get('/staff?office=a&date=2026-12-02');
    assert.match(r.body, /1 Termin passt nicht mehr zur Konfiguration/);
    assert.ok(r.body.includes(b.appointment.reference));
    assert.match((await clerk.get(`/staff/termin/${b.appointment.reference}`)).body, /Passt nicht mehr zur Konfiguration/);
  });

  test('move on behalf: nearest free times, the move, and the citizen is told', async () => {
    const b = await bookAppointment(env.app.ctx, {
      office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-03T09:00:00+01:00',
      contact: { name: 'Verschieben Fall', email: 'move@example.org', phone: '' }, locale: 'de', consent: true,
    });
    const r0 = b.appointment.reference;
    const page = await clerk.get(`/staff/termin/${r0}/verschieben`);
    assert.equal(page.statusCode, 200);
    const to = /name="startsAt" value="([^"]+)"/.exec(page.body)![1];
    const r = await clerk.post(`/staff/termin/${r0}/verschieben`, { startsAt: to, reason: 'Schalter geschlossen' });
    assert.equal(r.headers.location, `/staff/termin/${r0}?ok=moved`);
    const row = await env.app.ctx.db.selectFrom('appointments').selectAll().where('contact_name', '=', 'Verschieben Fall').executeTakeFirstOrThrow();
    assert.equal(row.starts_at.getTime(), Date.parse(to));
    const mail = await env.app.ctx.db.selectFrom('outbox').selectAll().where('appointment_id', '=', row.id).where('kind', '=', 'reschedule').executeTakeFirstOrThrow();
    assert.equal((mail.payload as { reason?: string }).reason, 'Schalter geschlossen');
    const bad = await clerk.post(`/staff/termin/${r0}/verschieben`, { startsAt: '2026-12-03T03:00:00+01:00', reason: 'Krankheit' });
    assert.equal(bad.statusCode, 409);
    assert.match(bad.body, /inzwischen vergeben/);
    assert.match(bad.body, />Krankheit<\/textarea>/);
  });

  test('a printable day list with what to bring; CSV for leads and admins', async () => {
    const p = await clerk.get('/staff/druck?office=a&date=2026-11-30');
    assert.equal(p.statusCode, 200);
    assert.match(p.body, /Termine des Tages: Bürgeramt A, Montag, 30\. November 2026/);
    assert.match(p.body, /Dokument für anmeldung, Personalausweis/);
    assert.doesNotMatch((await clerk.get('/staff?office=a&date=2026-11-30')).body, /CSV-Export/);
    assert.equal((await clerk.get('/staff/export.csv?office=a&from=2026-11-30&to=2026-12-31')).statusCode, 404);
    const lead = await loggedIn(env.server, 'lead');
    assert.match((await lead.get('/staff?office=a&date=2026-11-30')).body, /CSV-Export/);
    const csv = await lead.get('/staff/export.csv?office=a&from=2026-11-30&to=2026-12-31');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /attachment; filename="termine-a-2026-11-30-2026-12-31.csv"/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines[0], 'Datum;Beginn;Ende;Amt;Anliegen;Kanal;Status;Buchungsnummer;Schalter;Konflikt;Abgesagt von;Abgesagt am');
    assert.ok(lines.some((l) => l.startsWith(`30.11.2026;10:00;10:15;Bürgeramt A;1 × Dienst anmeldung;online;erledigt;${ref};`)), lines.join('\n'));
    assert.equal((await lead.get('/staff/export.csv?office=a&from=2026-12-31&to=2026-11-30')).statusCode, 400);
    assert.equal((await lead.get('/staff/export.csv?office=b&from=2026-11-30&to=2026-11-30')).statusCode, 404);
  });

  test('a closure over booked appointments: preview, keep them marked, or cancel them with the reason', async () => {
    const mk = (start: string, name: string) => bookAppointment(env.app.ctx, {
      office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: start,
      contact: { name, email: `${name.replace(/\W/g, '').toLowerCase()}@example.org`, phone: '' }, locale: 'de', consent: true,
    });
    const k1 = (await mk('2026-12-09T09:00:00+01:00', 'Schliessung Eins')).appointment.reference;
    const k2 = (await mk('2026-12-10T10:00:00+01:00', 'Schliessung Zwei')).appointment.reference;
    assert.equal((await clerk.get('/staff/schliessen?office=a&from=2026-12-09')).statusCode, 404);
    const lead = await loggedIn(env.server, 'lead');
    const form = await lead.get('/staff/schliessen?office=a&from=2026-12-09');
    assert.equal(form.statusCode, 200);
    const noReason = await lead.post('/staff/schliessen', { office: 'a', from: '2026-12-09', to: '2026-12-09', reason: '', step: 'preview' });
    assert.equal(noReason.statusCode, 400);

    // keep: the appointment stays, marked as a conflict, and shows prominently
    const preview = await lead.post('/staff/schliessen', { office: 'a', from: '2026-12-09', to: '2026-12-09', reason: 'Betriebsausflug', step: 'preview' });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /1 gebuchter Termin betroffen/);
    assert.ok(preview.body.includes(k1));
    const applied = await lead.post('/staff/schliessen', { office: 'a', from: '2026-12-09', to: '2026-12-09', fromTime: '', toTime: '', reason: 'Betriebsausflug', step: 'apply', [`c_${k1}`]: 'keep' });
    assert.match(String(applied.headers.location), /^\/staff\/plaene\/ergebnis\?office=a&id=\d+$/);
    const result = await lead.get(String(applied.headers.location));
    assert.match(result.body, /behalten – als Konflikt markiert/);
    const day = await lead.get('/staff?office=a&date=2026-12-09');
    assert.match(day.body, /1 Termin passt nicht mehr zur Konfiguration/);
    assert.match(day.body, /An diesem Tag geschlossen/);
    assert.match(day.body, /Geschlossen ganztägig: Betriebsausflug/);
    const office = (await env.app.ctx.catalog()).offices.get('a')!;
    assert.deepEqual(office.closures.at(-1), { from: '2026-12-09', to: '2026-12-09', reason: { de: 'Betriebsausflug', en: 'Betriebsausflug' } });
    const audit = await env.app.ctx.db.selectFrom('audit_log').select(['actor', 'action']).where('action', '<>', 'plan.outcome').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(audit, { actor: 'staff:lead@example.org', action: 'config.import' });

    // cancel: part of a day, the affected appointment cancelled with the reason as the message
    const p2 = await lead.post('/staff/schliessen', { office: 'a', from: '2026-12-10', to: '2026-12-10', fromTime: '09:30', toTime: '12:00', reason: 'Stromausfall', step: 'preview' });
    assert.ok(p2.body.includes(k2));
    assert.ok(!p2.body.includes(k1), 'earlier conflicts are not listed again');
    const a2 = await lead.post('/staff/schliessen', { office: 'a', from: '2026-12-10', to: '2026-12-10', fromTime: '09:30', toTime: '12:00', reason: 'Stromausfall', step: 'apply', [`c_${k2}`]: 'cancel' });
    assert.match((await lead.get(String(a2.headers.location))).body, new RegExp(`${k2}[\\s\\S]*abgesagt[\\s\\S]*?E-Mail mit Grund an`));
    const row = await env.app.ctx.db.selectFrom('appointments').selectAll().where('contact_name', '=', 'Schliessung Zwei').executeTakeFirstOrThrow();
    assert.equal(row.status, 'cancelled');
    const mail = await env.app.ctx.db.selectFrom('outbox').selectAll().where('appointment_id', '=', row.id).where('kind', '=', 'staff_cancellation').executeTakeFirstOrThrow();
    assert.deepEqual(mail.payload, { reason: 'Stromausfall' });
    const bad = await lead.post('/staff/schliessen', { office: 'a', from: '2026-12-10', to: '2026-12-10', fromTime: '12:00', toTime: '09:00', reason: 'x', step: 'preview' });
    assert.equal(bad.statusCode, 400);
  });
});

// Issue 11, section 4: the day view names public holidays, draws counters taken
// away by a block (or a part-day closure) in their lanes, and shows cancelled
// appointments greyed with "abgesagt" in words (hidden with ?abgesagte=nein).
describe('staff day view: holidays, blocked counters, cancelled appointments', () => {
  let env: StaffTestEnv;
  let clerk: Client;
  let cancelledRef = '';
  let keptRef = '';
  before(async () => {
    env = await staffTestEnv();
    const catalog = await env.app.ctx.catalog();
    const config = catalog.config;
    await importConfig(env.app.ctx.db, {
      orgId: env.app.ctx.orgId, now: env.app.clock.now, actor: 'test',
      config: {
        ...config,
        offices: config.offices.map((o) => o.id !== 'a' ? o : {
          ...o,
          blocks: [{ from: '2026-12-01', to: '2026-12-01', fromTime: '10:00', toTime: '11:00', counters: 1, reason: { de: 'krank', en: 'ill' } }],
          closures: [{ from: '2026-12-02', to: '2026-12-02', fromTime: '09:00', toTime: '10:00', reason: { de: 'Stromausfall', en: 'Power cut' } }],
        }),
      },
    });
    const book = (startsAt: string, name: string) => bookAppointment(env.app.ctx, {
      office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt,
      contact: { name, email: `${name.split(' ')[0].toLowerCase()}@example.org`, phone: '' }, locale: 'de', consent: true,
    });
    cancelledRef = (await book('2026-12-01T09:00:00+01:00', 'Abgesagt Fall')).appointment.reference;
    keptRef = (await book('2026-12-01T09:30:00+01:00', 'Bleibt Fall')).appointment.reference;
    clerk = await loggedIn(env.server, 'clerkA');
    await clerk.get(`/staff/termin/${cancelledRef}`);
    const r = await clerk.post(`/staff/termin/${cancelledRef}/absagen`, { reason: 'Doppelt gebucht' });
    assert.equal(r.headers.location, `/staff/termin/${cancelledRef}?ok=cancelled`);
  });
  after(async () => { await env.close(); });

  const lane = (body: string, n: number) => new RegExp(`<section class="az-lane"[^>]*aria-labelledby="lane-${n}">[\\s\\S]*?</section>`).exec(body)?.[0] ?? '';

  test('a public holiday is named, in German and English, instead of a bare "closed"', async () => {
    const de = await clerk.get('/staff?office=a&date=2026-12-25');
    assert.equal(de.statusCode, 200);
    assert.match(de.body, /Feiertag: 1\. Weihnachtstag/);
    const en = await clerk.get('/staff?office=a&date=2026-12-25&lang=en');
    assert.match(en.body, /Public holiday: Christmas Day/);
    await clerk.get('/staff?lang=de');
    // a Sunday is closed, but no holiday
    const sunday = await clerk.get('/staff?office=a&date=2026-12-06');
    assert.match(sunday.body, /An diesem Tag geschlossen/);
    assert.doesNotMatch(sunday.body, /Feiertag/);
    const api = JSON.parse((await clerk.get('/api/v1/staff/day?office=a&date=2026-12-25')).body);
    assert.equal(api.holiday, '1. Weihnachtstag');
    assert.equal(api.closed, true);
  });

  test('a counter taken away by a block is drawn as a blocked period in its lane, with the reason', async () => {
    const de = await clerk.get('/staff?office=a&date=2026-12-01');
    const two = lane(de.body, 1);
    assert.match(two, /10:00–11:00: gesperrt: krank/);
    assert.match(two, /11:00–12:00: frei/);
    assert.match(two, /az-slot--blocked/);
    const one = lane(de.body, 0);
    assert.ok(one, 'lane 1 is there');
    assert.doesNotMatch(one, /gesperrt/);
    assert.match(one, /09:45–12:00: frei/);
    const en = await clerk.get('/staff?office=a&date=2026-12-01&lang=en');
    assert.match(lane(en.body, 1), /10:00–11:00: blocked: ill/);
    await clerk.get('/staff?lang=de');
    const api = JSON.parse((await clerk.get('/api/v1/staff/day?office=a&date=2026-12-01')).body);
    assert.deepEqual(api.lanes[1].blocked, [{ from: '10:00', to: '11:00', kind: 'block', reason: 'krank' }]);
    assert.deepEqual(api.lanes[0].blocked, []);
  });

  test('a closure for part of the day is drawn in every lane', async () => {
    const de = await clerk.get('/staff?office=a&date=2026-12-02');
    for (const n of [0, 1]) {
      assert.match(lane(de.body, n), /09:00–10:00: geschlossen: Stromausfall/, `lane ${n + 1}`);
      assert.match(lane(de.body, n), /08:00–09:00: frei/, `lane ${n + 1}`);
    }
    assert.match(lane((await clerk.get('/staff?office=a&date=2026-12-02&lang=en')).body, 0), /09:00–10:00: closed: Power cut/);
    await clerk.get('/staff?lang=de');
  });

  test('cancelled appointments are shown greyed and marked "abgesagt" in words, and can be hidden', async () => {
    const shown = await clerk.get('/staff?office=a&date=2026-12-01');
    const row = new RegExp(`<tr class="[^"]*az-row--cancelled[^"]*"[^>]*>[\\s\\S]*?${cancelledRef}[\\s\\S]*?</tr>`).exec(shown.body)?.[0];
    assert.ok(row, 'the cancelled appointment is a greyed row of the list');
    assert.match(row, /abgesagt durch Amt/);
    assert.match(row, /Abgesagt Fall/);
    assert.ok(shown.body.includes(keptRef));
    assert.match(shown.body, /href="\/staff\?office=a&amp;date=2026-12-01&amp;abgesagte=nein"[^>]*>Abgesagte ausblenden \(1\)/);
    // the time is free again: the timeline does not draw it
    assert.doesNotMatch(lane(shown.body, 0) + lane(shown.body, 1), new RegExp(cancelledRef));

    const hidden = await clerk.get('/staff?office=a&date=2026-12-01&abgesagte=nein');
    assert.equal(hidden.statusCode, 200);
    assert.ok(!hidden.body.includes(cancelledRef), 'hidden with abgesagte=nein');
    assert.ok(hidden.body.includes(keptRef));
    assert.match(hidden.body, /href="\/staff\?office=a&amp;date=2026-12-01"[^>]*>Abgesagte zeigen \(1\)/);
    // the choice is kept when going to another day and in the date form
    assert.match(hidden.body, /href="\/staff\?office=a&amp;date=2026-12-02&amp;abgesagte=nein"/);
    assert.match(hidden.body, /<input type="hidden" name="abgesagte" value="nein"/);

    const en = await clerk.get('/staff?office=a&date=2026-12-01&lang=en');
    assert.match(en.body, /cancelled by the office/);
    assert.match(en.body, /Hide cancelled \(1\)/);
    await clerk.get('/staff?lang=de');
    // the list of the day's appointments in the API stays without cancelled ones; they are a list of their own
    const api = JSON.parse((await clerk.get('/api/v1/staff/day?office=a&date=2026-12-01')).body);
    assert.ok(!api.list.some((i: { reference: string }) => i.reference === cancelledRef));
    assert.deepEqual(api.cancelled.map((i: { reference: string; status: string }) => [i.reference, i.status]), [[cancelledRef, 'cancelled']]);
  });
});

describe('staff day view: the background refresh does not keep an idle session alive', () => {
  let env: StaffTestEnv;
  before(async () => { env = await staffTestEnv(); });
  after(async () => { await env.close(); });

  test('a refresh (x-amtszeit-refresh: 1) is answered but is no activity; a click is', async () => {
    const get = (c: Client, refresh: boolean) => env.server.inject({
      url: '/staff?office=a', headers: { accept: 'text/html', cookie: c.cookieHeader, ...(refresh ? { 'x-amtszeit-refresh': '1' } : {}) },
    });
    const idle = await loggedIn(env.server, 'clerkA');
    const busy = await loggedIn(env.server, 'clerkA');
    for (let minute = 10; minute <= 20; minute += 10) {
      env.app.clock.advanceMinutes(10);
      assert.equal((await get(idle, true)).statusCode, 200, `the refresh is answered after ${minute} minutes`);
      assert.equal((await get(busy, false)).statusCode, 200);
    }
    env.app.clock.advanceMinutes(11); // 31 minutes after the login, 11 after the last click
    const gone = await get(idle, true);
    assert.equal(gone.statusCode, 303);
    assert.match(String(gone.headers.location), /^\/staff\/login\?reason=expired/);
    assert.equal((await get(busy, false)).statusCode, 200, 'clicks keep the session');
  });
});
