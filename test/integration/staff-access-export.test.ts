// The access matrix over the CSV export: anonymous, clerk of office A, clerk
// of office B, office lead (of A), admin. Only leads of the office and admins
// reach the form and the file (with or without personal data); everyone else
// gets 404 (as if nothing were there) and nothing is recorded; anonymous
// requests go to the login page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { Client, loggedIn, staffTestEnv, USERS, type StaffTestEnv, type UserKey } from './staff-helpers.ts';

type Who = 'anonymous' | UserKey;
const WHO: Who[] = ['anonymous', 'clerkA', 'clerkB', 'lead', 'admin'];
const OFFICES = ['a', 'b'] as const;

function allowed(who: Who, officeId: string): boolean {
  if (who === 'anonymous') return false;
  const u = USERS[who];
  return u.role === 'admin' || (u.role === 'lead' && (u.offices as readonly string[]).includes(officeId));
}

describe('staff access matrix: the CSV export', () => {
  let env: StaffTestEnv;
  const clients = new Map<Who, Client>();
  const recorded = async () =>
    (await env.app.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'export.personal_data').execute()).length;

  before(async () => {
    env = await staffTestEnv();
    for (const officeId of OFFICES) {
      await bookAppointment(env.app.ctx, {
        office: officeId, services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-01T09:00:00+01:00', locale: 'de', consent: true,
        contact: { name: `Person ${officeId}`, email: `person-${officeId}@example.org`, phone: '' },
      });
    }
    for (const who of WHO) clients.set(who, who === 'anonymous' ? new Client(env.server) : await loggedIn(env.server, who));
  });
  after(async () => { await env.close(); });

  for (const who of WHO) {
    for (const officeId of OFFICES) {
      const ok = allowed(who, officeId);
      test(`${who} × office ${officeId}: ${ok ? 'allowed' : 'refused'}`, async () => {
        const c = clients.get(who)!;
        await c.get('/staff/login');
        if (who !== 'anonymous') await c.get('/staff/suche'); // a CSRF token for this client
        const expect = (r: { statusCode: number; headers: Record<string, unknown>; body: string }, what: string) => {
          if (who === 'anonymous') {
            assert.equal(r.statusCode, 303, what);
            assert.match(String(r.headers.location), /^\/staff\/login\?/, what);
          } else assert.equal(r.statusCode, ok ? 200 : 404, `${who} ${what}`);
          if (!ok) assert.doesNotMatch(r.body, new RegExp(`Person ${officeId}|person-${officeId}|Bürgeramt ${officeId.toUpperCase()};`), `${who} ${what}`);
        };
        const before = await recorded();
        const period = 'from=2026-12-01&to=2026-12-02';

        const form = await c.get(`/staff/export?office=${officeId}`);
        expect(form, 'GET export form');
        if (ok) assert.match(form.body, /name="personal"/);
        const choice = await c.get(`/staff/export.csv?office=${officeId}&${period}&personal=ja`);
        expect(choice, 'GET export choice with personal data');
        if (ok) assert.match(String(choice.headers['content-type']), /^text\/html/, 'a link never exports personal data');

        const csv = await c.get(`/staff/export.csv?office=${officeId}&${period}`);
        expect(csv, 'GET csv');
        if (ok) assert.match(String(csv.headers['content-type']), /^text\/csv/);

        const plain = await c.post('/staff/export.csv', { office: officeId, from: '01.12.2026', to: '02.12.2026', personal: 'nein' });
        expect(plain, 'POST csv without personal data');
        if (ok) assert.doesNotMatch(plain.body, new RegExp(`Person ${officeId}`));
        assert.equal(await recorded(), before);

        const personal = await c.post('/staff/export.csv', { office: officeId, from: '01.12.2026', to: '02.12.2026', personal: 'ja' });
        expect(personal, 'POST csv with personal data');
        if (ok) assert.match(personal.body, new RegExp(`Person ${officeId}`));
        assert.equal(await recorded(), before + (ok ? 1 : 0), 'one audit entry for each export with personal data, none for a refused one');
      });
    }
  }

  test('unknown offices are 404 for everyone', async () => {
    for (const who of ['lead', 'admin'] as const) {
      const c = clients.get(who)!;
      assert.equal((await c.get('/staff/export?office=zzz')).statusCode, 404);
      assert.equal((await c.get('/staff/export.csv?office=zzz&from=2026-12-01&to=2026-12-01')).statusCode, 404);
    }
  });
});
