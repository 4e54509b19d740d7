// The access matrix of the administration routes: anonymous, clerk of office A,
// clerk of office B, office lead (of A), admin. Users pages: admins only,
// everyone else 404 (anonymous: to the login page) and nothing changes.
// My account: every signed-in user, own data only. Calendar feeds: leads of
// the office and admins; clerks and other offices 404.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiToken } from '../../src/app/staff/create-api-token.ts';
import { Client, loggedIn, staffTestEnv, USERS, type StaffTestEnv, type UserKey } from './staff-helpers.ts';

type Who = 'anonymous' | UserKey;
const WHO: Who[] = ['anonymous', 'clerkA', 'clerkB', 'lead', 'admin'];

describe('staff access matrix: users, account, calendar feeds', () => {
  let env: StaffTestEnv;
  const clients = new Map<Who, Client>();
  const ids: Record<string, string> = {};
  before(async () => {
    env = await staffTestEnv();
    for (const who of WHO) clients.set(who, who === 'anonymous' ? new Client(env.server) : await loggedIn(env.server, who));
    for (const [k, u] of Object.entries(USERS)) {
      ids[k] = (await env.app.ctx.db.selectFrom('staff_users').select('id').where('email', '=', u.email).executeTakeFirstOrThrow()).id;
    }
  });
  after(async () => { await env.close(); });

  const snapshot = async () => JSON.stringify(await Promise.all([
    env.app.ctx.db.selectFrom('staff_users').select(['email', 'name', 'role', 'offices', 'active', 'password_hash']).orderBy('email').execute(),
    env.app.ctx.db.selectFrom('staff_api_tokens').select(['id']).orderBy('id').execute(),
    env.app.ctx.db.selectFrom('staff_calendar_feeds').select(['id']).orderBy('id').execute(),
  ]));
  const expectLogin = (r: { statusCode: number; headers: Record<string, unknown> }, what: string) => {
    assert.equal(r.statusCode, 303, what);
    assert.match(String(r.headers.location), /^\/staff\/login\?/, what);
  };

  for (const who of WHO) {
    test(`${who}: users pages only for admins; nothing changes for anyone else`, async () => {
      const c = clients.get(who)!;
      await c.get('/staff/login');
      if (who !== 'anonymous') await c.get('/staff/konto');
      const admin = who === 'admin';
      // someone else's account and token (clerk B's, or clerk A's for clerk B)
      const targetKey = who === 'clerkB' ? 'clerkA' : 'clerkB';
      const target = ids[targetKey];
      const office = USERS[targetKey].offices[0];
      const token = await createApiToken(env.app.ctx, { email: USERS[targetKey].email, label: `matrix ${who}` });
      const tokenId = (await env.app.ctx.db.selectFrom('staff_api_tokens').select('id').where('label', '=', `matrix ${who}`).executeTakeFirstOrThrow()).id;
      const before = await snapshot();
      const gets = ['/staff/benutzer', `/staff/benutzer/${target}`, `/staff/benutzer/${ids.admin}`];
      for (const url of gets) {
        const r = await c.get(url);
        if (who === 'anonymous') expectLogin(r, url);
        else assert.equal(r.statusCode, admin ? 200 : 404, `${who} GET ${url}`);
      }
      if (!admin) {
        const posts: [string, Record<string, string>][] = [
          ['/staff/benutzer', { name: 'Eindringling', email: `x-${who}@example.org`, role: 'admin' }],
          [`/staff/benutzer/${target}`, { name: 'Umbenannt', role: 'admin', offices: 'a' }],
          [`/staff/benutzer/${ids[who === 'anonymous' ? 'clerkA' : who]}`, { name: 'Selbst', role: 'admin', offices: 'a' }],
          [`/staff/benutzer/${target}/deaktivieren`, {}],
          [`/staff/benutzer/${target}/reaktivieren`, {}],
          [`/staff/benutzer/${target}/passwort`, {}],
          [`/staff/benutzer/${target}/schluessel/${tokenId}/widerrufen`, {}],
          [`/staff/konto/schluessel/${tokenId}/widerrufen`, {}],
        ];
        for (const [url, form] of posts) {
          const r = await c.post(url, form);
          if (who === 'anonymous') expectLogin(r, url);
          else assert.equal(r.statusCode, 404, `${who} POST ${url}`);
        }
        assert.equal(await snapshot(), before, `${who} changed nothing`);
        assert.equal((await env.server.inject({ url: `/api/v1/staff/day?office=${office}&date=2026-12-01`, headers: { authorization: `Bearer ${token}` } })).statusCode, 200);
      } else {
        assert.equal((await c.post(`/staff/benutzer/${target}/schluessel/${tokenId}/widerrufen`, {})).statusCode, 303);
        assert.equal((await env.server.inject({ url: `/api/v1/staff/day?office=${office}&date=2026-12-01`, headers: { authorization: `Bearer ${token}` } })).statusCode, 401);
      }
    });

    test(`${who}: my account shows only their own data`, async () => {
      const c = clients.get(who)!;
      const r = await c.get('/staff/konto');
      if (who === 'anonymous') return expectLogin(r, '/staff/konto');
      assert.equal(r.statusCode, 200);
      assert.match(r.body, new RegExp(USERS[who].email.replace('.', '\\.')));
      for (const other of Object.values(USERS)) if (other.email !== USERS[who].email) assert.ok(!r.body.includes(other.email), `${who} sees ${other.email}`);
      assert.equal(r.body.includes('href="/staff/benutzer"'), who === 'admin');
      assert.equal(r.body.includes('href="/staff/kalender?office=a"'), who === 'lead' || who === 'admin');
    });

    for (const office of ['a', 'b']) {
      const ok = who === 'admin' || (who === 'lead' && office === 'a');
      test(`${who} × calendar feeds of office ${office}: ${ok ? 'allowed' : 'refused'}`, async () => {
        const c = clients.get(who)!;
        await c.get('/staff/login');
        if (who !== 'anonymous') await c.get('/staff/konto');
        const adminClient = clients.get('admin')!;
        await adminClient.get(`/staff/kalender?office=${office}`);
        await adminClient.post(`/staff/kalender?office=${office}`, { label: `feed ${who} ${office}` });
        const feedId = (await env.app.ctx.db.selectFrom('staff_calendar_feeds').select('id').where('label', '=', `feed ${who} ${office}`).executeTakeFirstOrThrow()).id;
        const before = await snapshot();
        const page = await c.get(`/staff/kalender?office=${office}`);
        if (who === 'anonymous') expectLogin(page, 'feeds page');
        else assert.equal(page.statusCode, ok ? 200 : 404, `${who} GET feeds ${office}`);
        const create = await c.post(`/staff/kalender?office=${office}`, { label: `made by ${who}` });
        if (who === 'anonymous') expectLogin(create, 'create feed');
        else assert.equal(create.statusCode, ok ? 200 : 404, `${who} create feed ${office}`);
        if (!ok) assert.equal(await snapshot(), before, `${who} changed nothing`);
        const revoke = await c.post(`/staff/kalender/${feedId}/widerrufen?office=${office}`, {});
        if (who === 'anonymous') expectLogin(revoke, 'revoke feed');
        else assert.equal(revoke.statusCode, ok ? 303 : 404, `${who} revoke feed ${office}`);
        const left = await env.app.ctx.db.selectFrom('staff_calendar_feeds').select('id').where('id', '=', feedId).execute();
        assert.equal(left.length, ok ? 0 : 1);
      });
    }
  }

  test('a clerk has no feeds page at all; the default office of a lead is their own', async () => {
    assert.equal((await clients.get('clerkA')!.get('/staff/kalender')).statusCode, 404);
    const lead = await clients.get('lead')!.get('/staff/kalender');
    assert.equal(lead.statusCode, 200);
    assert.match(lead.body, /Bürgeramt A/);
    assert.ok(!lead.body.includes('Bürgeramt B'));
  });
});
