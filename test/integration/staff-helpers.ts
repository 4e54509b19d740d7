// Shared set-up for the back-office tests: a server on a fresh database with two
// offices, one user per role, and a cookie-keeping client that logs in.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { addUser } from '../../src/app/staff/add-user.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { office, orgConfig, service } from '../fixtures/org-config.ts';
import type { TestDatabaseKind } from '../helpers/database.ts';
import type { BookingRules, Office } from '../../src/domain/types.ts';

export const PASSWORD = 'correct horse battery';

export const USERS = {
  admin: { email: 'admin@example.org', role: 'admin', offices: [] as string[] },
  lead: { email: 'lead@example.org', role: 'lead', offices: ['a'] },
  clerkA: { email: 'clerk-a@example.org', role: 'clerk', offices: ['a'] },
  clerkB: { email: 'clerk-b@example.org', role: 'clerk', offices: ['b'] },
} as const;
export type UserKey = keyof typeof USERS;

export interface StaffTestEnv {
  app: TestApp;
  server: FastifyInstance;
  close(): Promise<void>;
}

export async function staffTestEnv(kind?: TestDatabaseKind, over: { hours?: Office['hours']; booking?: Partial<BookingRules> } = {}): Promise<StaffTestEnv> {
  const config = orgConfig({
    services: [service('anmeldung', 15, 5), service('ausweis', 20, 3)],
    offices: [office('a', { name: 'Bürgeramt A', hours: over.hours, booking: over.booking }), office('b', { name: 'Bürgeramt B', hours: over.hours, booking: over.booking })],
  });
  const app = await createTestApp({ config, kind });
  for (const [key, u] of Object.entries(USERS)) {
    await addUser(app.ctx, { email: u.email, name: `User ${key}`, role: u.role, offices: [...u.offices], password: PASSWORD });
  }
  const server = await buildServer({ ctx: app.ctx, rateLimitPerMinute: 0, trustProxy: true });
  return { app, server, close: async () => { await server.close(); await app.close(); } };
}

/** A browser in miniature: keeps cookies, reads the CSRF token, follows nothing by itself. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly server: FastifyInstance, readonly ip = '10.0.0.1') {}

  private store(r: LightMyRequestResponse) {
    for (const c of r.cookies) {
      if (c.maxAge === 0 || (c.expires && new Date(c.expires).getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(r.body);
    if (m) this.csrf = m[1];
  }

  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string) {
    const r = await this.server.inject({ url, headers: { accept: 'text/html', cookie: this.cookieHeader, 'x-forwarded-for': this.ip } });
    this.store(r);
    return r;
  }

  async post(url: string, form: Record<string, string>, opts: { csrf?: boolean } = {}) {
    const body = new URLSearchParams({ ...(opts.csrf === false ? {} : { _csrf: this.csrf }), ...form }).toString();
    const r = await this.server.inject({
      method: 'POST', url, payload: body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie: this.cookieHeader, 'x-forwarded-for': this.ip },
    });
    this.store(r);
    return r;
  }

  async login(email: string, password = PASSWORD) {
    await this.get('/staff/login');
    return this.post('/staff/login', { email, password });
  }
}

export async function loggedIn(server: FastifyInstance, user: UserKey): Promise<Client> {
  const c = new Client(server, `10.1.0.${Object.keys(USERS).indexOf(user) + 1}`);
  const r = await c.login(USERS[user].email);
  if (r.statusCode !== 303) throw new Error(`login of ${user} failed: ${r.statusCode}`);
  return c;
}
