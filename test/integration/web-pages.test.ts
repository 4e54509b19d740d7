// The citizen pages through Fastify's inject (no browser): security headers,
// cookies, CSRF, sessions stored hashed, Post/Redirect/Get, the office choice,
// the calendar's states in words, HTML vs JSON for unknown addresses.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { office, orgConfig, service } from '../fixtures/org-config.ts';

/** A browser in miniature: keeps cookies, reads the CSRF token, follows nothing by itself. */
class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly server: FastifyInstance) {}

  private store(r: LightMyRequestResponse) {
    for (const c of r.cookies) {
      if (c.maxAge === 0 || (c.expires && new Date(c.expires).getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(r.body);
    if (m) this.csrf = m[1];
  }

  private get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}) {
    const r = await this.server.inject({ url, headers: { accept: 'text/html', cookie: this.cookieHeader, ...headers } });
    this.store(r);
    return r;
  }

  async post(url: string, form: Record<string, string>, opts: { csrf?: boolean } = {}) {
    const body = new URLSearchParams({ ...(opts.csrf === false ? {} : { _csrf: this.csrf }), ...form }).toString();
    const r = await this.server.inject({
      method: 'POST', url, payload: body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie: this.cookieHeader },
    });
    this.store(r);
    return r;
  }
}

describe('citizen pages', () => {
  let app: TestApp;
  let server: FastifyInstance;
  before(async () => {
    const config = orgConfig({
      services: [service('anmeldung', 15, 5), service('ausweis', 20, 3), service('pass', 15, 2), service('urkunde', 10, 1)],
      offices: [
        office('buergeramt', { services: ['anmeldung', 'ausweis', 'pass', 'urkunde'] }),
        office('aussenstelle', { name: 'Außenstelle Gautzsch', services: ['anmeldung'] }),
      ],
    });
    app = await createTestApp({ config });
    server = await buildServer({ ctx: app.ctx, rateLimitPerMinute: 0, trustProxy: true });
  });
  after(async () => {
    await server.close();
    await app.close();
  });

  test('/buchen, the short address for city websites, leads to step 1 (keeping the language)', async () => {
    const r = await server.inject({ url: '/buchen' });
    assert.equal(r.statusCode, 303);
    assert.equal(r.headers.location, '/buchen/anliegen');
    assert.equal((await server.inject({ url: '/buchen?lang=en' })).headers.location, '/buchen/anliegen?lang=en');
    assert.equal((await server.inject({ url: '/buchen?lang=<x>' })).headers.location, '/buchen/anliegen');
  });

  test('strict CSP, no inline script or style, German by default with lang, skip link and switch', async () => {
    const c = new Client(server);
    const r = await c.get('/');
    assert.equal(r.statusCode, 200);
    const csp = String(r.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(r.body, /^<!doctype html><html lang="de">/);
    assert.doesNotMatch(r.body, /<script>|<script [^>]*>[^<]|<style|style="/);
    assert.match(r.body, /href="#inhalt"/);
    assert.match(r.body, /id="inhalt"/);
    assert.match(r.body, /href="\/\?lang=en"/);
    assert.match(r.body, /0341 0000/, 'the phone number for those who prefer to call');
    assert.match(r.body, /href="\/datenschutz"/);
    const en = await c.get('/?lang=en');
    assert.match(en.body, /<html lang="en">/);
    // the choice is remembered
    assert.match((await c.get('/buchen/anliegen')).body, /<html lang="en">/);
  });

  test('static assets: KERN UX CSS and fonts are served from here, nothing else of node_modules', async () => {
    assert.equal((await server.inject({ url: '/static/kern/kern.min.css' })).statusCode, 200);
    assert.equal((await server.inject({ url: '/static/kern/fonts/fira-sans/FiraSans-Regular.woff2' })).statusCode, 200);
    assert.equal((await server.inject({ url: '/static/app.css' })).statusCode, 200);
    assert.equal((await server.inject({ url: '/static/fonts/amtszeit-sans-regular.woff2' })).statusCode, 200);
    const compressed = await server.inject({ url: '/static/kern/kern.min.css', headers: { 'accept-encoding': 'br' } });
    assert.equal(compressed.headers['content-encoding'], 'br');
    const api = await server.inject({ url: '/api/v1/services', headers: { 'accept-encoding': 'br' } });
    assert.equal(api.headers['content-encoding'], undefined, 'the API is left as it was');
    assert.equal((await server.inject({ url: '/static/kern/kern.css' })).statusCode, 404);
    assert.equal((await server.inject({ url: '/static/kern/../package.json' })).statusCode, 404);
  });

  test('forms without the CSRF token are refused; session cookie is HttpOnly, SameSite=Lax, Secure behind https', async () => {
    const c = new Client(server);
    await c.get('/buchen/anliegen');
    const refused = await c.post('/buchen/anliegen', { 'anzahl-anmeldung': '1' }, { csrf: false });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.headers['content-type'] as string, /text\/html/);
    const forged = await c.post('/buchen/anliegen', { 'anzahl-anmeldung': '1', _csrf: 'forged' });
    assert.equal(forged.statusCode, 403);

    const https = new Client(server);
    await https.get('/buchen/anliegen', { 'x-forwarded-proto': 'https' });
    const r = await server.inject({
      method: 'POST', url: '/buchen/anliegen', payload: new URLSearchParams({ _csrf: https.csrf, 'anzahl-ausweis': '1' }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https',
        cookie: [...https.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    assert.equal(r.statusCode, 303);
    const session = r.cookies.find((x) => x.name === 'amtszeit_session');
    assert.ok(session);
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
    assert.equal(session.secure, true);
    const plain = await c.post('/buchen/anliegen', { 'anzahl-ausweis': '1' });
    assert.equal(plain.cookies.find((x) => x.name === 'amtszeit_session')?.secure, undefined);
  });

  test('sessions: 256-bit id in the cookie, only its hash in the database', async () => {
    const c = new Client(server);
    await c.get('/buchen/anliegen');
    await c.post('/buchen/anliegen', { 'anzahl-ausweis': '2' });
    const id = c.cookies.get('amtszeit_session')!;
    assert.ok(Buffer.from(id, 'base64url').length >= 32);
    const rows = await app.db.db.withTables<{ web_sessions: { id_hash: string; data: unknown } }>()
      .selectFrom('web_sessions').select(['id_hash', 'data']).execute();
    assert.ok(rows.some((r) => r.id_hash === createHash('sha256').update(id).digest('hex')));
    assert.ok(!rows.some((r) => r.id_hash === id));
  });

  test('step 1: quantities, maxServices explained and enforced, an office offering them all', async () => {
    const c = new Client(server);
    const page = await c.get('/buchen/anliegen');
    assert.match(page.body, /bis zu 3 verschiedene Anliegen/);
    assert.match(page.body, /<select[^>]+id="anzahl-ausweis"/);
    assert.match(page.body, /<option value="3">3<\/option><\/select>/);
    assert.match(page.body, /type="checkbox" id="anzahl-urkunde"/, 'a concern of at most one is a checkbox');
    const tooMany = await c.post('/buchen/anliegen', { 'anzahl-anmeldung': '1', 'anzahl-ausweis': '1', 'anzahl-pass': '1', 'anzahl-urkunde': '1' });
    assert.equal(tooMany.statusCode, 303);
    assert.equal(tooMany.headers.location, '/buchen/anliegen');
    const again = await c.get('/buchen/anliegen');
    assert.match(again.body, /höchstens 3 verschiedene Anliegen/);
    assert.match(again.body, /href="#anliegen"/);
    assert.match(again.body, /<option value="1" selected="">1<\/option>/, 'the choice is kept');
    // shown once only (Post/Redirect/Get with a flash)
    assert.doesNotMatch((await c.get('/buchen/anliegen')).body, /höchstens 3 verschiedene/);
    const bad = await c.post('/buchen/anliegen', { 'anzahl-ausweis': '9' });
    assert.equal(bad.statusCode, 303);
    assert.match((await c.get('/buchen/anliegen')).body, /zwischen 1 und 3/);
  });

  test('several offices offer the concerns: the citizen chooses, seeing each earliest time', async () => {
    const c = new Client(server);
    await c.get('/buchen/anliegen');
    const r = await c.post('/buchen/anliegen', { 'anzahl-anmeldung': '2' });
    assert.equal(r.headers.location, '/buchen/amt');
    const page = await c.get('/buchen/amt');
    assert.match(page.body, /Amt buergeramt/);
    assert.match(page.body, /Außenstelle Gautzsch/);
    assert.equal((page.body.match(/Frühester freier Termin: Montag, 30\. November 2026, 09:00 Uhr/g) ?? []).length, 2);
    const none = await c.post('/buchen/amt', {});
    assert.equal(none.headers.location, '/buchen/amt');
    assert.match((await c.get('/buchen/amt')).body, /Bitte wählen Sie ein Amt/);
    const chosen = await c.post('/buchen/amt', { office: 'aussenstelle' });
    assert.equal(chosen.headers.location, '/buchen/termin');
  });

  test('the calendar says each day\'s state in words; later steps redirect to the missing one', async () => {
    const c = new Client(server);
    assert.equal((await c.get('/buchen/termin')).headers.location, '/buchen/anliegen');
    assert.equal((await c.get('/buchen/pruefen')).headers.location, '/buchen/anliegen');
    await c.get('/buchen/anliegen');
    await c.post('/buchen/anliegen', { 'anzahl-ausweis': '1' });
    assert.equal((await c.get('/buchen/kontakt')).headers.location, '/buchen/termin');
    const nov = await c.get('/buchen/termin?monat=2026-11');
    assert.match(nov.body, /<table class="kern-table az-month">/);
    assert.match(nov.body, /<th class="kern-table__header" scope="col"><abbr title="Montag">Mo<\/abbr><\/th>/);
    assert.match(nov.body, /az-day--past[^]*?vergangen/);
    assert.match(nov.body, /az-day--closed[^]*?geschlossen/);
    assert.match(nov.body, /az-day--available[^]*?frei, 11 freie Uhrzeiten/);
    const dec = await c.get('/buchen/termin?monat=2026-12');
    assert.match(dec.body, /az-day--not_yet_bookable[^]*?noch nicht buchbar/);
    assert.doesNotMatch(dec.body, /Nächster Monat/, 'no month past the horizon');
    assert.match(nov.body, /Nächster Monat/);
    const day = await c.get('/buchen/termin?monat=2026-11&tag=2026-11-30');
    assert.match(day.body, /Freie Uhrzeiten am Montag, 30\. November 2026/);
    assert.match(day.body, /value="2026-11-30T09:00:00\+01:00"/);
    // choosing a time holds it; no time is an error; the locations carry no personal data
    const noTime = await c.post('/buchen/termin', { date: '2026-11-30' });
    assert.equal(noTime.statusCode, 303);
    assert.match((await c.get(noTime.headers.location as string)).body, /Bitte wählen Sie eine Uhrzeit/);
    const held = await c.post('/buchen/termin', { startsAt: '2026-11-30T09:00:00+01:00', date: '2026-11-30' });
    assert.equal(held.headers.location, '/buchen/kontakt');
    assert.match((await c.get('/buchen/kontakt')).body, /reserviert bis 08:10 Uhr/);
    const offGrid = await c.post('/buchen/termin', { startsAt: '2026-11-30T09:07:00+01:00', date: '2026-11-30' });
    assert.match((await c.get(offGrid.headers.location as string)).body, /inzwischen vergeben|Bitte wählen Sie eine Uhrzeit/);
  });

  test('contact: errors next to the fields and in the summary, data kept; booking, manage page and calendar file', async () => {
    const c = new Client(server);
    await c.get('/buchen/anliegen');
    await c.post('/buchen/anliegen', { 'anzahl-urkunde': '1' });
    await c.get('/buchen/termin');
    await c.post('/buchen/termin/fruehester', { startsAt: '2026-11-30T09:15:00+01:00' });
    await c.get('/buchen/kontakt');
    const bad = await c.post('/buchen/kontakt', { name: 'Anna <b>', email: 'anna@', phone: 'abc' });
    assert.equal(bad.headers.location, '/buchen/kontakt');
    const page = await c.get('/buchen/kontakt');
    assert.match(page.body, /<title>Fehler: /);
    for (const id of ['name', 'email', 'phone', 'consent']) assert.match(page.body, new RegExp(`href="#${id}"`));
    assert.match(page.body, /value="Anna &lt;b&gt;"/, 'kept and escaped');
    assert.match(page.body, /id="email-error"/);
    assert.match(page.body, /autocomplete="email"/);
    assert.match(page.body, /type="tel"/);
    const ok = await c.post('/buchen/kontakt', { name: 'Anna Beispiel', email: 'anna@example.org', consent: 'ja' });
    assert.equal(ok.headers.location, '/buchen/pruefen');
    const review = await c.get('/buchen/pruefen');
    assert.match(review.body, /Dokument für urkunde/);
    assert.equal((review.body.match(/<li>Personalausweis<\/li>/g) ?? []).length, 1);
    const booked = await c.post('/buchen/pruefen', {});
    assert.equal(booked.headers.location, '/buchen/bestaetigung');
    const done = await c.get('/buchen/bestaetigung');
    const link = /class="kern-link az-manage-link" href="([^"]+)"/.exec(done.body)![1].replace(/&amp;/g, '&');
    const manage = await c.get(link);
    assert.equal(manage.statusCode, 200);
    assert.match(manage.body, /Anna Beispiel/);
    const ics = await c.get(link.replace('?', '/kalender.ics?'));
    assert.match(ics.headers['content-type'] as string, /text\/calendar/);
    assert.match(ics.headers['content-disposition'] as string, /attachment; filename="termin-/);
    // the session no longer holds the contact data
    const rows = await app.db.db.withTables<{ web_sessions: { data: unknown } }>().selectFrom('web_sessions').select('data').execute();
    assert.ok(!rows.some((r) => JSON.stringify(r.data).includes('Anna Beispiel')));
    // without the token: where to find the link, and the phone
    const noToken = await c.get(link.split('?')[0]);
    assert.equal(noToken.statusCode, 200);
    assert.match(noToken.body, /vollständigen Link/);
  });

  test('unknown addresses: HTML for browsers, JSON for everyone else', async () => {
    const html = await server.inject({ url: '/nirgendwo', headers: { accept: 'text/html' } });
    assert.equal(html.statusCode, 404);
    assert.match(html.headers['content-type'] as string, /text\/html/);
    assert.match(html.body, /Seite nicht gefunden/);
    const json = await server.inject({ url: '/nirgendwo' });
    assert.equal(json.statusCode, 404);
    assert.equal(json.json().error, 'not_found');
    const api = await server.inject({ url: '/api/v1/nothing', headers: { accept: 'text/html' } });
    assert.equal(api.json().error, 'not_found');
  });

  test('privacy, imprint and accessibility: organization texts or defaults', async () => {
    for (const path of ['/datenschutz', '/impressum', '/barrierefreiheit']) {
      const r = await server.inject({ url: path });
      assert.equal(r.statusCode, 200);
      assert.match(r.body, /<h1/);
    }
    assert.match((await server.inject({ url: '/barrierefreiheit' })).body, /BITV 2\.0/);
  });
});
