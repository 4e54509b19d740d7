// The access matrix of the settings pages and the audit log: anonymous, clerk of
// office A, clerk of office B, office lead (of A), admin. An office's settings:
// its leads and admins; concerns: admins; the audit log: admins and leads (their
// offices' entries: staff-access-audit.test.ts). Everyone else gets
// 404 (as if nothing were there) and changes nothing; anonymous requests go to the login page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { configVersion } from '../../src/app/config-version.ts';
import { loadOrgConfig } from '../../src/db/repositories/organization-repo.ts';
import { ORG } from '../fixtures/test-app.ts';
import { Client, loggedIn, staffTestEnv, USERS, type StaffTestEnv, type UserKey } from './staff-helpers.ts';
import { formValues } from './staff-settings-form.ts';

type Who = 'anonymous' | UserKey;
const WHO: Who[] = ['anonymous', 'clerkA', 'clerkB', 'lead', 'admin'];

const role = (who: Who) => (who === 'anonymous' ? null : USERS[who].role);
const mayOffice = (who: Who, office: string) =>
  role(who) === 'admin' || (role(who) === 'lead' && (USERS[who as UserKey].offices as readonly string[]).includes(office));
const isAdmin = (who: Who) => role(who) === 'admin';

describe('settings access matrix', () => {
  let env: StaffTestEnv;
  let admin: Client;
  const clients = new Map<Who, Client>();
  before(async () => {
    env = await staffTestEnv();
    admin = await loggedIn(env.server, 'admin');
    for (const who of WHO) clients.set(who, who === 'anonymous' ? new Client(env.server) : await loggedIn(env.server, who));
  });
  after(async () => { await env.close(); });
  const version = async () => configVersion((await loadOrgConfig(env.app.ctx.db, ORG))!);
  const auditCount = async () => (await env.app.ctx.db.selectFrom('audit_log').select('id').where('org_id', '=', ORG).execute()).length;

  for (const who of WHO) {
    test(`${who}`, async () => {
      const c = clients.get(who)!;
      await c.get('/staff/login');
      if (who !== 'anonymous') await c.get('/staff/suche'); // a CSRF token
      const expectGet = async (url: string, ok: boolean) => {
        const r = await c.get(url);
        if (who === 'anonymous') {
          assert.equal(r.statusCode, 303, url);
          assert.match(String(r.headers.location), /^\/staff\/login\?/, url);
        } else assert.equal(r.statusCode, ok ? 200 : 404, `${who} GET ${url}`);
      };
      /** posts the admin's current form with a change: allowed → saved (303 back to the page), else 404 and nothing changed */
      const expectPost = async (url: string, change: Record<string, string>, ok: boolean) => {
        const form = formValues((await admin.get(url)).body);
        const before = await version();
        const audits = await auditCount();
        const r = await c.post(url, { ...form, ...change });
        if (who === 'anonymous') {
          assert.equal(r.statusCode, 303, url);
          assert.match(String(r.headers.location), /^\/staff\/login\?/, url);
        } else if (ok) {
          assert.equal(r.statusCode, 303, `${who} POST ${url}: ${r.body.slice(0, 200)}`);
          assert.match(String(r.headers.location), /\?gespeichert=0$/, `${who} POST ${url}`);
          assert.notEqual(await version(), before);
          assert.equal(await auditCount(), audits + 1);
          return;
        } else assert.equal(r.statusCode, 404, `${who} POST ${url}`);
        assert.equal(await version(), before, `${who} POST ${url} changed nothing`);
        assert.equal(await auditCount(), audits);
      };

      const settingsOk = role(who) === 'admin' || role(who) === 'lead';
      await expectGet('/staff/einstellungen', settingsOk);
      const nav = who === 'anonymous' ? '' : (await c.get('/staff')).body;
      if (who !== 'anonymous') {
        assert.equal(nav.includes('href="/staff/einstellungen"'), settingsOk, `${who}: settings link`);
        assert.equal(nav.includes('href="/staff/protokoll"'), settingsOk, `${who}: audit log link`);
      }
      for (const office of ['a', 'b']) {
        const ok = mayOffice(who, office);
        const base = `/staff/einstellungen/amt/${office}`;
        await expectGet(`${base}/zeiten`, ok);
        await expectGet(`${base}/regeln`, ok);
        await expectGet(`${base}/angaben`, ok);
        await expectPost(`${base}/zeiten`, { 'h0-counters': String(2 + WHO.indexOf(who)) }, ok);
        await expectPost(`${base}/regeln`, { 'b-holdMinutes': String(10 + WHO.indexOf(who)) }, ok);
        await expectPost(`${base}/angaben`, { 'o-phone': `0341 ${who}` }, ok);
        // the calendar step for an appointment a shorter day would strand (its GET carries the form)
        const date = `2026-12-${String(7 + WHO.indexOf(who)).padStart(2, '0')}`;
        const { appointment } = await bookAppointment(env.app.ctx, {
          office, services: [{ id: 'anmeldung', quantity: 1 }], startsAt: `${date}T11:30:00+01:00`,
          contact: { name: `P ${who}`, email: `p-${who}-${office}@example.org`, phone: '' }, locale: 'de', consent: true,
        });
        const form = formValues((await admin.get(`${base}/zeiten`)).body);
        await expectGet(`${base}/zeiten/zeit?${new URLSearchParams({ ...form, 'h0-to': '11:00', fuer: appointment.reference })}`, ok);
      }
      await expectGet('/staff/einstellungen/amt/nirgends/zeiten', false);
      const admin_ = isAdmin(who);
      await expectGet('/staff/einstellungen/anliegen', admin_);
      await expectGet('/staff/einstellungen/anliegen/anmeldung', admin_);
      await expectGet('/staff/einstellungen/anliegen/anmeldung/entfernen', admin_);
      await expectGet('/staff/einstellungen/neues-anliegen', admin_);
      await expectGet('/staff/protokoll', settingsOk);
      await expectGet('/staff/protokoll?action=config.import&seite=2', settingsOk);
      await expectGet('/staff/protokoll?office=b', admin_);
      await expectPost('/staff/einstellungen/anliegen/anmeldung', { 's-minutes': String(15 + WHO.indexOf(who)) }, admin_);
      // removing a concern (the admin comes last: afterwards it is gone)
      const rm = '/staff/einstellungen/anliegen/ausweis/entfernen';
      const before = await version();
      const r = await c.post(rm, formValues((await admin.get(rm)).body));
      if (who === 'anonymous') assert.match(String(r.headers.location), /^\/staff\/login\?/);
      else if (admin_) assert.equal(r.headers.location, '/staff/einstellungen/anliegen?gespeichert=0');
      else assert.equal(r.statusCode, 404);
      assert.equal((await version()) !== before, admin_);
    });
  }
});
