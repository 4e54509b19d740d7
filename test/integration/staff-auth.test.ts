// Back-office accounts: login with argon2id, sessions stored hashed and renewed
// at login, idle and absolute timeouts, logout, throttling, CSRF on every form.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Client, loggedIn, PASSWORD, staffTestEnv, USERS, type StaffTestEnv } from './staff-helpers.ts';

describe('staff accounts', () => {
  let env: StaffTestEnv;
  before(async () => { env = await staffTestEnv(); });
  after(async () => { await env.close(); });

  test('anonymous visitors are sent to the login page', async () => {
    const c = new Client(env.server);
    const r = await c.get('/staff?office=a');
    assert.equal(r.statusCode, 303);
    assert.match(String(r.headers.location), /^\/staff\/login\?reason=login&next=%2Fstaff%3Foffice%3Da$/);
    const login = await c.get('/staff/login');
    assert.equal(login.statusCode, 200);
    assert.match(login.body, /<h1[^>]*>Anmelden<\/h1>/);
    assert.match((await c.get('/staff/login?lang=en')).body, /<h1[^>]*>Log in<\/h1>/);
  });

  test('passwords are stored as argon2id hashes', async () => {
    const rows = await env.app.ctx.db.selectFrom('staff_users').select(['email', 'password_hash']).execute();
    assert.equal(rows.length, 4);
    for (const r of rows) assert.match(r.password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  test('login without the CSRF token is refused', async () => {
    const c = new Client(env.server);
    await c.get('/staff/login');
    const r = await c.post('/staff/login', { email: USERS.admin.email, password: PASSWORD }, { csrf: false });
    assert.equal(r.statusCode, 403);
    assert.equal(c.cookies.has('amtszeit_staff'), false);
  });

  test('login gives a fresh session each time; only its hash is stored; logout ends it', async () => {
    const c = await loggedIn(env.server, 'admin');
    const first = c.cookies.get('amtszeit_staff')!;
    assert.ok(Buffer.from(first, 'base64url').length >= 16);
    const stored = await env.app.ctx.db.selectFrom('staff_sessions').select('id_hash').execute();
    const hash = createHash('sha256').update(first).digest('hex');
    assert.ok(stored.some((s) => s.id_hash === hash || s.id_hash === createHash('sha256').update(first).digest('base64url')));
    assert.ok(!stored.some((s) => s.id_hash === first));
    assert.equal((await c.get('/staff')).statusCode, 200);

    // logging in again (same browser) replaces the session id
    await c.login(USERS.admin.email);
    const second = c.cookies.get('amtszeit_staff')!;
    assert.notEqual(second, first);
    const old = new Client(env.server);
    old.cookies.set('amtszeit_staff', first);
    assert.equal((await old.get('/staff')).statusCode, 303);

    await c.get('/staff');
    const out = await c.post('/staff/logout', {});
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/staff/login?reason=logout');
    const again = new Client(env.server);
    again.cookies.set('amtszeit_staff', second);
    assert.equal((await again.get('/staff')).statusCode, 303);
  });

  test('logout needs the CSRF token', async () => {
    const c = await loggedIn(env.server, 'clerkA');
    await c.get('/staff');
    const r = await c.post('/staff/logout', {}, { csrf: false });
    assert.equal(r.statusCode, 403);
    assert.equal((await c.get('/staff')).statusCode, 200);
  });

  test('sessions end after 30 idle minutes', async () => {
    const c = await loggedIn(env.server, 'clerkA');
    env.app.clock.advanceMinutes(29);
    assert.equal((await c.get('/staff')).statusCode, 200);
    env.app.clock.advanceMinutes(29);
    assert.equal((await c.get('/staff')).statusCode, 200);
    env.app.clock.advanceMinutes(31);
    const r = await c.get('/staff');
    assert.equal(r.statusCode, 303);
    assert.match(String(r.headers.location), /reason=expired/);
  });

  test('sessions end 10 hours after login even when used', async () => {
    const c = await loggedIn(env.server, 'clerkA');
    for (let i = 0; i < 35; i++) {
      env.app.clock.advanceMinutes(17);
      assert.equal((await c.get('/staff')).statusCode, 200, `request ${i}`);
    }
    env.app.clock.advanceMinutes(17); // 36 × 17 min = 10 h 12 min
    assert.equal((await c.get('/staff')).statusCode, 303);
  });

  test('a wrong password fails; five failures lock the account for 15 minutes', async () => {
    const c = new Client(env.server, '10.9.9.9');
    const bad = await c.login(USERS.lead.email, 'wrong password!');
    assert.equal(bad.statusCode, 401);
    assert.match(bad.body, /E-Mail-Adresse oder Passwort ist falsch/);
    for (let i = 0; i < 4; i++) await c.login(USERS.lead.email, 'wrong password!');
    // from another address, with the right password: still locked
    const other = new Client(env.server, '10.9.9.10');
    const locked = await other.login(USERS.lead.email);
    assert.equal(locked.statusCode, 429);
    assert.match(locked.body, /Zu viele fehlgeschlagene Versuche/);
    env.app.clock.advanceMinutes(16);
    assert.equal((await other.login(USERS.lead.email)).statusCode, 303);
  });

  test('twenty failures from one IP address lock that address', async () => {
    const c = new Client(env.server, '10.7.7.7');
    for (let i = 0; i < 20; i++) await c.login(`nobody${i}@example.org`, 'wrong password!');
    assert.equal((await c.login(USERS.admin.email)).statusCode, 429);
    assert.equal((await new Client(env.server, '10.7.7.8').login(USERS.admin.email)).statusCode, 303);
    env.app.clock.advanceMinutes(16);
  });

  test('after login the browser returns to the page it asked for, inside /staff only', async () => {
    const c = new Client(env.server);
    await c.get('/staff/login?next=%2Fstaff%2Fsuche');
    const r = await c.post('/staff/login', { email: USERS.admin.email, password: PASSWORD, next: '/staff/suche' });
    assert.equal(r.headers.location, '/staff/suche');
    const d = new Client(env.server);
    await d.get('/staff/login');
    const evil = await d.post('/staff/login', { email: USERS.admin.email, password: PASSWORD, next: '//evil.example/staff' });
    assert.equal(evil.headers.location, '/staff');
  });
});
