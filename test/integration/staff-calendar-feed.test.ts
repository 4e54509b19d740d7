// The calendar feed per office: made by a lead on /staff/kalender (address shown
// once, token stored hashed), read without a session, parsed with ical.js:
// the office's appointments from 7 days back to the horizon, not another
// office's, no cancelled ones, no personal contact data, right local times on
// both sides of the DST change; ETag; revoked, unknown and powerless tokens 404;
// wrong tokens are throttled per IP address.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { cancelOnBehalf } from '../../src/app/staff/cancel-on-behalf.ts';
import { hashToken } from '../../src/app/tokens.ts';
import { logSerializers } from '../../src/http/server.ts';
import { testDatabaseKinds } from '../helpers/database.ts';
import { Client, loggedIn, staffTestEnv, USERS, type StaffTestEnv } from './staff-helpers.ts';

const TZ = 'Europe/Berlin';

function parse(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return { comp, events: comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

for (const kind of testDatabaseKinds()) {
  describe(`calendar feed per office (${kind})`, () => {
    let env: StaffTestEnv;
    const refs: Record<string, { reference: string; id: string }> = {};
    before(async () => {
      env = await staffTestEnv(kind);
      const book = async (key: string, office: string, startsAt: string, service = 'anmeldung') => {
        const r = await bookAppointment(env.app.ctx, {
          office, services: [{ id: service, quantity: 2 }], startsAt, channel: 'phone', locale: 'de',
          contact: { name: `Erika Muster ${key}`, email: `erika-${key}@example.org`, phone: '0170 123456' },
        });
        const row = await env.app.ctx.db.selectFrom('appointments').select('id').where('reference', '=', r.appointment.reference.replace('-', '')).executeTakeFirstOrThrow();
        refs[key] = { reference: r.appointment.reference, id: row.id };
      };
      env.app.clock.set(Date.parse('2027-03-08T07:00:00Z'));
      await book('old', 'a', '2027-03-10T09:00:00+01:00'); // 12 days before "now": not in the feed
      env.app.clock.set(Date.parse('2027-03-15T07:00:00Z'));
      await book('recent', 'a', '2027-03-17T09:00:00+01:00'); // 5 days back: in the feed
      env.app.clock.set(Date.parse('2027-03-22T07:00:00Z')); // Monday 08:00 CET
      await book('beforeDst', 'a', '2027-03-25T09:00:00+01:00'); // Thursday, CET
      await book('afterDst', 'a', '2027-03-30T09:00:00+02:00', 'ausweis'); // Tuesday after the change, CEST
      await book('otherOffice', 'b', '2027-03-25T10:00:00+01:00');
      await book('cancelled', 'a', '2027-03-25T10:00:00+01:00');
      // a real user: the history names staff by their id
      const adminId = (await env.app.ctx.db.selectFrom('staff_users').select('id').where('email', '=', 'admin@example.org').executeTakeFirstOrThrow()).id;
      await cancelOnBehalf(env.app.ctx, { id: adminId, email: 'admin@example.org', name: 'A', role: 'admin', offices: [] }, { reference: refs.cancelled.reference, reason: 'Test', locale: 'de' });
    });
    after(async () => { await env.close(); });

    async function createFeed(c: Client, office: string, label: string): Promise<string> {
      await c.get(`/staff/kalender?office=${office}`);
      const r = await c.post(`/staff/kalender?office=${office}`, { label });
      assert.equal(r.statusCode, 200);
      const m = /<code class="az-secret" id="abo-adresse">http:\/\/localhost:3000(\/staff\/kalender\/feed\/azf_[A-Za-z0-9_-]{43}\.ics)<\/code>/.exec(r.body);
      assert.ok(m, 'the address is shown');
      return m[1];
    }
    const fetchFeed = (path: string, headers: Record<string, string> = {}) =>
      env.server.inject({ url: path, headers: { 'x-forwarded-for': '10.50.0.1', ...headers } });

    test('a lead creates a feed; without a session it lists the office\'s appointments, right on both sides of the DST change', async () => {
      const lead = await loggedIn(env.server, 'lead');
      const path = await createFeed(lead, 'a', 'Teamkalender');
      const token = path.slice('/staff/kalender/feed/'.length, -4);
      const stored = await env.app.ctx.db.selectFrom('staff_calendar_feeds').selectAll().execute();
      assert.equal(stored.length, 1);
      assert.equal(stored[0].id_hash, hashToken(token));
      const page = await lead.get('/staff/kalender?office=a');
      assert.match(page.body, /Teamkalender/);
      assert.ok(!page.body.includes(token), 'the address is shown only once');

      const r = await fetchFeed(path);
      assert.equal(r.statusCode, 200);
      assert.match(String(r.headers['content-type']), /^text\/calendar/);
      assert.ok(!('set-cookie' in r.headers));
      for (const secret of ['Erika', 'erika-', '0170', '@example.org>']) assert.ok(!r.body.includes(secret), `no ${secret} in the feed`);
      const { comp, events } = parse(r.body);
      assert.equal(comp.getFirstPropertyValue('method'), 'PUBLISH');
      assert.match(String(comp.getFirstPropertyValue('x-wr-calname')), /Bürgeramt A/);
      const byUid = new Map(events.map((e) => [e.uid, e]));
      assert.deepEqual([...byUid.keys()].sort(), [refs.recent.id, refs.beforeDst.id, refs.afterDst.id].map((id) => `${id}@amtszeit`).sort());
      const before = byUid.get(`${refs.beforeDst.id}@amtszeit`)!;
      const afterDst = byUid.get(`${refs.afterDst.id}@amtszeit`)!;
      assert.equal(before.startDate.zone?.tzid, TZ);
      assert.deepEqual([before.startDate.hour, before.startDate.minute], [9, 0]);
      assert.equal(before.startDate.toUnixTime() * 1000, Date.parse('2027-03-25T08:00:00Z'));
      assert.deepEqual([afterDst.startDate.hour, afterDst.startDate.minute], [9, 0]);
      assert.equal(afterDst.startDate.toUnixTime() * 1000, Date.parse('2027-03-30T07:00:00Z'));
      const storedAppt = await env.app.ctx.db.selectFrom('appointments').select('ends_at').where('id', '=', refs.afterDst.id).executeTakeFirstOrThrow();
      assert.equal(afterDst.endDate.toUnixTime() * 1000, storedAppt.ends_at.getTime());
      assert.ok(r.body.includes('DTSTART;TZID=Europe/Berlin:20270330T090000'));
      assert.equal(afterDst.summary, `${refs.afterDst.reference}: 2 × Dienst ausweis`);
      assert.match(afterDst.description, /2 × Dienst ausweis/);
      assert.match(afterDst.description, /Schalter \d/);
      assert.match(afterDst.location, /Bürgeramt A/);

      // English on request; ETag answers 304 when nothing changed
      assert.match((await fetchFeed(`${path}?lang=en`)).body, /Counter \d/);
      const etag = String(r.headers.etag);
      assert.match(etag, /^"[\w-]+"$/);
      assert.equal((await fetchFeed(path, { 'if-none-match': etag })).statusCode, 304);

      const [created] = await env.app.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'feed.create').execute();
      assert.equal(created.actor, 'staff:lead@example.org');
      assert.ok(!JSON.stringify(created.details).includes(token));
      assert.ok((await env.app.ctx.db.selectFrom('staff_calendar_feeds').select('last_used_at').executeTakeFirstOrThrow()).last_used_at);
    });

    test('revoked, unknown and malformed tokens answer 404; the revocation is audited', async () => {
      const admin = await loggedIn(env.server, 'admin');
      const path = await createFeed(admin, 'b', 'Zum Widerrufen');
      assert.equal((await fetchFeed(path)).statusCode, 200);
      const b = parse((await fetchFeed(path)).body);
      assert.deepEqual(b.events.map((e) => e.uid), [`${refs.otherOffice.id}@amtszeit`]);
      const id = (await env.app.ctx.db.selectFrom('staff_calendar_feeds').select('id').where('label', '=', 'Zum Widerrufen').executeTakeFirstOrThrow()).id;
      // a lead of office A cannot revoke office B's feed
      const lead = await loggedIn(env.server, 'lead');
      await lead.get('/staff/kalender?office=a');
      assert.equal((await lead.post(`/staff/kalender/${id}/widerrufen?office=b`, {})).statusCode, 404);
      assert.equal((await lead.post(`/staff/kalender/${id}/widerrufen?office=a`, {})).statusCode, 404);
      assert.equal((await fetchFeed(path)).statusCode, 200);
      await admin.get('/staff/kalender?office=b');
      const r = await admin.post(`/staff/kalender/${id}/widerrufen?office=b`, {});
      assert.equal(r.statusCode, 303);
      assert.equal(r.headers.location, '/staff/kalender?office=b&ok=revoked');
      assert.equal((await fetchFeed(path)).statusCode, 404);
      assert.equal((await fetchFeed('/staff/kalender/feed/azf_unknown.ics')).statusCode, 404);
      assert.equal((await fetchFeed(`/staff/kalender/feed/azf_${'A'.repeat(43)}.ics`)).statusCode, 404);
      assert.equal((await fetchFeed('/staff/kalender/feed/x')).statusCode, 404);
      assert.equal((await env.app.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'feed.revoke').execute()).length, 1);
      await env.app.ctx.db.deleteFrom('staff_login_failures').execute();
    });

    test('a feed ends when its creator is deactivated or loses the office', async () => {
      const admin = await loggedIn(env.server, 'admin');
      const lead = await loggedIn(env.server, 'lead');
      const leadFeed = await createFeed(lead, 'a', 'Leitung');
      const adminFeed = await createFeed(admin, 'a', 'Admin');
      assert.equal((await fetchFeed(leadFeed)).statusCode, 200);
      const leadId = (await env.app.ctx.db.selectFrom('staff_users').select('id').where('email', '=', USERS.lead.email).executeTakeFirstOrThrow()).id;
      await admin.get(`/staff/benutzer/${leadId}`);
      assert.equal((await admin.post(`/staff/benutzer/${leadId}`, { name: 'User lead', role: 'lead', offices: 'b' })).statusCode, 303);
      assert.equal((await fetchFeed(leadFeed)).statusCode, 404);
      assert.equal((await fetchFeed(adminFeed)).statusCode, 200);
      assert.equal((await admin.post(`/staff/benutzer/${leadId}`, { name: 'User lead', role: 'lead', offices: 'a' })).statusCode, 303);
      assert.equal((await fetchFeed(leadFeed)).statusCode, 200);
      assert.equal((await admin.post(`/staff/benutzer/${leadId}/deaktivieren`, { bestaetigt: 'ja' })).statusCode, 303);
      assert.equal((await fetchFeed(leadFeed)).statusCode, 404);
      assert.equal((await env.app.ctx.db.selectFrom('staff_calendar_feeds').select('id').where('label', '=', 'Leitung').execute()).length, 0);
      assert.equal((await admin.post(`/staff/benutzer/${leadId}/reaktivieren`, {})).statusCode, 303);
      await env.app.ctx.db.deleteFrom('staff_login_failures').execute();
    });

    test('the token in a feed\'s path never reaches the log', () => {
      assert.equal(logSerializers.req({ id: '1', method: 'GET', url: '/staff/kalender/feed/azf_secret.ics?lang=en' }).path, '/staff/kalender/feed/***');
      assert.equal(logSerializers.req({ id: '1', method: 'GET', url: '/staff/kalender?office=a' }).path, '/staff/kalender');
    });

    test('after 20 wrong tokens from one address, that address gets 429 (others are unaffected)', async () => {
      const admin = await loggedIn(env.server, 'admin');
      const path = await createFeed(admin, 'a', 'Drossel');
      for (let i = 0; i < 20; i++) assert.equal((await fetchFeed(`/staff/kalender/feed/azf_wrong${i}.ics`, { 'x-forwarded-for': '10.60.0.1' })).statusCode, 404);
      const r = await fetchFeed(path, { 'x-forwarded-for': '10.60.0.1' });
      assert.equal(r.statusCode, 429);
      assert.equal(r.headers['retry-after'], '900');
      assert.equal((await fetchFeed(path, { 'x-forwarded-for': '10.60.0.2' })).statusCode, 200);
    });
  });
}
