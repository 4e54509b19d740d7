// User management in the browser, own account, API tokens and audit entries:
// add (password shown once works), validation beside the fields, deactivate
// after a confirmation that says what stops and how much (session, API token
// and login refused at once), guard rails (self, last
// admin), password reset and change, token list, last use and revoke.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser } from '../../src/app/staff/add-user.ts';
import { createApiToken } from '../../src/app/staff/create-api-token.ts';
import { setUserActive } from '../../src/app/staff/set-user-active.ts';
import { testDatabaseKinds } from '../helpers/database.ts';
import { Client, loggedIn, PASSWORD, staffTestEnv, USERS, type StaffTestEnv } from './staff-helpers.ts';

const shownSecret = (html: string, id: string) => {
  const m = new RegExp(`<code class="az-secret" id="${id}">([^<]+)</code>`).exec(html);
  assert.ok(m, `no secret #${id} on the page`);
  return m[1];
};

for (const kind of testDatabaseKinds()) {
  describe(`staff users (${kind})`, () => {
    let env: StaffTestEnv;
    before(async () => { env = await staffTestEnv(kind); });
    after(async () => { await env.close(); });

    const userId = async (email: string) =>
      (await env.app.ctx.db.selectFrom('staff_users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const audit = async (action: string) =>
      env.app.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('at').execute();
    const api = (token: string) => env.server.inject({ url: '/api/v1/staff/day?office=a&date=2026-12-01', headers: { authorization: `Bearer ${token}` } });

    test('an admin adds a clerk; the password shown once logs in; the audit entry has no password', async () => {
      const admin = await loggedIn(env.server, 'admin');
      const list = await admin.get('/staff/benutzer');
      assert.equal(list.statusCode, 200);
      for (const u of Object.values(USERS)) assert.match(list.body, new RegExp(u.email.replace('.', '\\.')));
      assert.match(list.body, /Letzte Anmeldung/);
      const r = await admin.post('/staff/benutzer', { name: 'Neue Kollegin', email: ' Neu@Example.org ', role: 'clerk', offices: 'a' });
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['cache-control'], 'no-store');
      const password = shownSecret(r.body, 'passwort');
      assert.ok(password.length >= 20);
      const row = await env.app.ctx.db.selectFrom('staff_users').selectAll().where('email', '=', 'neu@example.org').executeTakeFirstOrThrow();
      assert.equal(row.role, 'clerk');
      assert.deepEqual(row.offices, ['a']);
      assert.ok(!row.password_hash.includes(password));
      const clerk = new Client(env.server, '10.9.0.1');
      assert.equal((await clerk.login('neu@example.org', password)).statusCode, 303);
      assert.equal((await clerk.get('/staff')).statusCode, 200);
      const [entry] = await audit('user.add');
      assert.equal(entry.actor, 'staff:admin@example.org');
      assert.equal((entry.details as { email: string }).email, 'neu@example.org');
      assert.ok(!JSON.stringify(entry.details).includes(password));
      // the list now shows a last login for her
      assert.match((await admin.get('/staff/benutzer')).body, /Neue Kollegin/);
      assert.ok((await env.app.ctx.db.selectFrom('staff_users').select('last_login_at').where('id', '=', row.id).executeTakeFirstOrThrow()).last_login_at);
    });

    test('bad input: messages beside the fields, nothing created', async () => {
      const admin = await loggedIn(env.server, 'admin');
      await admin.get('/staff/benutzer');
      const cases: [Record<string, string>, string, RegExp][] = [
        [{ name: 'X', email: 'lead@example.org', role: 'clerk', offices: 'a' }, 'email', /schon einen Benutzer/],
        [{ name: 'X', email: 'kein-at', role: 'clerk', offices: 'a' }, 'email', /gültige E-Mail-Adresse/],
        [{ name: 'X', email: 'x1@example.org', role: 'clerk' }, 'offices', /mindestens eine Dienststelle/],
        [{ name: 'X', email: 'x2@example.org', role: 'lead', offices: 'zzz' }, 'offices', /gibt es nicht/],
        [{ name: '', email: 'x3@example.org', role: 'clerk', offices: 'a' }, 'name', /Namen/],
        [{ name: 'X', email: 'x4@example.org', role: 'boss', offices: 'a' }, 'role', /Rolle/],
      ];
      const before = (await env.app.ctx.db.selectFrom('staff_users').select('id').execute()).length;
      for (const [form, field, message] of cases) {
        const r = await admin.post('/staff/benutzer', form);
        assert.equal(r.statusCode, 400, JSON.stringify(form));
        assert.match(r.body, /Es gibt ein Problem/);
        assert.match(r.body, new RegExp(`id="${field}-error"[^>]*>[\\s\\S]{0,200}?`), field);
        assert.match(r.body, message);
        assert.match(r.body, new RegExp(`href="#${field}"`));
      }
      assert.equal((await env.app.ctx.db.selectFrom('staff_users').select('id').execute()).length, before);
      // ?lang=en: English messages
      const en = await admin.get('/staff/benutzer?lang=en');
      assert.match(en.body, /Add a user/);
      const r = await admin.post('/staff/benutzer', { name: 'X', email: 'kein-at', role: 'clerk', offices: 'a' });
      assert.match(r.body, /valid e-mail address/);
      await admin.get('/staff/benutzer?lang=de');
    });

    test('deactivating ends the session at once, refuses the API token and the login; reactivating allows login again', async () => {
      const admin = await loggedIn(env.server, 'admin');
      const clerk = await loggedIn(env.server, 'clerkB');
      assert.equal((await clerk.get('/staff')).statusCode, 200);
      const token = await clerk.get('/staff/konto').then(() => clerk.post('/staff/konto/schluessel', { label: 'Telefonanlage' }));
      const apiToken = shownSecret(token.body, 'neuer-schluessel');
      assert.equal((await env.server.inject({ url: '/api/v1/staff/day?office=b&date=2026-12-01', headers: { authorization: `Bearer ${apiToken}` } })).statusCode, 200);
      const id = await userId(USERS.clerkB.email);
      await admin.get(`/staff/benutzer/${id}`);
      // first a confirmation: nothing has ended yet
      const ask = await admin.post(`/staff/benutzer/${id}/deaktivieren`, {});
      assert.equal(ask.statusCode, 200);
      assert.match(ask.body, /wirklich deaktivieren/);
      assert.equal((await clerk.get('/staff')).statusCode, 200);
      assert.equal((await env.server.inject({ url: '/api/v1/staff/day?office=b&date=2026-12-01', headers: { authorization: `Bearer ${apiToken}` } })).statusCode, 200);
      const r = await admin.post(`/staff/benutzer/${id}/deaktivieren`, { bestaetigt: 'ja' });
      assert.equal(r.statusCode, 303);
      assert.equal(r.headers.location, `/staff/benutzer/${id}?ok=deactivated`);
      assert.match((await admin.get(String(r.headers.location))).body, /ist deaktiviert/);
      const after = await clerk.get('/staff');
      assert.equal(after.statusCode, 303);
      assert.match(String(after.headers.location), /^\/staff\/login/);
      assert.equal((await env.server.inject({ url: '/api/v1/staff/day?office=b&date=2026-12-01', headers: { authorization: `Bearer ${apiToken}` } })).statusCode, 401);
      assert.equal((await new Client(env.server, '10.9.0.2').login(USERS.clerkB.email)).statusCode, 401);
      assert.equal((await env.app.ctx.db.selectFrom('staff_sessions').select('id_hash').where('user_id', '=', id).execute()).length, 0);
      assert.equal((await env.app.ctx.db.selectFrom('staff_api_tokens').select('id').where('user_id', '=', id).execute()).length, 0);
      const [entry] = await audit('user.deactivate');
      assert.deepEqual(
        { actor: entry.actor, email: (entry.details as { email: string }).email, tokens: (entry.details as { tokensRevoked: number }).tokensRevoked },
        { actor: 'staff:admin@example.org', email: USERS.clerkB.email, tokens: 1 },
      );
      // reactivated: login works again, the old token stays revoked
      assert.equal((await admin.post(`/staff/benutzer/${id}/reaktivieren`, {})).statusCode, 303);
      assert.equal((await new Client(env.server, '10.9.0.3').login(USERS.clerkB.email)).statusCode, 303);
      assert.equal((await env.server.inject({ url: '/api/v1/staff/day?office=b&date=2026-12-01', headers: { authorization: `Bearer ${apiToken}` } })).statusCode, 401);
      assert.equal((await audit('user.reactivate')).length, 1);
    });

    test('deactivating asks first, saying in words that sessions end and API tokens and calendar feeds stop, with how many', async () => {
      await addUser(env.app.ctx, { email: 'lead2@example.org', name: 'Lena Zwei', role: 'lead', offices: ['a'], password: PASSWORD });
      const lead2 = new Client(env.server, '10.9.1.1');
      assert.equal((await lead2.login('lead2@example.org')).statusCode, 303);
      await lead2.get('/staff/kalender?office=a');
      assert.equal((await lead2.post('/staff/kalender?office=a', { label: 'Team A' })).statusCode, 200);
      await createApiToken(env.app.ctx, { email: 'lead2@example.org', label: 'Telefonanlage' });
      await createApiToken(env.app.ctx, { email: 'lead2@example.org', label: 'Aufrufanlage' });
      const id = await userId('lead2@example.org');
      const admin = await loggedIn(env.server, 'admin');
      const edit = await admin.get(`/staff/benutzer/${id}`);
      assert.match(edit.body, new RegExp(`<form method="post" action="/staff/benutzer/${id}/deaktivieren"`));
      const ask = await admin.post(`/staff/benutzer/${id}/deaktivieren`, {});
      assert.equal(ask.statusCode, 200);
      assert.match(ask.body, /Lena Zwei wirklich deaktivieren\?/);
      assert.match(ask.body, /1 Sitzung/);
      assert.match(ask.body, /2 API-Schlüssel/);
      assert.match(ask.body, /Telefonanlage/);
      assert.match(ask.body, /Aufrufanlage/);
      assert.match(ask.body, /1 Kalender-Abo/);
      assert.match(ask.body, /Team A/);
      assert.match(ask.body, /funktionieren nicht mehr/);
      assert.match(ask.body, /<input type="hidden" name="bestaetigt" value="ja"/);
      assert.match(ask.body, new RegExp(`href="/staff/benutzer/${id}"`), 'a way back without deactivating');
      // asking changed nothing
      assert.equal((await lead2.get('/staff')).statusCode, 200);
      assert.equal((await env.app.ctx.db.selectFrom('staff_api_tokens').select('id').where('user_id', '=', id).execute()).length, 2);
      assert.equal((await audit('user.deactivate')).filter((e) => (e.details as { userId: string }).userId === id).length, 0);
      const en = await admin.post(`/staff/benutzer/${id}/deaktivieren?lang=en`, {});
      assert.match(en.body, /Really deactivate Lena Zwei\?/);
      assert.match(en.body, /2 API tokens/);
      await admin.get('/staff/benutzer?lang=de');
      // a second POST with the confirmation does it
      const done = await admin.post(`/staff/benutzer/${id}/deaktivieren`, { bestaetigt: 'ja' });
      assert.equal(done.headers.location, `/staff/benutzer/${id}?ok=deactivated`);
      assert.equal((await lead2.get('/staff')).statusCode, 303);
      assert.equal((await env.app.ctx.db.selectFrom('staff_api_tokens').select('id').where('user_id', '=', id).execute()).length, 0);
      assert.equal((await env.app.ctx.db.selectFrom('staff_calendar_feeds').select('id').where('created_by', '=', id).execute()).length, 0);
      const [entry] = (await audit('user.deactivate')).filter((e) => (e.details as { userId: string }).userId === id);
      assert.deepEqual([(entry.details as { tokensRevoked: number }).tokensRevoked, (entry.details as { feedsRevoked: number }).feedsRevoked], [2, 1]);
      // the page of an inactive user offers reactivation at once, without a confirmation
      const again = await admin.post(`/staff/benutzer/${id}/reaktivieren`, {});
      assert.equal(again.statusCode, 303);
    });

    test('guard rails: no self-deactivation or self-demotion; the last active admin stays', async () => {
      const admin = await loggedIn(env.server, 'admin');
      const me = await userId(USERS.admin.email);
      await admin.get(`/staff/benutzer/${me}`);
      const r1 = await admin.post(`/staff/benutzer/${me}/deaktivieren`, {});
      assert.equal(r1.statusCode, 400);
      assert.match(r1.body, /nicht selbst deaktivieren/);
      const r2 = await admin.post(`/staff/benutzer/${me}`, { name: 'User admin', role: 'lead', offices: 'a' });
      assert.equal(r2.statusCode, 400);
      assert.match(r2.body, /nicht selbst die Administration entziehen/);
      const r3 = await admin.post(`/staff/benutzer/${me}/passwort`, {});
      assert.equal(r3.statusCode, 400);
      const row = await env.app.ctx.db.selectFrom('staff_users').selectAll().where('id', '=', me).executeTakeFirstOrThrow();
      assert.deepEqual([row.role, row.active], ['admin', true]);
      // the command line may deactivate anyone, but not the last active admin
      await assert.rejects(setUserActive(env.app.ctx, 'cli', { id: me, active: false }), (e: { details?: { fields?: Record<string, { key: string }> } }) => e.details?.fields?.active?.key === 'user.lastAdmin');
      // with a second admin, one admin may demote the other
      const second = await admin.post('/staff/benutzer', { name: 'Zweite Admin', email: 'admin2@example.org', role: 'admin' });
      assert.equal(second.statusCode, 200);
      const id2 = await userId('admin2@example.org');
      const r4 = await admin.post(`/staff/benutzer/${id2}`, { name: 'Zweite Leitung', role: 'lead', offices: 'b' });
      assert.equal(r4.statusCode, 303);
      const changed = await env.app.ctx.db.selectFrom('staff_users').selectAll().where('id', '=', id2).executeTakeFirstOrThrow();
      assert.deepEqual([changed.name, changed.role, changed.offices], ['Zweite Leitung', 'lead', ['b']]);
      const [upd] = (await audit('user.update')).slice(-1);
      assert.deepEqual((upd.details as { after: unknown }).after, { name: 'Zweite Leitung', role: 'lead', offices: ['b'] });
      // an unknown office on edit: message beside the field, no change
      const r5 = await admin.post(`/staff/benutzer/${id2}`, { name: 'Zweite Leitung', role: 'lead', offices: 'zzz' });
      assert.equal(r5.statusCode, 400);
      assert.match(r5.body, /id="offices-error"/);
      // malformed or unknown ids are 404, never a 500
      assert.equal((await admin.get('/staff/benutzer/not-a-uuid')).statusCode, 404);
      assert.equal((await admin.get('/staff/benutzer/00000000-0000-0000-0000-000000000000')).statusCode, 404);
      assert.equal((await admin.post('/staff/benutzer/00000000-0000-0000-0000-000000000000/deaktivieren', {})).statusCode, 404);
    });

    test('password reset: a new password shown once, the old one and all sessions end', async () => {
      const admin = await loggedIn(env.server, 'admin');
      const lead = await loggedIn(env.server, 'lead');
      const id = await userId(USERS.lead.email);
      await admin.get(`/staff/benutzer/${id}`);
      const r = await admin.post(`/staff/benutzer/${id}/passwort`, {});
      assert.equal(r.statusCode, 200);
      const password = shownSecret(r.body, 'passwort');
      assert.equal((await lead.get('/staff')).statusCode, 303);
      assert.equal((await new Client(env.server, '10.9.0.4').login(USERS.lead.email)).statusCode, 401);
      assert.equal((await new Client(env.server, '10.9.0.5').login(USERS.lead.email, password)).statusCode, 303);
      assert.equal((await audit('user.password_reset')).length, 1);
      assert.ok(!JSON.stringify((await audit('user.password_reset'))[0].details).includes(password));
    });

    test('own password: current one required, at least 12 characters, repeated; other sessions end, this one stays', async () => {
      const a = await loggedIn(env.server, 'clerkA');
      const other = await loggedIn(env.server, 'clerkA');
      await a.get('/staff/konto');
      const wrong = await a.post('/staff/konto/passwort', { current: 'not the password', next: 'a new long password', confirm: 'a new long password' });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /id="current-error"/);
      const short = await a.post('/staff/konto/passwort', { current: PASSWORD, next: 'short', confirm: 'short' });
      assert.match(short.body, /id="next-error"/);
      const mismatch = await a.post('/staff/konto/passwort', { current: PASSWORD, next: 'a new long password', confirm: 'another long password' });
      assert.match(mismatch.body, /id="confirm-error"/);
      const ok = await a.post('/staff/konto/passwort', { current: PASSWORD, next: 'a new long password', confirm: 'a new long password' });
      assert.equal(ok.statusCode, 303);
      assert.equal(ok.headers.location, '/staff/konto?ok=password&ended=1');
      assert.equal((await a.get('/staff/konto')).statusCode, 200);
      assert.equal((await other.get('/staff')).statusCode, 303);
      assert.equal((await new Client(env.server, '10.9.0.6').login(USERS.clerkA.email, 'a new long password')).statusCode, 303);
      assert.equal((await new Client(env.server, '10.9.0.7').login(USERS.clerkA.email)).statusCode, 401);
      // put it back for the other tests
      await a.get('/staff/konto');
      assert.equal((await a.post('/staff/konto/passwort', { current: 'a new long password', next: PASSWORD, confirm: PASSWORD })).statusCode, 303);
      await env.app.ctx.db.deleteFrom('staff_login_failures').execute();
    });

    test('API tokens: created on the account page (shown once), listed with last use, revoked by the owner or an admin', async () => {
      const c = await loggedIn(env.server, 'clerkA');
      await c.get('/staff/konto');
      const empty = await c.post('/staff/konto/schluessel', { label: '' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /id="label-error"/);
      const made = await c.post('/staff/konto/schluessel', { label: 'Terminal 1' });
      const t1 = shownSecret(made.body, 'neuer-schluessel');
      const t2 = shownSecret((await c.post('/staff/konto/schluessel', { label: 'Terminal 2' })).body, 'neuer-schluessel');
      assert.equal((await api(t1)).statusCode, 200);
      const page = await c.get('/staff/konto');
      assert.ok(!page.body.includes(t1), 'a token is never shown again');
      assert.match(page.body, /Terminal 1/);
      const ids = await env.app.ctx.db.selectFrom('staff_api_tokens').select(['id', 'label', 'last_used_at']).where('user_id', '=', await userId(USERS.clerkA.email)).orderBy('created_at').execute();
      assert.ok(ids.find((r) => r.label === 'Terminal 1')?.last_used_at, 'last use noted');
      assert.equal(ids.find((r) => r.label === 'Terminal 2')?.last_used_at, null);
      const id1 = ids.find((r) => r.label === 'Terminal 1')!.id;
      const id2 = ids.find((r) => r.label === 'Terminal 2')!.id;
      // someone else cannot revoke it (404), the owner can
      const b = await loggedIn(env.server, 'clerkB');
      await b.get('/staff/konto');
      assert.equal((await b.post(`/staff/konto/schluessel/${id1}/widerrufen`, {})).statusCode, 404);
      assert.equal((await api(t1)).statusCode, 200);
      const rv = await c.post(`/staff/konto/schluessel/${id1}/widerrufen`, {});
      assert.equal(rv.statusCode, 303);
      assert.equal((await api(t1)).statusCode, 401);
      // an admin sees and revokes the other one on the users page
      const admin = await loggedIn(env.server, 'admin');
      const uid = await userId(USERS.clerkA.email);
      const up = await admin.get(`/staff/benutzer/${uid}`);
      assert.match(up.body, /Terminal 2/);
      assert.equal((await admin.post(`/staff/benutzer/${uid}/schluessel/${id2}/widerrufen`, {})).statusCode, 303);
      assert.equal((await api(t2)).statusCode, 401);
      const revokes = await audit('token.revoke');
      assert.deepEqual(revokes.slice(-2).map((e) => e.actor), ['staff:clerk-a@example.org', 'staff:admin@example.org']);
      assert.ok((await audit('token.create')).every((e) => !JSON.stringify(e.details).includes('azs_')));
    });
  });
}
