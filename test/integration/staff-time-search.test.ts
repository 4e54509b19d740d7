// Any day and time for a caller or a move: the day typed as 21.12.2026 or
// picked in the month calendar, only mornings or afternoons, the nearest
// times as before; a typo in the day says what to type.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { testDatabaseKinds } from '../helpers/database.ts';
import { loggedIn, staffTestEnv, type Client, type StaffTestEnv } from './staff-helpers.ts';

const radios = (html: string) => [...html.matchAll(/name="startsAt" value="([^"]+)"/g)].map((m) => m[1]);

for (const kind of testDatabaseKinds()) {
  describe(`staff time search on ${kind}`, () => {
    let env: StaffTestEnv;
    let clerk: Client;
    before(async () => {
      // the clock: Monday 2026-11-30 08:00 Berlin; open 08:00–17:00 on weekdays
      env = await staffTestEnv(kind, { hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '17:00', counters: 2, online: 1, phone: 2 }] });
      clerk = await loggedIn(env.server, 'clerkA');
    });
    after(() => env?.close());

    test('a phone booking three weeks ahead in the afternoon, the day typed the German way', async () => {
      const page = await clerk.get('/staff/buchen?office=a&channel=phone&q_anmeldung=1&tag=21.12.2026&tageszeit=afternoon');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Freie Zeiten am Montag, 21\. Dezember 2026/);
      const times = radios(page.body);
      assert.ok(times.length >= 10, `${times.length} afternoon times`);
      for (const s of times) {
        assert.equal(s.slice(0, 10), '2026-12-21', s);
        assert.ok(Number(s.slice(11, 13)) >= 12, `${s} is not in the afternoon`);
      }
      // the calendar of December links to its days, keeping the search
      assert.match(page.body, /href="\/staff\/buchen\?[^"]*q_anmeldung=1[^"]*tageszeit=afternoon[^"]*tag=2026-12-22#zeiten"/);
      const booked = await clerk.post('/staff/buchen', {
        office: 'a', channel: 'phone', q_anmeldung: '1', tag: '21.12.2026', tageszeit: 'afternoon', startsAt: times[3], name: 'Anrufer Nachmittag', phone: '0341 123',
      });
      assert.equal(booked.statusCode, 303);
      // what to read out: the reference, the day in words, the concerns and what to bring
      const done = (await clerk.get(String(booked.headers.location))).body;
      assert.match(done, /id="reference">[A-Z0-9]{4}-[A-Z0-9]{4}</);
      assert.match(done, new RegExp(`Montag, 21\\. Dezember 2026, ${times[3].slice(11, 16)} Uhr`));
      assert.match(done, /1 × Dienst anmeldung/);
      assert.match(done, /Mitzubringen[\s\S]*Dokument für anmeldung/);
      assert.doesNotMatch(done, /2026-12-21/);
      const row = await env.app.ctx.db.selectFrom('appointments').select(['starts_at', 'channel']).where('contact_name', '=', 'Anrufer Nachmittag').executeTakeFirstOrThrow();
      assert.equal(row.starts_at.getTime(), Date.parse(times[3]));
      assert.equal(row.channel, 'phone');
    });

    test('the date picker\'s form, mornings only, and the nearest times without a day', async () => {
      const iso = radios((await clerk.get('/staff/buchen?office=a&channel=phone&q_anmeldung=1&tag=2026-12-22&tageszeit=morning')).body);
      assert.ok(iso.length > 0 && iso.every((s) => s.startsWith('2026-12-22') && Number(s.slice(11, 13)) < 12), iso.join());
      const nearest = await clerk.get('/staff/buchen?office=a&channel=phone&q_anmeldung=1');
      assert.match(nearest.body, /Nächste freie Zeiten/);
      assert.equal(radios(nearest.body).length, 8);
      // another month from the calendar's arrows
      const jan = await clerk.get('/staff/buchen?office=a&channel=phone&q_anmeldung=1&monat=2027-01');
      assert.match(jan.body, /Januar 2027/);
    });

    test('a day that is no date says what to type; a closed day says to pick another', async () => {
      const bad = await clerk.get('/staff/buchen?office=a&channel=phone&q_anmeldung=1&tag=31.02.2026');
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Bitte geben Sie einen Tag wie 22\.12\.2026 an/);
      assert.match(bad.body, /value="31\.02\.2026"/, 'the typed value stays');
      const sunday = await clerk.get('/staff/buchen?office=a&channel=phone&q_anmeldung=1&tag=20.12.2026');
      assert.equal(sunday.statusCode, 200);
      assert.match(sunday.body, /An diesem Tag ist keine passende Zeit frei/);
      assert.equal(radios(sunday.body).length, 0);
    });

    test('a move to a chosen day and time, with the reason', async () => {
      const b = await bookAppointment(env.app.ctx, {
        office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-02T09:00:00+01:00',
        contact: { name: 'Umzug Termin', email: 'umzug@example.org', phone: '' }, locale: 'de', consent: true,
      });
      const ref = b.appointment.reference;
      const page = await clerk.get(`/staff/termin/${ref}/verschieben?tag=17.12.2026&tageszeit=afternoon`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Freie Zeiten am Donnerstag, 17\. Dezember 2026/);
      const times = radios(page.body);
      assert.ok(times.length > 0 && times.every((s) => s.startsWith('2026-12-17T1')), times.join());
      const moved = await clerk.post(`/staff/termin/${ref}/verschieben`, { startsAt: times[0], reason: 'Wunsch des Bürgers' });
      assert.equal(moved.headers.location, `/staff/termin/${ref}?ok=moved`);
      const row = await env.app.ctx.db.selectFrom('appointments').select('starts_at').where('contact_name', '=', 'Umzug Termin').executeTakeFirstOrThrow();
      assert.equal(row.starts_at.getTime(), Date.parse(times[0]));
    });

    test('english: the day in words', async () => {
      const page = await clerk.get('/staff/buchen?office=a&channel=phone&q_anmeldung=1&tag=21.12.2026&lang=en');
      assert.match(page.body, /Free times on Monday, 21 December 2026/);
      await clerk.get('/staff?lang=de');
    });
  });
}
