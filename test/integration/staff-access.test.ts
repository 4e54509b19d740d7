// The access matrix over every staff route: anonymous, clerk of office A,
// clerk of office B, office lead (of A), admin. Nobody reaches what isn't
// theirs: another office's day, appointments, bookings and actions answer 404
// (as if they did not exist) and change nothing; anonymous requests go to the login page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { addDays, zonedInstant } from '../../src/domain/time.ts';
import { toRfc3339 } from '../../src/domain/time.ts';
import { Client, loggedIn, staffTestEnv, USERS, type StaffTestEnv, type UserKey } from './staff-helpers.ts';

type Who = 'anonymous' | UserKey;
const WHO: Who[] = ['anonymous', 'clerkA', 'clerkB', 'lead', 'admin'];
const OFFICES = ['a', 'b'] as const;

function allowed(who: Who, officeId: string): boolean {
  if (who === 'anonymous') return false;
  const u = USERS[who];
  return u.role === 'admin' || (u.offices as readonly string[]).includes(officeId);
}

describe('staff access matrix', () => {
  let env: StaffTestEnv;
  const counter: Record<string, number> = { a: 0, b: 0 };
  const today: Record<string, number> = { a: 0, b: 0 };
  /** `onTheDay`: today (the clock's day), for the counter actions, which work only on the appointment's day. */
  async function book(officeId: string, onTheDay = false): Promise<string> {
    const n = onTheDay ? 1000 + today[officeId]++ : counter[officeId]++;
    const date = onTheDay ? '2026-11-30' : addDays('2026-12-01', Math.floor(n / 16));
    const start = onTheDay ? zonedInstant(date, 10 * 60 + (n - 1000) * 15, 'Europe/Berlin') : zonedInstant(date, 8 * 60 + (n % 16) * 15, 'Europe/Berlin');
    const r = await bookAppointment(env.app.ctx, {
      office: officeId, services: [{ id: 'anmeldung', quantity: 1 }], startsAt: toRfc3339(start, 'Europe/Berlin'),
      contact: { name: `Person ${officeId}${n}`, email: `p-${officeId}-${n}@example.org`, phone: '' }, locale: 'de', consent: true, channel: 'phone',
    });
    return r.appointment.reference;
  }
  const statusOf = async (ref: string) =>
    (await env.app.ctx.db.selectFrom('appointments').select('status').where('reference', '=', ref.replace('-', '')).executeTakeFirstOrThrow()).status;

  const clients = new Map<Who, Client>();
  before(async () => {
    env = await staffTestEnv();
    for (const who of WHO) clients.set(who, who === 'anonymous' ? new Client(env.server) : await loggedIn(env.server, who));
  });
  after(async () => { await env.close(); });

  for (const who of WHO) {
    for (const officeId of OFFICES) {
      const ok = allowed(who, officeId);
      test(`${who} × office ${officeId}: ${ok ? 'allowed' : 'refused'}`, async () => {
        const c = clients.get(who)!;
        await c.get('/staff/login'); // a CSRF token for this client
        if (who !== 'anonymous') await c.get('/staff/suche');
        const expectGet = async (url: string) => {
          const r = await c.get(url);
          if (who === 'anonymous') {
            assert.equal(r.statusCode, 303, url);
            assert.match(String(r.headers.location), /^\/staff\/login\?/, url);
          } else assert.equal(r.statusCode, ok ? 200 : 404, `${who} GET ${url}`);
          return r;
        };
        const expectPost = async (url: string, form: Record<string, string>, okLocation: RegExp) => {
          const r = await c.post(url, form);
          if (who === 'anonymous') {
            assert.equal(r.statusCode, 303, url);
            assert.match(String(r.headers.location), /^\/staff\/login\?/, url);
          } else if (ok) {
            assert.equal(r.statusCode, 303, `${who} POST ${url}`);
            assert.match(String(r.headers.location), okLocation, `${who} POST ${url}`);
          } else assert.equal(r.statusCode, 404, `${who} POST ${url}`);
          return r;
        };

        const ref = await book(officeId);
        await expectGet(`/staff?office=${officeId}`);
        await expectGet(`/staff?office=${officeId}&date=2026-12-01`);
        await expectGet(`/staff/termin/${ref}`);
        await expectGet(`/staff/gebucht/${ref}`);
        await expectGet(`/staff/buchen?office=${officeId}&channel=phone&q_anmeldung=1`);
        await expectGet(`/staff/druck?office=${officeId}&date=2026-12-01`);
        const exportForm = await c.get(`/staff/export?office=${officeId}`);
        if (who === 'anonymous') assert.equal(exportForm.statusCode, 303);
        else assert.equal(exportForm.statusCode, ok && who !== 'clerkA' && who !== 'clerkB' ? 200 : 404, `${who} export form`);
        const csv = await c.get(`/staff/export.csv?office=${officeId}&from=2026-12-01&to=2026-12-02`);
        if (who === 'anonymous') assert.equal(csv.statusCode, 303);
        else assert.equal(csv.statusCode, ok && who !== 'clerkA' && who !== 'clerkB' ? 200 : 404, `${who} csv`);
        const closure = await c.get(`/staff/schliessen?office=${officeId}&from=2026-12-24`);
        if (who === 'anonymous') assert.equal(closure.statusCode, 303);
        else assert.equal(closure.statusCode, ok && who !== 'clerkA' && who !== 'clerkB' ? 200 : 404, `${who} closure form`);
        const closePost = await c.post('/staff/schliessen', { office: officeId, from: '2026-12-24', to: '2026-12-24', reason: 'Test', step: 'preview' });
        if (who === 'anonymous') assert.equal(closePost.statusCode, 303);
        else assert.equal(closePost.statusCode, ok && who !== 'clerkA' && who !== 'clerkB' ? 200 : 404, `${who} closure preview`);

        const search = await c.get(`/staff/suche?q=${ref}`);
        if (who === 'anonymous') assert.equal(search.statusCode, 303);
        else assert.equal(search.body.includes(`/staff/termin/${ref}`), ok, `${who} search`);

        const refToday = await book(officeId, true);
        await expectPost(`/staff/termin/${refToday}/status`, { status: 'checked_in' }, /\?ok=saved$/);
        assert.equal(await statusOf(refToday), ok ? 'checked_in' : 'booked');
        await expectPost(`/staff/termin/${refToday}/status`, { status: 'booked' }, /\?ok=undone$/);
        assert.equal(await statusOf(refToday), 'booked');

        const ref2 = await book(officeId);
        await expectPost(`/staff/termin/${ref2}/absagen`, { reason: 'Test' }, /\?ok=cancelled$/);
        assert.equal(await statusOf(ref2), ok ? 'cancelled' : 'booked');

        const ref3 = await book(officeId);
        const movePage = await expectGet(`/staff/termin/${ref3}/verschieben`);
        const to = toRfc3339(zonedInstant('2026-12-08', 8 * 60 + counter[officeId] % 16 * 15, 'Europe/Berlin'), 'Europe/Berlin');
        if (ok) assert.match(movePage.body, /name="startsAt"/);
        await expectPost(`/staff/termin/${ref3}/verschieben`, { startsAt: to, reason: '' }, /\?ok=moved$/);
        const moved = await env.app.ctx.db.selectFrom('appointments').select('starts_at').where('reference', '=', ref3.replace('-', '')).executeTakeFirstOrThrow();
        assert.equal(moved.starts_at.getTime() === Date.parse(to), ok);

        const before = counter[officeId];
        const start = toRfc3339(zonedInstant('2026-12-04', 8 * 60 + before * 15 % 240, 'Europe/Berlin'), 'Europe/Berlin');
        const r = await expectPost('/staff/buchen', {
          office: officeId, channel: 'phone', q_anmeldung: '1', startsAt: start, name: `Anrufer ${who} ${officeId}`,
        }, /^\/staff\/gebucht\//);
        const made = await env.app.ctx.db.selectFrom('appointments').select('id').where('contact_name', '=', `Anrufer ${who} ${officeId}`).execute();
        assert.equal(made.length, ok ? 1 : 0, String(r.statusCode));
      });
    }
  }

  test('the day view offers only the offices of the user; unknown offices are 404', async () => {
    const a = clients.get('clerkA')!;
    const page = await a.get('/staff');
    assert.match(page.body, /Bürgeramt A/);
    assert.doesNotMatch(page.body, /Bürgeramt B/);
    const admin = await clients.get('admin')!.get('/staff');
    assert.match(admin.body, /<option value="b"/);
    assert.equal((await a.get('/staff?office=zzz')).statusCode, 404);
    assert.equal((await a.get('/staff/termin/ZZZZ-ZZZZ')).statusCode, 404);
  });

  test('anonymous POSTs without any token go to the login page and change nothing', async () => {
    const c = new Client(env.server);
    const r = await c.post('/staff/buchen', { office: 'a' }, { csrf: false });
    assert.equal(r.statusCode, 303);
    assert.match(String(r.headers.location), /^\/staff\/login/);
  });
});
