// Headers seen from outside: every answer with personal data or a token says
// `Cache-Control: no-store`; X-Frame-Options agrees with the CSP's
// frame-ancestors; requests Fastify or Node's parser refuse before any route
// (a broken %-escape, a NUL in the address, headers over the limit) answer in
// the documented error format with the same security headers as every other
// answer, and a HEAD answer never has a body.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Client, loggedIn, staffTestEnv, type StaffTestEnv } from './staff-helpers.ts';
import { rawRequest, type RawAnswer } from '../helpers/raw-http.ts';

/** Headers every answer must carry, and their values, taken from an ordinary answer. */
const SECURITY = [
  'content-security-policy', 'cross-origin-opener-policy', 'cross-origin-resource-policy', 'origin-agent-cluster',
  'referrer-policy', 'strict-transport-security', 'x-content-type-options', 'x-dns-prefetch-control',
  'x-download-options', 'x-frame-options', 'x-permitted-cross-domain-policies', 'x-xss-protection',
];

type Answer = LightMyRequestResponse | RawAnswer;
const status = (r: Answer) => ('statusCode' in r ? r.statusCode : r.status);

describe('response headers', () => {
  let env: StaffTestEnv;
  let server: FastifyInstance;
  let port: number;
  let reference: { headers: Record<string, string> };

  before(async () => {
    env = await staffTestEnv();
    server = env.server;
    await server.listen({ port: 0, host: '127.0.0.1' });
    port = (server.server.address() as AddressInfo).port;
    const ok = await server.inject({ url: '/healthz' });
    reference = { headers: Object.fromEntries(SECURITY.map((h) => [h, String(ok.headers[h])])) };
  });
  after(() => env?.close());

  function sameSecurityHeaders(r: Answer, what: string) {
    const headers = r.headers as Record<string, unknown>;
    for (const h of SECURITY) assert.equal(String(headers[h]), reference.headers[h], `${what}: ${h}`);
  }
  function noStore(r: Answer, what: string) {
    assert.equal((r.headers as Record<string, unknown>)['cache-control'], 'no-store', `${what} (${status(r)}): Cache-Control`);
  }

  test('X-Frame-Options says DENY, like the CSP\'s frame-ancestors \'none\'', async () => {
    for (const r of [await server.inject({ url: '/healthz' }), await server.inject({ url: '/', headers: { accept: 'text/html' } }), await server.inject({ url: '/nirgendwo' })]) {
      assert.equal(r.headers['x-frame-options'], 'DENY');
      assert.match(String(r.headers['content-security-policy']), /frame-ancestors 'none'/);
    }
  });

  test('every API answer with personal data or a token says Cache-Control: no-store', async () => {
    const json = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
      server.inject({ method, url, payload, headers: { accept: 'application/json', ...headers } });
    const services = [{ id: 'anmeldung', quantity: 1 }];
    const hold = await json('POST', '/api/v1/holds', { office: 'a', services, startsAt: '2026-11-30T10:00:00+01:00' });
    assert.equal(hold.statusCode, 201, hold.body);
    noStore(hold, 'POST /api/v1/holds');
    const holdId = hold.json().holdId as string;
    noStore(await json('POST', `/api/v1/holds/${holdId}/extend`), 'POST /api/v1/holds/ID/extend');
    const booked = await json('POST', '/api/v1/appointments', {
      office: 'a', services, startsAt: '2026-11-30T10:00:00+01:00', holdId,
      contact: { name: 'Erika Mustermann', email: 'erika@example.org' }, consent: true,
    });
    assert.equal(booked.statusCode, 201, booked.body);
    noStore(booked, 'POST /api/v1/appointments');
    const { reference: ref, manageToken } = booked.json() as { reference: string; manageToken: string };
    const token = { 'x-manage-token': manageToken };
    const read = await json('GET', `/api/v1/appointments/${ref}`, undefined, token);
    assert.equal(read.statusCode, 200);
    noStore(read, 'GET /api/v1/appointments/REF');
    noStore(await json('GET', `/api/v1/appointments/${ref}/calendar.ics`, undefined, token), 'calendar.ics');
    noStore(await json('GET', `/api/v1/appointments/${ref}?token=wrong`), 'GET /api/v1/appointments/REF, wrong token');
    const moved = await json('POST', `/api/v1/appointments/${ref}/reschedule`, { startsAt: '2026-11-30T11:00:00+01:00' }, token);
    assert.equal(moved.statusCode, 200, moved.body);
    noStore(moved, 'reschedule');
    const cancelled = await json('POST', `/api/v1/appointments/${ref}/cancel`, undefined, token);
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    noStore(cancelled, 'cancel');
    const hold2 = await json('POST', '/api/v1/holds', { office: 'a', services, startsAt: '2026-11-30T10:30:00+01:00' });
    noStore(await json('DELETE', `/api/v1/holds/${hold2.json().holdId}`), 'DELETE /api/v1/holds/ID');

    const clerk = await loggedIn(server, 'clerkA');
    const cookie = { cookie: clerk.cookieHeader };
    noStore(await json('GET', '/api/v1/staff/day?office=a&date=2026-11-30', undefined, cookie), 'GET /api/v1/staff/day');
    noStore(await json('GET', '/api/v1/staff/free-times?office=a&services=anmeldung', undefined, cookie), 'GET /api/v1/staff/free-times');
    const staffBooked = await json('POST', '/api/v1/staff/appointments', {
      office: 'a', services, startsAt: '2026-11-30T11:30:00+01:00', contact: { name: 'Max Anrufer' },
    }, cookie);
    assert.equal(staffBooked.statusCode, 201, staffBooked.body);
    noStore(staffBooked, 'POST /api/v1/staff/appointments');
  });

  test('citizen and staff pages, their redirects, the CSV export and the calendar feed say no-store', async () => {
    const citizen = new Client(server, '10.3.0.1');
    noStore(await citizen.get('/buchen/anliegen'), 'GET /buchen/anliegen');
    const chosen = await citizen.post('/buchen/anliegen', { 'anzahl-anmeldung': '1' });
    assert.equal(chosen.statusCode, 303);
    noStore(chosen, 'POST /buchen/anliegen (303)');
    assert.equal(chosen.headers.location, '/buchen/amt');
    await citizen.get('/buchen/amt');
    noStore(await citizen.post('/buchen/amt', { office: 'a' }), 'POST /buchen/amt (303)');
    await citizen.get('/buchen/termin');
    const held = await citizen.post('/buchen/termin', { startsAt: '2026-11-30T09:00:00+01:00', date: '2026-11-30' });
    noStore(held, 'POST /buchen/termin (303)');
    await citizen.get('/buchen/kontakt');
    await citizen.post('/buchen/kontakt', { name: 'Anna Beispiel', email: 'anna@example.org', consent: 'ja' });
    await citizen.get('/buchen/pruefen');
    const booked = await citizen.post('/buchen/pruefen', {});
    assert.equal(booked.headers.location, '/buchen/bestaetigung');
    noStore(booked, 'POST /buchen/pruefen (303)');
    const done = await citizen.get('/buchen/bestaetigung');
    noStore(done, 'GET /buchen/bestaetigung');
    const link = /class="kern-link az-manage-link" href="([^"]+)"/.exec(done.body)![1].replace(/&amp;/g, '&');
    noStore(await citizen.get(link), 'manage page');
    noStore(await citizen.get(link.replace('?', '/kalender.ics?')), 'manage page calendar file');
    noStore(await citizen.get(link.replace('?', '/verschieben?')), 'manage page: move');

    const admin = await loggedIn(server, 'admin');
    for (const url of ['/staff', '/staff?office=a&date=2026-11-30', '/staff/druck?office=a&date=2026-11-30', '/staff/export.csv?office=a&from=2026-11-30&to=2026-11-30', '/staff/suche?q=Anna', '/staff/benutzer', '/staff/kalender/feed/nothing.ics']) {
      const r = await admin.get(url);
      assert.ok(r.statusCode < 500, `${url}: ${r.statusCode}`);
      noStore(r, url);
    }
    noStore(await new Client(server).get('/staff'), 'GET /staff without a session (redirect)');
  });

  test('a broken %-escape in the path: the API\'s JSON error, an HTML page for browsers, the security headers', async () => {
    const api = await server.inject({ url: '/api/v1/appointments/%E0%A4%A', headers: { accept: 'application/json' } });
    assert.equal(api.statusCode, 400);
    assert.match(String(api.headers['content-type']), /^application\/json/);
    const body = api.json();
    assert.equal(body.error, 'bad_request');
    assert.equal(typeof body.message, 'string');
    assert.deepEqual(Object.keys(body).sort(), ['error', 'message']);
    assert.doesNotMatch(api.body, /FST_ERR|statusCode/);
    sameSecurityHeaders(api, 'bad %-escape on /api');
    noStore(api, 'bad %-escape on /api');

    const en = await server.inject({ url: '/api/v1/appointments/%E0%A4%A?lang=en' });
    assert.match(en.json().message, /address/i);

    const page = await server.inject({ url: '/termin/%E0%A4%A', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 400);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.body, /^<!doctype html><html lang="de">/);
    assert.match(page.body, /Adresse/);
    sameSecurityHeaders(page, 'bad %-escape, browser');

    const head = await server.inject({ method: 'HEAD', url: '/api/v1/appointments/%E0%A4%A' });
    assert.equal(head.statusCode, 400);
    assert.equal(head.body, '');
  });

  test('a path segment over the limit: 414 in the documented format', async () => {
    const r = await server.inject({ url: `/api/v1/appointments/${'A'.repeat(2100)}` });
    assert.equal(r.statusCode, 414);
    assert.equal(r.json().error, 'uri_too_long');
    assert.ok(r.body.length < 500, 'the address is not echoed');
    sameSecurityHeaders(r, '414');
  });

  test('refused by Node\'s parser (NUL or a control character in the address, garbage): 400 in the documented format', async () => {
    const cases: [string, string | Buffer][] = [
      ['NUL in the path', Buffer.from('GET /api/v1/offices\0 HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1')],
      ['control character in the query', Buffer.from('GET /api/v1/offices?q=\x01 HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1')],
      ['not HTTP', 'HELLO\r\n\r\n'],
    ];
    for (const [what, request] of cases) {
      const r = await rawRequest(port, request);
      assert.equal(r.status, 400, what);
      assert.match(r.headers['content-type'], /^application\/json/, what);
      assert.equal(JSON.parse(r.body).error, 'bad_request', what);
      assert.ok(JSON.parse(r.body).message, what);
      assert.equal(r.headers['content-length'], String(Buffer.byteLength(r.body)), what);
      sameSecurityHeaders(r, what);
      noStore(r, what);
    }
    const page = await rawRequest(port, Buffer.from('GET /buchen/\0 HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nAccept-Language: en\r\n\r\n', 'latin1'));
    assert.equal(page.status, 400);
    assert.match(page.headers['content-type'], /^text\/html/);
    assert.match(page.body, /^<!doctype html>/);
    sameSecurityHeaders(page, 'NUL, browser');
  });

  test('address and headers over the size limit: 431 in the documented format, an HTML page for browsers', async () => {
    const long = await rawRequest(port, `GET /api/v1/offices?x=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    assert.equal(long.status, 431);
    assert.equal(JSON.parse(long.body).error, 'headers_too_large');
    sameSecurityHeaders(long, '431');
    const page = await rawRequest(port, `GET /buchen/anliegen HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.equal(page.status, 431);
    assert.match(page.headers['content-type'], /^text\/html/);
    assert.match(page.body, /<html lang="de">/);
    sameSecurityHeaders(page, '431, browser');
  });

  test('a HEAD answer never has a body, also when refused before any route', async () => {
    const cases = [
      `HEAD /api/v1/offices?x=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      `HEAD /buchen HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
      Buffer.from('HEAD /api/v1/offices\0 HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'),
      'HEAD /api/v1/appointments/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    ];
    for (const request of cases) {
      const r = await rawRequest(port, request);
      assert.ok(r.status === 400 || r.status === 431, `${r.status}`);
      assert.equal(r.body, '', `HEAD answered ${r.status} with a body`);
      sameSecurityHeaders(r, `HEAD ${r.status}`);
    }
  });
});
