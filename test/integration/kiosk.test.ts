// The self-service kiosk (/kiosk/{officeId}): off → 404; a booked citizen of
// today within the window gets a T number and is checked in; twice says so
// without data; unknown, other office's and other day's references get one
// identical answer; lower case and spaces accepted; the form needs its CSRF
// token; no name in any answer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { addUser } from '../../src/app/staff/add-user.ts';
import { createApiToken } from '../../src/app/staff/create-api-token.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { office, orgConfig, service } from '../fixtures/org-config.ts';
import { QUEUE_A } from './queue-helpers.ts';

const HOURS = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, from: '07:00', to: '18:00', counters: 6, online: 6, phone: 6 }];

describe('kiosk check-in', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let token: string;

  /** Sets the clock to a local time (Berlin, UTC+1 in November). */
  const at = (time: string, date = '2026-11-30') => {
    const [y, mo, d] = date.split('-').map(Number);
    const [h, m] = time.split(':').map(Number);
    app.clock.set(Date.UTC(y!, mo! - 1, d!, h! - 1, m!));
  };
  const book = async (officeId: string, time: string, date = '2026-11-30') => {
    const [y, mo, d] = date.split('-').map(Number);
    const [h, m] = time.split(':').map(Number);
    const startsAt = new Date(Date.UTC(y!, mo! - 1, d!, h! - 1, m!)).toISOString().replace('.000Z', 'Z');
    const r = await server.inject({
      method: 'POST', url: '/api/v1/staff/appointments',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: JSON.stringify({ office: officeId, services: [{ id: 'anmeldung', quantity: 1 }], startsAt, channel: 'counter', contact: { name: 'Erika Mustermann' } }),
    });
    assert.equal(r.statusCode, 201, r.body);
    return r.json().reference as string;
  };
  /** The form page, then the form sent with its cookie and token; returns the answer. */
  const kiosk = async (reference: string, lang = '') => {
    const page = await server.inject({ method: 'GET', url: `/kiosk/a${lang}` });
    assert.equal(page.statusCode, 200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cookie = [page.headers['set-cookie']].flat().map((c) => String(c).split(';')[0]).join('; ');
    return server.inject({
      method: 'POST', url: `/kiosk/a${lang}`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, buchungsnummer: reference }).toString(),
    });
  };
  const withoutToken = (html: string) => html.replace(/name="_csrf" value="[^"]+"/, '');

  before(async () => {
    const config = orgConfig({
      services: [service('anmeldung', 15, 5), service('ausweis', 20, 3)],
      offices: [
        office('a', { name: 'Bürgeramt A', queue: { ...QUEUE_A, kiosk: true }, hours: [...HOURS].map((h) => ({ ...h, days: [...h.days] })) }),
        office('b', { name: 'Bürgeramt B', queue: QUEUE_A, hours: [...HOURS].map((h) => ({ ...h, days: [...h.days] })) }),
      ],
    });
    app = await createTestApp({ config });
    await addUser(app.ctx, { email: 'admin@example.org', name: 'Admin', role: 'admin', offices: [], password: 'correct horse battery staple 1' });
    token = await createApiToken(app.ctx, { email: 'admin@example.org', label: 'kiosk' });
    server = await buildServer({ ctx: app.ctx, rateLimitPerMinute: 0, trustProxy: true });
  });
  after(async () => { await server.close(); await app.close(); });

  test('an office without the kiosk switched on, and an unknown office, get the 404 page', async () => {
    at('09:00');
    for (const url of ['/kiosk/b', '/kiosk/nope']) {
      const r = await server.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      assert.equal(r.statusCode, 404, url);
    }
    assert.equal((await server.inject({ method: 'POST', url: '/kiosk/b', payload: { buchungsnummer: 'x' } })).statusCode, 404);
  });

  test('check-in by reference: a T number, the wait, checked in; twice says so without data; typed in lower case with spaces', async () => {
    at('08:00');
    const ref = await book('a', '09:15');
    at('09:00');
    const typed = ref.toLowerCase().replace('-', ' ');
    const r = await kiosk(typed);
    assert.equal(r.statusCode, 200, r.body);
    assert.match(r.body, /Ihre Wartenummer:/);
    assert.match(r.body, />T001</);
    assert.match(r.body, /Bitte nehmen Sie Platz\. Ihre Nummer wird auf dem Bildschirm aufgerufen\./);
    assert.match(r.body, /Geschätzte Wartezeit|Sie sind als Nächstes an der Reihe/);
    // back to the empty form after 20 s: a meta refresh only without script; with it a countdown that can be extended
    assert.match(r.body, /<noscript><meta http-equiv="refresh" content="20;url=\/kiosk\/a\?lang=de"\/?><\/noscript>/);
    assert.match(r.body, /data-return-seconds="20" data-extend-seconds="60" data-home="\/kiosk\/a\?lang=de"/);
    assert.match(r.body, /Diese Seite kehrt in 20 Sekunden von selbst zum Anfang zurück\./);
    assert.match(r.body, /<p hidden=""><button type="button" class="kern-btn kern-btn--secondary az-kiosk__longer"><span class="kern-label">Länger anzeigen</);
    assert.match(r.body, /<script src="\/static\/kiosk\.js\?v=[^"]+" defer=""><\/script>/);
    assert.doesNotMatch(r.body, /Mustermann/);
    assert.ok(!r.body.includes(ref) && !r.body.includes(ref.replace('-', '')), 'no reference in the answer');
    const day = await server.inject({ method: 'GET', url: '/api/v1/staff/day?office=a&date=2026-11-30', headers: { authorization: `Bearer ${token}` } });
    assert.equal(day.json().list.find((i: { reference: string }) => i.reference === ref).status, 'checked_in');
    // the history says the citizen did it, with the number
    const entry = await app.ctx.db.selectFrom('audit_log').select(['actor', 'actor_user_id', 'details'])
      .where('action', '=', 'appointment.attendance').orderBy('at', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.equal(entry.actor, 'citizen');
    assert.equal(entry.actor_user_id, null);
    assert.match(JSON.stringify(entry.details), /T001/);

    const again = await kiosk(ref.replace('-', ''));
    assert.equal(again.statusCode, 200);
    assert.match(again.body, /Sie sind bereits angemeldet/);
    assert.doesNotMatch(again.body, /T001|Mustermann/);
  });

  test('the kiosk tells the wait the counter view shows: spread over the desks that called in the last hour', async () => {
    const date = '2026-12-01';
    at('08:00', date);
    const ref = await book('a', '10:00', date);
    at('09:40', date);
    const api = (method: string, url: string, body?: unknown) => server.inject({
      method: method as 'GET' | 'POST', url, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });
    for (let i = 0; i < 3; i++) assert.equal((await api('POST', '/api/v1/staff/queue/a/walk-ins', { concerns: [{ id: 'anmeldung', quantity: 1 }] })).statusCode, 201);
    assert.equal((await api('POST', '/api/v1/staff/queue/a/call-next', { desk: 'platz-1' })).json().ticket.number, 'W001');
    at('09:50', date);
    const r = await kiosk(ref);
    const number = />(T\d{3})</.exec(r.body)![1]!;
    const queue = (await api('GET', '/api/v1/staff/queue/a')).json();
    const shown = queue.waiting.find((t: { number: string }) => t.number === number).estimatedWaitMinutes;
    // two walk-ins of 15 minutes ahead and one of the office's two desks at work: 30, not 15
    assert.equal(shown, 30);
    assert.match(r.body, new RegExp(`Geschätzte Wartezeit: etwa ${shown} Minuten`));
  });

  test('unknown, another office\'s, another day\'s, and cancelled references get one identical answer; early ones learn from when', async () => {
    at('08:00');
    const other = await book('b', '09:30');
    const tomorrow = await book('a', '09:30', '2026-12-01');
    const early = await book('a', '11:00');
    const cancelled = await book('a', '09:30');
    const c = await server.inject({
      method: 'POST', url: `/api/v1/staff/appointments/${cancelled}/cancel`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, payload: JSON.stringify({ reason: 'Test' }),
    });
    assert.equal(c.statusCode, 200, c.body);
    at('09:20');
    const bodies: string[] = [];
    for (const ref of ['ZZZZ-ZZZZ', other, tomorrow, cancelled, 'nonsense']) {
      const r = await kiosk(ref);
      assert.equal(r.statusCode, 200, ref);
      assert.match(r.body, /Wir können Sie hier nicht einchecken\. Bitte wenden Sie sich an den Empfang\./);
      assert.doesNotMatch(r.body, /Mustermann|Wartenummer:/);
      bodies.push(withoutToken(r.body));
    }
    assert.equal(bodies[1], bodies[0]);
    for (const body of bodies.slice(1)) assert.equal(body, bodies[0]);
    const en = await kiosk(other, '?lang=en');
    assert.match(en.body, /We cannot check you in here\. Please go to the reception desk\./);
    const soon = await kiosk(early);
    assert.match(soon.body, /ab 10:30 Uhr möglich/);
    assert.doesNotMatch(soon.body, /Mustermann/);
  });

  test('an empty field says what to do; a form without its CSRF token is refused', async () => {
    const empty = await kiosk('   ');
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Bitte geben Sie Ihre Buchungsnummer ein\./);
    const r = await server.inject({
      method: 'POST', url: '/kiosk/a', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'buchungsnummer=ZZZZZZZZ',
    });
    assert.equal(r.statusCode, 403);
  });
});
