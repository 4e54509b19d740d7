// The staff API (/api/v1/staff): session cookie or API token; anonymous 401
// JSON; other offices 404; phone bookings, the day list, the counter calls
// (attendance, cancel) by role; in the OpenAPI document.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiToken } from '../../src/app/staff/create-api-token.ts';
import { loggedIn, staffTestEnv, type StaffTestEnv } from './staff-helpers.ts';

describe('staff API', () => {
  let env: StaffTestEnv;
  let tokenA = '';
  let tokenAdmin = '';
  before(async () => {
    env = await staffTestEnv();
    tokenA = await createApiToken(env.app.ctx, { email: 'clerk-a@example.org', label: 'test' });
    tokenAdmin = await createApiToken(env.app.ctx, { email: 'admin@example.org', label: 'test' });
  });
  after(async () => { await env.close(); });

  const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, payload?: unknown) =>
    env.server.inject({ method, url, headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers }, payload: payload ? JSON.stringify(payload) : undefined });
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

  test('anonymous, a wrong token or a forged cookie: 401 JSON', async () => {
    const variants: Record<string, string>[] = [{}, bearer('azs_nothing'), { cookie: 'amtszeit_staff=forged' }];
    for (const headers of variants) {
      for (const [method, url] of [
        ['GET', '/api/v1/staff/day?office=a'], ['GET', '/api/v1/staff/free-times?office=a&services=anmeldung'], ['POST', '/api/v1/staff/appointments'],
        ['POST', '/api/v1/staff/appointments/ABCD-EFGH/attendance'], ['POST', '/api/v1/staff/appointments/ABCD-EFGH/cancel'],
      ] as const) {
        const r = await call(method, url, headers, method === 'POST' ? {} : undefined);
        assert.equal(r.statusCode, 401, `${method} ${url}`);
        assert.equal(r.json().error, 'unauthorized');
      }
    }
  });

  test('the tokens are stored hashed', async () => {
    const rows = await env.app.ctx.db.selectFrom('staff_api_tokens').select('id_hash').execute();
    assert.equal(rows.length, 2);
    assert.ok(rows.every((r) => r.id_hash !== tokenA && r.id_hash !== tokenAdmin));
  });

  test('free times and a phone booking with a token; other offices are 404', async () => {
    const free = await call('GET', '/api/v1/staff/free-times?office=a&services=ausweis:1&channel=phone', bearer(tokenA));
    assert.equal(free.statusCode, 200);
    const { times, durationMinutes } = free.json();
    assert.equal(durationMinutes, 30); // 20 minutes on the 15-minute grid
    assert.ok(times.length > 0);
    const booked = await call('POST', '/api/v1/staff/appointments', bearer(tokenA), {
      office: 'a', services: [{ id: 'ausweis', quantity: 1 }], startsAt: times[0].startsAt, contact: { name: 'API Anrufer' },
    });
    assert.equal(booked.statusCode, 201, booked.body);
    assert.equal(booked.json().channel, 'phone');
    assert.match(booked.json().reference, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    assert.equal((await call('GET', '/api/v1/staff/free-times?office=b&services=ausweis', bearer(tokenA))).statusCode, 404);
    const other = await call('POST', '/api/v1/staff/appointments', bearer(tokenA), {
      office: 'b', services: [{ id: 'ausweis', quantity: 1 }], startsAt: times[0].startsAt, contact: { name: 'Nope' },
    });
    assert.equal(other.statusCode, 404);
    assert.equal((await call('GET', '/api/v1/staff/day?office=b', bearer(tokenA))).statusCode, 404);
    assert.equal((await call('GET', '/api/v1/staff/day?office=b', bearer(tokenAdmin))).statusCode, 200);
    const bad = await call('POST', '/api/v1/staff/appointments', bearer(tokenA), { office: 'a', services: [], startsAt: 'x', contact: { name: '' } });
    assert.equal(bad.statusCode, 422);
  });

  test('the day list with the session cookie', async () => {
    const c = await loggedIn(env.server, 'clerkA');
    const r = await call('GET', '/api/v1/staff/day?office=a&date=2026-11-30', { cookie: c.cookieHeader });
    assert.equal(r.statusCode, 200);
    const day = r.json();
    assert.equal(day.office.id, 'a');
    assert.ok(day.list.some((i: { name: string }) => i.name === 'API Anrufer'));
    assert.equal(day.lanes.length, 2);
  });

  test('the counter calls by role: clerks, leads and admins of the office; another office is 404', async () => {
    const tokens = {
      clerkA: tokenA, admin: tokenAdmin,
      lead: await createApiToken(env.app.ctx, { email: 'lead@example.org', label: 'roles' }),
      clerkB: await createApiToken(env.app.ctx, { email: 'clerk-b@example.org', label: 'roles' }),
    };
    const free = (await call('GET', '/api/v1/staff/free-times?office=a&services=anmeldung:1&channel=counter', bearer(tokenA))).json();
    for (const [i, [who, token]] of Object.entries(tokens).entries()) {
      const booked = await call('POST', '/api/v1/staff/appointments', bearer(tokenA), {
        office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: free.times[i].startsAt, channel: 'counter', contact: { name: `Rolle ${who}` },
      });
      assert.equal(booked.statusCode, 201, booked.body);
      const ref = booked.json().reference;
      const inn = await call('POST', `/api/v1/staff/appointments/${ref}/attendance`, bearer(token), { status: 'checked_in' });
      const cancel = await call('POST', `/api/v1/staff/appointments/${ref}/cancel`, bearer(token), { reason: 'Rollen-Test' });
      if (who === 'clerkB') {
        assert.deepEqual([inn.statusCode, cancel.statusCode], [404, 404], who);
      } else {
        assert.equal(inn.statusCode, 200, `${who}: ${inn.body}`);
        assert.equal(inn.json().status, 'checked_in');
        assert.equal(cancel.statusCode, 200, `${who}: ${cancel.body}`);
        assert.equal(cancel.json().status, 'cancelled');
      }
    }
    assert.equal((await call('POST', '/api/v1/staff/appointments/NOPE-NOPE/cancel', bearer(tokenA), { reason: 'x' })).statusCode, 404);
  });

  test('the OpenAPI document lists the staff paths and their security', async () => {
    const doc = (await env.server.inject({ url: '/api/openapi.json' })).json();
    for (const p of ['/api/v1/staff/day', '/api/v1/staff/free-times', '/api/v1/staff/appointments', '/api/v1/staff/appointments/{reference}/attendance',
      '/api/v1/staff/appointments/{reference}/cancel']) assert.ok(doc.paths[p], p);
    assert.ok(doc.components.schemas.StaffCancelRequest);
    assert.ok(doc.components.schemas.StaffAttendanceRequest);
    assert.ok(doc.components.schemas.StaffBookRequest);
    assert.ok(doc.components.schemas.StaffDay);
    assert.ok(doc.components.securitySchemes.staffToken);
  });
});
