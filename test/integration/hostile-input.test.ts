// Input seen from outside that once answered 500: dates at the end of the
// calendar, NUL bytes in forms, a malformed cookie. Each must answer 4xx
// with a clear message (or a page), never a 5xx, and change nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testDatabaseKinds } from '../helpers/database.ts';
import { Client, loggedIn, staffTestEnv, type StaffTestEnv } from './staff-helpers.ts';

for (const kind of testDatabaseKinds()) {
  describe(`hostile input on ${kind}`, () => {
    let env: StaffTestEnv;
    let server: FastifyInstance;
    before(async () => {
      env = await staffTestEnv(kind);
      server = env.server;
    });
    after(() => env?.close());

    const json = (method: 'GET' | 'POST', url: string, payload?: object) =>
      server.inject({ method, url, payload, headers: { accept: 'application/json' } });

    test('dates at the end of the calendar: 4xx on the API, never 500', async () => {
      const answers = [
        await json('GET', '/api/v1/availability/9999-12-31?office=a&services=anmeldung'),
        await json('GET', '/api/v1/availability?office=a&services=anmeldung&from=9999-12-01&to=9999-12-31'),
        await json('POST', '/api/v1/holds', { office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '9999-12-31T10:00:00+01:00' }),
        await json('POST', '/api/v1/appointments', {
          office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '9999-12-31T10:00:00+01:00',
          contact: { name: 'Erika Mustermann', email: 'erika@example.org' },
        }),
      ];
      for (const r of answers) {
        assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${r.statusCode} ${r.body}`);
        assert.ok(JSON.parse(r.body).message, r.body);
      }
    });

    test('impossible dates in the availability path: 4xx', async () => {
      for (const date of ['0000-01-01', '10000-01-01', '2026-02-30']) {
        const r = await json('GET', `/api/v1/availability/${date}?office=a&services=anmeldung`);
        assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${date}: ${r.statusCode} ${r.body}`);
      }
    });

    test('a one-day range at the end of the calendar is not called "more than 62 days"', async () => {
      const r = await json('GET', '/api/v1/availability?office=a&services=anmeldung&from=9999-12-31&to=9999-12-31');
      assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${r.statusCode} ${r.body}`);
      assert.doesNotMatch(r.body, /62/);
    });

    test('dates at the end of the calendar in the back office: 4xx, never 500', async () => {
      const clerk = await loggedIn(server, 'clerkA');
      for (const url of ['/staff?date=9999-12-31', '/staff/druck?date=9999-12-31', '/staff/export.csv?from=9999-12-01&to=9999-12-31']) {
        const r = await clerk.get(url);
        assert.ok(r.statusCode < 500, `${url}: ${r.statusCode}`);
      }
      const api = await server.inject({ url: '/api/v1/staff/day?date=9999-12-31&office=a', headers: { accept: 'application/json', cookie: clerk.cookieHeader } });
      assert.ok(api.statusCode < 500, `/api/v1/staff/day: ${api.statusCode} ${api.body}`);
    });

    test('a NUL byte in a citizen form field: 400 page that says what to fix, never 500', async () => {
      const citizen = new Client(server, '10.2.0.1');
      await citizen.get('/buchen/anliegen');
      const r = await citizen.post('/buchen/anliegen', { 'anzahl-anmeldung': '\u0000' });
      assert.equal(r.statusCode, 400, `anliegen: ${r.statusCode}`);
      assert.match(r.body, /Steuerzeichen/);
      const r2 = await citizen.post('/buchen/kontakt', { name: 'Erika\u0000', email: 'a\u0000b', phone: '\u0000' });
      assert.equal(r2.statusCode, 400, `kontakt: ${r2.statusCode}`);
      assert.match(r2.body, /Steuerzeichen/);
      // nothing was taken: the same form with plain text goes on
      const ok = await citizen.post('/buchen/anliegen', { 'anzahl-anmeldung': '1' });
      assert.equal(ok.statusCode, 303);
    });

    test('a NUL byte in the API: 422 naming the field', async () => {
      const r = await json('POST', '/api/v1/appointments', {
        office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-01T09:00:00+01:00',
        contact: { name: 'Erika\u0000Mustermann', email: 'erika@example.org' },
      });
      assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${r.statusCode} ${r.body}`);
    });

    test('a malformed cookie on an unknown page asked for by a browser: 404 page, not 500', async () => {
      const r = await server.inject({ url: '/does-not-exist', headers: { accept: 'text/html', cookie: 'a=%zz' } });
      assert.equal(r.statusCode, 404, r.body.slice(0, 300));
      const r2 = await server.inject({ url: '/buchen', headers: { accept: 'text/html', cookie: 'a=%zz; az_lang=%E0%A4%A' } });
      assert.ok(r2.statusCode < 500, `/buchen: ${r2.statusCode}`);
    });
  });
}
