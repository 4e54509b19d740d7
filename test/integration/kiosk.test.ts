// The self-service kiosk at a kiosk link (/kiosk/{officeId}/{token}): a lead
// makes the link on /staff/kiosk and can revoke it; without a valid link, or
// with the kiosk off → 404; a booked citizen of today within the window gets a
// T number and is checked in; twice says so without data; unknown, other
// office's and other day's references get one identical answer; lower case
// and spaces accepted; the form needs its CSRF token; no name in any answer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { addUser } from '../../src/app/staff/add-user.ts';
import { createApiToken } from '../../src/app/staff/create-api-token.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { office, orgConfig, service } from '../fixtures/org-config.ts';
import { QUEUE_A } from './queue-helpers.ts';
import { loggedIn, PASSWORD, USERS, type Client } from './staff-helpers.ts';
import { logSerializers } from '../../src/http/server.ts';

const HOURS = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, from: '07:00', to: '18:00', counters: 6, online: 6, phone: 6 }];

describe('kiosk check-in', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let token: string;
  /** the kiosk link's path for office a, made by its lead in before() */
  let KIOSK: string;

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
    const page = await server.inject({ method: 'GET', url: `${KIOSK}${lang}` });
    assert.equal(page.statusCode, 200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cookie = [page.headers['set-cookie']].flat().map((c) => String(c).split(';')[0]).join('; ');
    return server.inject({
      method: 'POST', url: `${KIOSK}${lang}`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
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
    await addUser(app.ctx, { email: 'admin@example.org', name: 'Admin', role: 'admin', offices: [], password: PASSWORD });
    for (const key of ['lead', 'clerkA'] as const) {
      const u = USERS[key];
      await addUser(app.ctx, { email: u.email, name: `User ${key}`, role: u.role, offices: [...u.offices], password: PASSWORD });
    }
    token = await createApiToken(app.ctx, { email: 'admin@example.org', label: 'kiosk' });
    server = await buildServer({ ctx: app.ctx, rateLimitPerMinute: 0, trustProxy: true });
    KIOSK = await createLink(await loggedIn(server, 'lead'), 'a', 'Tablet Eingang');
  });

  /** A kiosk link made on the staff page; returns its path (the address is shown once). */
  async function createLink(c: Client, officeId: string, label: string): Promise<string> {
    assert.equal((await c.get(`/staff/kiosk?office=${officeId}`)).statusCode, 200);
    const r = await c.post(`/staff/kiosk?office=${officeId}`, { label });
    assert.equal(r.statusCode, 200, r.body);
    const m = new RegExp(`<code class="az-secret" id="abo-adresse">http://localhost:3000(/kiosk/${officeId}/azk_[A-Za-z0-9_-]{43})</code>`).exec(r.body);
    assert.ok(m, 'the address is shown');
    return m[1]!;
  }
  after(async () => { await server.close(); await app.close(); });

  test('without a valid link, at another office, or with the kiosk off: the 404 page, for GET and POST alike', async () => {
    at('09:00');
    const admin = await loggedIn(server, 'admin');
    const offLink = await createLink(admin, 'b', 'Kiosk B'); // office b has its kiosk switched off
    const offPage = await admin.get('/staff/kiosk?office=b');
    assert.match(offPage.body, /Der Kiosk ist für diese Dienststelle ausgeschaltet/);
    assert.doesNotMatch((await admin.get('/staff/kiosk?office=a')).body, /ausgeschaltet/);
    const aToken = KIOSK.split('/').pop()!;
    for (const url of ['/kiosk/a', '/kiosk/nope', `/kiosk/a/azk_${'x'.repeat(43)}`, '/kiosk/a/azk_short', offLink, `/kiosk/b/${aToken}`, `/kiosk/nope/${aToken}`]) {
      const r = await server.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      assert.equal(r.statusCode, 404, url);
      assert.equal((await server.inject({ method: 'POST', url, payload: { buchungsnummer: 'x' } })).statusCode, 404, `POST ${url}`);
    }
    assert.equal((await server.inject({ method: 'GET', url: KIOSK })).statusCode, 200);
  });

  test('the lead sees the link (label, maker, last use; never the address again), revokes it, and the kiosk is gone; clerks have no such page', async () => {
    at('09:00');
    const lead = await loggedIn(server, 'lead');
    const path = await createLink(lead, 'a', 'Tablet Wartebereich');
    assert.equal((await server.inject({ method: 'GET', url: path })).statusCode, 200);
    const list = await lead.get('/staff/kiosk?office=a');
    assert.match(list.body, /Tablet Wartebereich/);
    assert.match(list.body, /User lead/);
    assert.ok(!list.body.includes(path.split('/').pop()!), 'the token is not shown again');
    const stored = await app.ctx.db.selectFrom('kiosk_links').select(['id', 'id_hash', 'label', 'last_used_at']).where('label', '=', 'Tablet Wartebereich').executeTakeFirstOrThrow();
    assert.ok(!path.includes(stored.id_hash), 'only the hash is stored');
    assert.ok(stored.last_used_at, 'last use recorded');
    // a lead of office a cannot see or revoke office b's links
    assert.equal((await lead.get('/staff/kiosk?office=b')).statusCode, 404);
    assert.equal((await lead.post(`/staff/kiosk/${stored.id}/widerrufen?office=b`, {})).statusCode, 404);
    const revoked = await lead.post(`/staff/kiosk/${stored.id}/widerrufen?office=a`, {});
    assert.equal(revoked.statusCode, 303);
    assert.match((await lead.get(String(revoked.headers.location))).body, /Der Kiosk-Link ist widerrufen/);
    assert.equal((await server.inject({ method: 'GET', url: path })).statusCode, 404);
    assert.equal((await server.inject({ method: 'GET', url: KIOSK })).statusCode, 200, 'the other link still works');
    const audit = await app.ctx.db.selectFrom('audit_log').select('action').where('action', 'like', 'kiosk.%').execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['kiosk.create', 'kiosk.create', 'kiosk.create', 'kiosk.revoke']);
    const clerk = await loggedIn(server, 'clerkA');
    assert.equal((await clerk.get('/staff/kiosk?office=a')).statusCode, 404);
    assert.equal((await clerk.post('/staff/kiosk?office=a', { label: 'x' })).statusCode, 404);
    // the token never reaches a log line
    assert.equal(logSerializers.req({ id: '1', method: 'GET', url: `${path}?lang=en` }).path, '/kiosk/a/***');
  });

  test('a link needs a label', async () => {
    const lead = await loggedIn(server, 'lead');
    await lead.get('/staff/kiosk?office=a');
    const r = await lead.post('/staff/kiosk?office=a', { label: '  ' });
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /Bitte geben Sie eine Bezeichnung an/);
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
    assert.ok(r.body.includes(`<noscript><meta http-equiv="refresh" content="20;url=${KIOSK}?lang=de"/></noscript>`) || r.body.includes(`<noscript><meta http-equiv="refresh" content="20;url=${KIOSK}?lang=de"></noscript>`), r.body);
    assert.ok(r.body.includes(`data-return-seconds="20" data-extend-seconds="60" data-home="${KIOSK}?lang=de"`), r.body);
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
      method: 'POST', url: KIOSK, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'buchungsnummer=ZZZZZZZZ',
    });
    assert.equal(r.statusCode, 403);
  });
});
