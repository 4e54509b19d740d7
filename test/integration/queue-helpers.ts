// Set-up for the counter queue's tests: the back-office test set-up (two
// offices a and b, one user per role) with a queue in office a (desks platz-1,
// platz-2) and in b (walk-ins off), API tokens per user, and a booking helper.
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { addUser } from '../../src/app/staff/add-user.ts';
import { createApiToken } from '../../src/app/staff/create-api-token.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { office, orgConfig, service } from '../fixtures/org-config.ts';
import type { TestDatabaseKind } from '../helpers/database.ts';
import type { QueueRules } from '../../src/domain/types.ts';
import { PASSWORD, USERS, type UserKey } from './staff-helpers.ts';

export const QUEUE_A: QueueRules = {
  desks: [{ id: 'platz-1', name: 'Platz 1' }, { id: 'platz-2', name: 'Platz 2' }],
  checkInBeforeMinutes: 30, checkInAfterMinutes: 15, lateGraceMinutes: 5, walkIns: true, kiosk: false,
};

export interface QueueTestEnv {
  app: TestApp;
  server: FastifyInstance;
  tokens: Record<UserKey, string>;
  call(method: 'GET' | 'POST', url: string, who: UserKey | null, payload?: unknown): Promise<{ statusCode: number; json(): any; body: string }>;
  /** books office a at a local time today (Monday 2026-11-30, Berlin), returns the reference */
  book(localTime: string, services?: { id: string; quantity: number }[]): Promise<string>;
  close(): Promise<void>;
}

export async function queueTestEnv(kind?: TestDatabaseKind): Promise<QueueTestEnv> {
  const config = orgConfig({
    services: [service('anmeldung', 15, 5), service('ausweis', 20, 3)],
    offices: [
      office('a', { name: 'Bürgeramt A', queue: QUEUE_A, hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '07:00', to: '18:00', counters: 6, online: 6, phone: 6 }] }),
      office('b', { name: 'Bürgeramt B', queue: { ...QUEUE_A, walkIns: false } }),
    ],
  });
  const app = await createTestApp({ config, kind });
  const tokens = {} as Record<UserKey, string>;
  for (const [key, u] of Object.entries(USERS)) {
    await addUser(app.ctx, { email: u.email, name: `User ${key}`, role: u.role, offices: [...u.offices], password: PASSWORD });
    tokens[key as UserKey] = await createApiToken(app.ctx, { email: u.email, label: 'queue' });
  }
  const server = await buildServer({ ctx: app.ctx, rateLimitPerMinute: 0, trustProxy: true });
  const call: QueueTestEnv['call'] = (method, url, who, payload) => server.inject({
    method, url,
    headers: { ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) },
    payload: payload !== undefined ? JSON.stringify(payload) : undefined,
  });
  const book = async (localTime: string, services = [{ id: 'anmeldung', quantity: 1 }]) => {
    // Berlin is UTC+1 in November
    const [h, m] = localTime.split(':').map(Number);
    const startsAt = new Date(Date.UTC(2026, 10, 30, h! - 1, m!)).toISOString().replace('.000Z', 'Z');
    const r = await call('POST', '/api/v1/staff/appointments', 'admin', { office: 'a', services, startsAt, channel: 'counter', contact: { name: `Bürger ${localTime}` } });
    if (r.statusCode !== 201) throw new Error(`booking ${localTime}: ${r.statusCode} ${r.body}`);
    return r.json().reference as string;
  };
  return { app, server, tokens, call, book, close: async () => { await server.close(); await app.close(); } };
}

/** Sets the clock to a local time today (Monday 2026-11-30, Berlin). */
export function at(env: QueueTestEnv, localTime: string, date = '2026-11-30'): void {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, m] = localTime.split(':').map(Number);
  env.app.clock.set(Date.UTC(y!, mo! - 1, d!, h! - 1, m!));
}
