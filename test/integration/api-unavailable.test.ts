// When the database cannot be reached the API answers 503 with Retry-After, never 500.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createAppContext } from '../../src/app/context.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.ts';
import { buildServer } from '../../src/http/server.ts';

describe('database unreachable', () => {
  let handle: DatabaseHandle;
  let server: FastifyInstance;
  before(async () => {
    // nothing listens on port 1: every connection attempt is refused
    handle = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    server = await buildServer({ ctx: createAppContext({ db: handle.db, orgId: 'x' }), rateLimitPerMinute: 0 });
  });
  after(async () => {
    await server.close();
    await handle.close();
  });

  for (const [method, url] of [
    ['GET', '/api/v1/offices'],
    ['GET', '/api/v1/availability?office=a&services=b'],
    ['POST', '/api/v1/holds'],
  ] as const) {
    test(`${method} ${url} -> 503 busy with Retry-After`, async () => {
      const r = await server.inject({
        method, url,
        ...(method === 'POST' ? { payload: { office: 'a', services: [{ id: 'b' }], startsAt: '2026-12-01T09:00:00+01:00' } } : {}),
      });
      assert.equal(r.statusCode, 503, r.body);
      assert.equal(r.json().error, 'busy');
      assert.ok(Number(r.headers['retry-after']) > 0);
    });
  }

  test('health says the database is down', async () => {
    const r = await server.inject({ url: '/healthz' });
    assert.equal(r.statusCode, 503);
    assert.notEqual(r.json().status, 'ok');
  });
});
