// The access matrix of the audit log (/staff/protokoll) and of an appointment's
// history ("Verlauf" on /staff/termin/REF): anonymous, clerk of office A, clerk
// of office B, office lead (of A), admin. The history: whoever may open the
// appointment (its office's staff and admins), 404 for the rest. The audit log:
// admins everything; leads the entries of their own offices (organization-wide
// entries such as a configuration import not, another office's filter 404);
// clerks 404; anonymous requests go to the login page. Filters by period (both
// spellings), person and kind; a date that is no date answers 400 and says so.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { moveOnBehalf } from '../../src/app/staff/move-on-behalf.ts';
import type { StaffUser } from '../../src/app/staff/access.ts';
import { Client, loggedIn, staffTestEnv, USERS, type StaffTestEnv, type UserKey } from './staff-helpers.ts';

type Who = 'anonymous' | UserKey;
const WHO: Who[] = ['anonymous', 'clerkA', 'clerkB', 'lead', 'admin'];
const role = (who: Who) => (who === 'anonymous' ? null : USERS[who].role);
const worksIn = (who: Who, office: string) =>
  who !== 'anonymous' && (role(who) === 'admin' || (USERS[who].offices as readonly string[]).includes(office));

describe('audit log and history access matrix', () => {
  let env: StaffTestEnv;
  const clients = new Map<Who, Client>();
  const refs: Record<string, string> = {};
  before(async () => {
    env = await staffTestEnv(); // the clock: Monday 2026-11-30 08:00 Berlin
    for (const office of ['a', 'b']) {
      const r = await bookAppointment(env.app.ctx, {
        office, services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-02T09:00:00+01:00',
        contact: { name: `Person ${office}`, email: `person-${office}@example.org`, phone: '' }, locale: 'de', consent: true,
      });
      refs[office] = r.appointment.reference;
    }
    const row = await env.app.ctx.db.selectFrom('staff_users').select(['id', 'email', 'name', 'role', 'offices']).where('email', '=', USERS.admin.email).executeTakeFirstOrThrow();
    const admin: StaffUser = { ...row, offices: row.offices as string[] };
    await moveOnBehalf(env.app.ctx, admin, { reference: refs.b!, startsAt: '2026-12-02T10:00:00+01:00', reason: 'Grund in B', locale: 'de' });
    for (const who of WHO) clients.set(who, who === 'anonymous' ? new Client(env.server) : await loggedIn(env.server, who));
  });
  after(async () => { await env.close(); });

  for (const who of WHO) {
    test(who, async () => {
      const c = clients.get(who)!;
      const get = async (url: string, expected: 200 | 400 | 404) => {
        const r = await c.get(url);
        if (who === 'anonymous') {
          assert.equal(r.statusCode, 303, url);
          assert.match(String(r.headers.location), /^\/staff\/login\?/, url);
        } else assert.equal(r.statusCode, expected, `${who} GET ${url}`);
        return r.body;
      };

      // the history on the appointment's page
      for (const office of ['a', 'b']) {
        const ok = worksIn(who, office);
        const page = await get(`/staff/termin/${refs[office]}`, ok ? 200 : 404);
        if (who !== 'anonymous') {
          assert.equal(page.includes('<h2 class="kern-heading-medium" id="verlauf">Verlauf</h2>'), ok, `${who}: history of ${office}`);
          assert.equal(page.includes('Online gebucht für Mi., 02.12.2026, 09:00'), ok, `${who}: booking of ${office}`);
          assert.equal(page.includes('Grund: „Grund in B“'), ok && office === 'b', `${who}: reason in ${office}`);
        }
      }

      // the audit log
      const mayRead = role(who) === 'admin' || role(who) === 'lead';
      const admin = role(who) === 'admin';
      const log = await get('/staff/protokoll', mayRead ? 200 : 404);
      if (mayRead) {
        assert.equal(log.includes(`Termin ${refs.a}`), true, `${who}: office a's entries`);
        assert.equal(log.includes(`Termin ${refs.b}`), admin, `${who}: office b's entries`);
        assert.equal(log.includes('Konfiguration importiert'), admin, `${who}: organization-wide entries`);
        assert.doesNotMatch(log, /@example\.org/, 'no e-mail addresses');
      }
      if (who !== 'anonymous') {
        const nav = await c.get('/staff');
        assert.equal(nav.body.includes('href="/staff/protokoll"'), mayRead, `${who}: audit log link`);
      }
      await get('/staff/protokoll?office=a', mayRead ? 200 : 404);
      await get('/staff/protokoll?office=b', admin ? 200 : 404);
      await get('/staff/protokoll?office=organisation', admin ? 200 : 404);
      await get('/staff/protokoll?office=nirgends', 404);
      await get('/staff/protokoll?seite=2', mayRead ? 200 : 404);
      const bad = await get('/staff/protokoll?from=31.02.2026&to=2026-11-30', mayRead ? 400 : 404);
      if (mayRead) assert.match(bad, /„31\.02\.2026“ ist kein gültiges Datum/);
      const order = await get('/staff/protokoll?from=30.11.2026&to=29.11.2026', mayRead ? 400 : 404);
      if (mayRead) assert.match(order, /„Bis“ darf nicht vor „Von“ liegen/);
      // period in both spellings, kind and person
      const moves = await get(`/staff/protokoll?from=30.11.2026&to=2026-11-30&action=appointment.move&office=${admin ? 'b' : 'a'}`, mayRead ? 200 : 404);
      if (mayRead) {
        assert.equal(moves.includes('Verschoben von Mi., 02.12.2026, 09:00 auf Mi., 02.12.2026, 10:00'), admin);
        assert.doesNotMatch(moves, /Online gebucht für/);
      }
      const later = await get('/staff/protokoll?from=01.12.2026', mayRead ? 200 : 404);
      if (mayRead) assert.match(later, /Keine Einträge/);
      const citizens = await get('/staff/protokoll?person=citizen', mayRead ? 200 : 404);
      if (mayRead) {
        assert.match(citizens, /Online gebucht/);
        assert.doesNotMatch(citizens, /Verschoben von/);
      }
      const en = await get('/staff/protokoll?lang=en', mayRead ? 200 : 404);
      if (mayRead) assert.match(en, /Booked online for Wed 02\/12\/2026, 09:00/);
      if (who !== 'anonymous') await c.get('/staff?lang=de');
    });
  }
});
