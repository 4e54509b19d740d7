// The HTTP API through Fastify's inject: the contract of spec/api.md, and no input yields a 5xx.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { importConfig } from '../../src/app/import-config.ts';

describe('HTTP API', () => {
  let app: TestApp;
  let server: FastifyInstance;
  before(async () => {
    // the server answers with the real clock: put the test clock on now, so offered times are bookable
    app = await createTestApp({ now: Date.now() });
    server = await buildServer({ ctx: app.ctx, rateLimitPerMinute: 0 });
  });
  after(async () => {
    await server.close();
    await app.close();
  });

  const SERVICES = 'anmeldung:1,ausweis:2';

  async function firstFreeTime(services = 'anmeldung') {
    const r = await server.inject({ url: `/api/v1/availability?office=buergeramt&services=${services}` });
    assert.equal(r.statusCode, 200);
    return r.json().earliest as { date: string; time: string; startsAt: string };
  }

  function bookBody(startsAt: string, over: Record<string, unknown> = {}) {
    return {
      office: 'buergeramt',
      services: [{ id: 'anmeldung', quantity: 1 }],
      startsAt,
      contact: { name: 'Max Mustermann', email: `max${Math.random()}@example.org`, phone: '0341 123456' },
      consent: true,
      ...over,
    };
  }

  test('offices and services in both languages', async () => {
    const offices = (await server.inject({ url: '/api/v1/offices' })).json();
    assert.deepEqual(Object.keys(offices[0]).sort(), ['address', 'email', 'id', 'name', 'phone', 'services']);
    const de = (await server.inject({ url: '/api/v1/services?office=buergeramt' })).json();
    const en = (await server.inject({ url: '/api/v1/services?office=buergeramt&lang=en' })).json();
    assert.deepEqual(Object.keys(de[0]).sort(), ['area', 'documents', 'fee', 'id', 'maxQuantity', 'minutes', 'name']);
    assert.equal(de[0].name, 'Dienst anmeldung');
    assert.equal(en[0].name, 'Service anmeldung');
    const accept = (await server.inject({ url: '/api/v1/services', headers: { 'accept-language': 'en-GB,en;q=0.9' } })).json();
    assert.equal(accept[0].name, 'Service anmeldung');
  });

  test('availability, day times and earliest agree with each other', async () => {
    const r = await server.inject({ url: `/api/v1/availability?office=buergeramt&services=${SERVICES}` });
    assert.equal(r.statusCode, 200);
    const body = r.json();
    assert.equal(body.durationMinutes, 60); // 15 + 2 × 20 = 55 -> 60 on the 15-minute grid
    assert.equal(body.days.length, 31);
    const firstAvailable = body.days.find((d: { status: string }) => d.status === 'available');
    assert.equal(body.earliest.date, firstAvailable.date);
    const day = (await server.inject({ url: `/api/v1/availability/${firstAvailable.date}?office=buergeramt&services=${SERVICES}` })).json();
    assert.equal(day.times.length, firstAvailable.freeTimes);
    assert.equal(day.times[0].startsAt, body.earliest.startsAt);
    const earliest = (await server.inject({ url: `/api/v1/earliest?services=${SERVICES}` })).json();
    assert.deepEqual(earliest, [{ office: 'buergeramt', ...body.earliest }]);
  });

  test('hold, book with the hold, read, calendar, move, cancel', async () => {
    const t = await firstFreeTime();
    const hold = await server.inject({ method: 'POST', url: '/api/v1/holds', payload: { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: t.startsAt } });
    assert.equal(hold.statusCode, 201);
    assert.match(hold.json().expiresAt, /[+-]\d\d:\d\d$/);
    const booked = await server.inject({ method: 'POST', url: '/api/v1/appointments', payload: bookBody(t.startsAt, { holdId: hold.json().holdId, locale: 'en' }) });
    assert.equal(booked.statusCode, 201, booked.body);
    const a = booked.json();
    assert.equal(a.status, 'booked');
    assert.equal(a.channel, 'online');
    assert.equal(a.services[0].name, 'Service anmeldung');
    assert.ok(a.manageToken.length >= 22);
    const headers = { 'x-manage-token': a.manageToken };
    const got = await server.inject({ url: `/api/v1/appointments/${a.reference}`, headers });
    assert.equal(got.statusCode, 200);
    assert.equal(got.json().manageToken, undefined);
    assert.equal((await server.inject({ url: `/api/v1/appointments/${a.reference}?token=${a.manageToken}` })).statusCode, 200);
    const ics = await server.inject({ url: `/api/v1/appointments/${a.reference}/calendar.ics`, headers });
    assert.equal(ics.statusCode, 200);
    assert.match(ics.headers['content-type'] as string, /^text\/calendar/);
    assert.match(ics.body, /BEGIN:VEVENT/);
    const day = (await server.inject({ url: `/api/v1/availability/${t.date}?office=buergeramt&services=anmeldung` })).json();
    const later = day.times[day.times.length - 1].startsAt;
    const moved = await server.inject({ method: 'POST', url: `/api/v1/appointments/${a.reference}/reschedule`, headers, payload: { startsAt: later } });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().startsAt, later);
    const cancelled = await server.inject({ method: 'POST', url: `/api/v1/appointments/${a.reference}/cancel`, headers });
    assert.equal(cancelled.statusCode, 200);
    assert.equal(cancelled.json().status, 'cancelled');
    const hold2 = await server.inject({ method: 'POST', url: '/api/v1/holds', payload: { office: 'buergeramt', services: [{ id: 'anmeldung' }], startsAt: later } });
    assert.equal(hold2.statusCode, 201);
    assert.equal((await server.inject({ method: 'DELETE', url: `/api/v1/holds/${hold2.json().holdId}` })).statusCode, 204);
  });

  test('Idempotency-Key over HTTP: same answer, nothing booked twice; another body 422', async () => {
    const t = await firstFreeTime('ausweis');
    const body = bookBody(t.startsAt, { services: [{ id: 'ausweis', quantity: 1 }] });
    const h = { 'idempotency-key': `k-${Math.random()}` };
    const first = await server.inject({ method: 'POST', url: '/api/v1/appointments', payload: body, headers: h });
    const second = await server.inject({ method: 'POST', url: '/api/v1/appointments', payload: body, headers: h });
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 201);
    assert.deepEqual(second.json(), first.json());
    const third = await server.inject({ method: 'POST', url: '/api/v1/appointments', payload: { ...body, consent: true, locale: 'de' }, headers: h });
    assert.equal(third.statusCode, 422);
    assert.equal(third.json().error, 'idempotency_mismatch');
  });

  test('409 slot_unavailable carries alternatives; 429 limit_reached', async () => {
    // a day no other test touches
    const days = (await server.inject({ url: '/api/v1/availability?office=buergeramt&services=anmeldung' })).json().days;
    const date = days.filter((d: { status: string }) => d.status === 'available')[5].date;
    const t = (await server.inject({ url: `/api/v1/availability/${date}?office=buergeramt&services=anmeldung` })).json().times[0];
    t.date = date;
    for (let i = 0; i < 2; i++) assert.equal((await server.inject({ method: 'POST', url: '/api/v1/appointments', payload: bookBody(t.startsAt) })).statusCode, 201);
    const r = await server.inject({ method: 'POST', url: '/api/v1/appointments?lang=en', payload: bookBody(t.startsAt) });
    assert.equal(r.statusCode, 409);
    const e = r.json();
    assert.equal(e.error, 'slot_unavailable');
    assert.match(e.message, /not \(or no longer\) available/);
    assert.ok(e.alternatives.length >= 1 && e.alternatives.length <= 5);
    for (const alt of e.alternatives) assert.deepEqual(Object.keys(alt).sort(), ['date', 'startsAt', 'time']);
    const day = (await server.inject({ url: `/api/v1/availability/${t.date}?office=buergeramt&services=anmeldung` })).json();
    const email = `limit${Math.random()}@example.org`;
    let last;
    for (let i = 0; i < 4; i++) {
      last = await server.inject({ method: 'POST', url: '/api/v1/appointments', payload: bookBody(day.times[i + 1].startsAt, { contact: { name: 'L', email } }) });
    }
    assert.equal(last!.statusCode, 429);
    assert.equal(last!.json().error, 'limit_reached');
  });

  // method, url, payload (string = raw), headers, expected status, expected error code, a field that must be named
  const BAD: [string, string, unknown, Record<string, string>, number, string, string?][] = [
    ['GET', '/api/v1/nothing-here', undefined, {}, 404, 'not_found'],
    ['GET', '/nothing', undefined, {}, 404, 'not_found'],
    ['DELETE', '/api/v1/offices', undefined, {}, 405, 'method_not_allowed'],
    ['PUT', '/api/v1/appointments/K7Q2-9XMD', '{}', { 'content-type': 'application/json' }, 405, 'method_not_allowed'],
    ['GET', '/api/v1/appointments/K7Q2-9XMD/cancel', undefined, {}, 405, 'method_not_allowed'],
    ['POST', '/api/v1/appointments', '{"office": ', { 'content-type': 'application/json' }, 400, 'invalid_json'],
    ['POST', '/api/v1/appointments', 'x'.repeat(200_000), { 'content-type': 'application/json' }, 413, 'payload_too_large'],
    ['POST', '/api/v1/appointments', 'office=a', { 'content-type': 'text/plain' }, 415, 'unsupported_media_type'],
    ['POST', '/api/v1/appointments', [], {}, 422, 'validation', '(body)'],
    ['POST', '/api/v1/appointments', 'null', { 'content-type': 'application/json' }, 422, 'validation', '(body)'],
    ['POST', '/api/v1/appointments', {}, {}, 422, 'validation', 'contact'],
    ['POST', '/api/v1/appointments', { office: 1, services: 'x', startsAt: 5, contact: {}, consent: 'yes' }, {}, 422, 'validation', 'consent'],
    ['POST', '/api/v1/appointments', { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-02-30T09:00:00+01:00', contact: { name: 'A', email: 'a@example.org' }, consent: true }, {}, 422, 'validation', 'startsAt'],
    ['POST', '/api/v1/appointments', { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-01T09:00:00', contact: { name: 'A', email: 'a@example.org' }, consent: true }, {}, 422, 'validation', 'startsAt'],
    ['POST', '/api/v1/appointments', { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1e308 }], startsAt: '2026-12-01T09:00:00+01:00', contact: { name: 'A', email: 'a@example.org' }, consent: true }, {}, 422, 'validation', 'services[0].quantity'],
    ['POST', '/api/v1/appointments', { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-01T09:00:00+01:00', contact: { name: 'A', email: 'a@example.org' }, consent: false }, {}, 422, 'validation', 'consent'],
    ['POST', '/api/v1/appointments', { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-01T09:00:00+01:00', contact: { name: 'A', email: 'a@example.org' }, consent: true, admin: true }, {}, 422, 'validation', 'admin'],
    ['POST', '/api/v1/appointments', '{"__proto__": {"x": 1}, "office": "buergeramt"}', { 'content-type': 'application/json' }, 422, 'validation', '__proto__'],
    ['POST', '/api/v1/appointments', { office: 'buergeramt', services: [{ id: 'gibtsnicht', quantity: 1 }], startsAt: '2026-12-01T09:00:00+01:00', contact: { name: 'A', email: 'a@example.org' }, consent: true }, {}, 422, 'validation', 'services[0]'],
    ['POST', '/api/v1/appointments', { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-01T09:00:00+01:00', contact: { name: 'A', email: 'a@example.org' }, consent: true }, { 'idempotency-key': 'k'.repeat(300) }, 422, 'validation', 'Idempotency-Key'],
    ['POST', '/api/v1/appointments', { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '0001-01-01T09:00:00+01:00', contact: { name: 'A', email: 'a@example.org' }, consent: true }, {}, 422, 'validation'],
    ['POST', '/api/v1/holds', { office: 'buergeramt' }, {}, 422, 'validation', 'services'],
    ['POST', '/api/v1/holds', JSON.stringify({ a: Array(5000).fill([[[[[]]]]]) }), { 'content-type': 'application/json' }, 422, 'validation', 'a'],
    ['DELETE', '/api/v1/holds/not-a-uuid', undefined, {}, 404, 'not_found'],
    ['DELETE', '/api/v1/holds/00000000-0000-4000-8000-000000000000', undefined, {}, 404, 'not_found'],
    ['GET', '/api/v1/availability', undefined, {}, 422, 'validation', 'services'],
    ['GET', '/api/v1/availability?office=buergeramt&services=anmeldung;2', undefined, {}, 422, 'validation', 'services'],
    ['GET', '/api/v1/availability?office=nope&services=anmeldung', undefined, {}, 422, 'validation', 'office'],
    ['GET', '/api/v1/availability?office=buergeramt&services=anmeldung:0', undefined, {}, 422, 'validation', 'services[0]'],
    ['GET', '/api/v1/availability?office=buergeramt&services=anmeldung,anmeldung', undefined, {}, 422, 'validation', 'services[1]'],
    ['GET', '/api/v1/availability?office=buergeramt&services=anmeldung&from=2026-12-01&to=2027-03-01', undefined, {}, 422, 'validation', 'to'],
    ['GET', '/api/v1/availability?office=buergeramt&services=anmeldung&from=2026-12-10&to=2026-12-01', undefined, {}, 422, 'validation', 'to'],
    ['GET', '/api/v1/availability?office=buergeramt&services=anmeldung&from=2026-13-01', undefined, {}, 422, 'validation', 'from'],
    ['GET', '/api/v1/availability?office=buergeramt&office=x&services=anmeldung', undefined, {}, 422, 'validation', 'office'],
    ['GET', '/api/v1/availability/2026-02-30?office=buergeramt&services=anmeldung', undefined, {}, 422, 'validation', 'date'],
    ['GET', '/api/v1/availability/%00?office=buergeramt&services=anmeldung', undefined, {}, 422, 'validation', 'date'],
    ['GET', '/api/v1/earliest', undefined, {}, 422, 'validation', 'services'],
    ['GET', '/api/v1/earliest?services=nope', undefined, {}, 422, 'validation', 'services[0]'],
    ['GET', '/api/v1/services?office=nope', undefined, {}, 422, 'validation', 'office'],
    ['GET', '/api/v1/appointments/K7Q2-9XMD', undefined, {}, 404, 'not_found'],
    ['GET', `/api/v1/appointments/${'A'.repeat(1000)}`, undefined, {}, 404, 'not_found'],
    ['GET', '/api/v1/appointments/K7Q2-9XMD?token=abc', undefined, {}, 404, 'not_found'],
    ['POST', '/api/v1/appointments/K7Q2-9XMD/cancel', undefined, {}, 404, 'not_found'],
    ['POST', '/api/v1/appointments/K7Q2-9XMD/confirm', undefined, {}, 404, 'not_found'],
    ['POST', '/api/v1/appointments/K7Q2-9XMD/reschedule', { startsAt: 'x' }, {}, 404, 'not_found'],
    ['GET', '/api/v1/appointments/K7Q2-9XMD/calendar.ics', undefined, {}, 404, 'not_found'],
  ];

  for (const [method, url, payload, headers, status, code, field] of BAD) {
    test(`${method} ${url.slice(0, 90)} ${typeof payload === 'string' ? payload.slice(0, 30) : JSON.stringify(payload)?.slice(0, 60) ?? ''} -> ${status} ${code}`, async () => {
      const r = await server.inject({ method: method as 'GET', url, payload: payload as string, headers });
      assert.equal(r.statusCode, status, r.body.slice(0, 300));
      const body = r.json();
      assert.equal(body.error, code);
      assert.equal(typeof body.message, 'string');
      assert.ok(body.message.length > 0);
      if (field) assert.ok(body.fields && field in body.fields, `field ${field} in ${JSON.stringify(body.fields)}`);
    });
  }

  test('a wrong type is named as such, a missing field as missing', async () => {
    const r = await server.inject({ method: 'POST', url: '/api/v1/appointments?lang=en', payload: { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: '2' }], startsAt: '2026-12-01T09:00:00+01:00', contact: { name: 'A' }, consent: 'yes' } });
    assert.equal(r.statusCode, 422);
    const f = r.json().fields;
    assert.match(f.consent, /expected boolean/);
    assert.match(f['services[0].quantity'], /expected number/);
    assert.match(f['contact.email'], /required/);
  });

  test('messages follow the language: German by default, English on request', async () => {
    const de = (await server.inject({ url: '/api/v1/availability?office=nope&services=anmeldung' })).json();
    const en = (await server.inject({ url: '/api/v1/availability?office=nope&services=anmeldung&lang=en' })).json();
    assert.match(de.fields.office, /Unbekanntes Amt/);
    assert.match(en.fields.office, /Unknown office/);
    assert.notEqual(de.message, en.message);
  });

  test('a known address with another method: 405 and the methods it allows', async () => {
    const r = await server.inject({ method: 'PATCH', url: '/api/v1/holds/00000000-0000-4000-8000-000000000000' });
    assert.equal(r.statusCode, 405);
    assert.equal(r.headers.allow, 'DELETE');
    const day = await server.inject({ method: 'POST', url: '/api/v1/availability/2026-12-01' });
    assert.equal(day.statusCode, 405);
    assert.deepEqual(String(day.headers.allow).split(', ').sort(), ['GET', 'HEAD']);
    const post = await server.inject({ method: 'GET', url: '/api/v1/holds' });
    assert.equal(post.statusCode, 405);
    assert.equal(post.headers.allow, 'POST');
  });

  test('a body with a wrong type still names the content problems of its well-formed parts', async () => {
    const r = await server.inject({ method: 'POST', url: '/api/v1/appointments?lang=en', payload: { office: 'nope', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: 'tomorrow', contact: { name: 'A', email: 'not-an-address' }, consent: 'yes' } });
    assert.equal(r.statusCode, 422);
    const f = r.json().fields;
    assert.match(f.consent, /expected boolean/);
    assert.match(f.office, /Unknown office/);
    assert.ok(f['contact.email'] && !/required/.test(f['contact.email']), f['contact.email']);
    assert.ok(f.startsAt, 'startsAt named');
    // a shape problem inside the concerns hides nothing else, and is not repeated as a content problem
    const q = await server.inject({ method: 'POST', url: '/api/v1/appointments?lang=en', payload: { office: 'buergeramt', services: [{ id: 'anmeldung', quantity: 'x' }], startsAt: '2026-12-01T09:00:00+01:00', contact: { name: '', email: 'a@example.org' }, consent: true } });
    assert.equal(q.statusCode, 422);
    assert.deepEqual(Object.keys(q.json().fields).sort(), ['contact.name', 'services[0].quantity']);
  });

  test("without a language asked for, the organization's defaultLocale speaks", async () => {
    const original = (await app.ctx.catalog()).config;
    const en = structuredClone(original);
    en.organization.defaultLocale = 'en';
    await importConfig(app.ctx.db, { orgId: app.ctx.orgId, config: en, now: app.ctx.now() });
    app.ctx.invalidateCatalog();
    try {
      const plain = (await server.inject({ url: '/api/v1/availability?office=nope&services=anmeldung' })).json();
      assert.match(plain.fields.office, /Unknown office/);
      const asked = (await server.inject({ url: '/api/v1/availability?office=nope&services=anmeldung', headers: { 'accept-language': 'de-DE,de;q=0.9' } })).json();
      assert.match(asked.fields.office, /Unbekanntes Amt/);
    } finally {
      await importConfig(app.ctx.db, { orgId: app.ctx.orgId, config: original, now: app.ctx.now() });
      app.ctx.invalidateCatalog();
    }
  });

  test('OpenAPI 3.1 document describes every route of the contract', async () => {
    const r = await server.inject({ url: '/api/openapi.json' });
    assert.equal(r.statusCode, 200);
    const doc = r.json();
    assert.equal(doc.openapi, '3.1.0');
    for (const path of [
      '/api/v1/offices', '/api/v1/services', '/api/v1/availability', '/api/v1/availability/{date}', '/api/v1/earliest',
      '/api/v1/holds', '/api/v1/holds/{id}', '/api/v1/appointments', '/api/v1/appointments/{ref}',
      '/api/v1/appointments/{ref}/confirm', '/api/v1/appointments/{ref}/cancel', '/api/v1/appointments/{ref}/reschedule',
      '/api/v1/appointments/{ref}/calendar.ics', '/healthz',
    ]) assert.ok(doc.paths[path], path);
    const book = doc.components.schemas.BookRequest;
    assert.deepEqual([...book.required].sort(), ['consent', 'contact', 'office', 'services', 'startsAt']);
    assert.equal(book.additionalProperties, false);
    // every $ref resolves
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[A-Za-z]+/g) ?? [];
    for (const ref of refs) assert.ok(doc.components.schemas[ref.split('/').pop()!], ref);
  });

  test('CORS: a city website on another origin may call the API, preflight included', async () => {
    const pre = await server.inject({ method: 'OPTIONS', url: '/api/v1/appointments', headers: { origin: 'https://www.stadt.example', 'access-control-request-method': 'POST' } });
    assert.equal(pre.statusCode, 204);
    assert.equal(pre.headers['access-control-allow-origin'], '*');
    assert.match(String(pre.headers['access-control-allow-headers']), /Idempotency-Key/);
    const get = await server.inject({ url: '/api/v1/offices', headers: { origin: 'https://www.stadt.example' } });
    assert.equal(get.headers['access-control-allow-origin'], '*');
    const page = await server.inject({ url: '/', headers: { origin: 'https://www.stadt.example' } });
    assert.equal(page.headers['access-control-allow-origin'], undefined);
  });

  test('health answers ok with the database reachable', async () => {
    const r = await server.inject({ url: '/healthz' });
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().status, 'ok');
  });
});
