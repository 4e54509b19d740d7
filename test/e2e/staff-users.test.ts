// User management in Chromium: an admin adds a clerk (the password is shown
// once), logs out; the clerk logs in with it, changes it and makes an API
// token on "Konto"; the admin deactivates the clerk after a question that says
// what stops (her session, her token), whose session ends at once; a lead
// makes a calendar feed. axe-core (WCAG 2.1 AA) on every page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, checkPage, launch, newPage, STAFF_PASSWORD, staffLogin, startStaffServer, type WebServer } from './harness.ts';

const skip = browserSkip();
const PASSWORD = STAFF_PASSWORD;

describe('user management in Chromium', { skip }, () => {
  let browser: Browser;
  let web: WebServer;
  before(async () => {
    browser = await launch();
    web = await startStaffServer([
      { email: 'admin@example.org', name: 'Ada Admin', role: 'admin', offices: [] },
      { email: 'lead@example.org', name: 'Lena Lead', role: 'lead', offices: ['a'] },
    ]);
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  const login = (page: Page, email: string, password: string) => staffLogin(page, web, email, password);

  test('an admin adds a clerk, who logs in with the shown password; the admin deactivates them', async () => {
    const admin = await newPage(browser, { javaScript: true });
    const clerk = await newPage(browser, { javaScript: true });
    try {
      const page = admin.page;
      await login(page, 'admin@example.org', PASSWORD);
      await page.getByRole('link', { name: 'Konto' }).click();
      await checkPage(page, 'staff-users-01-account-admin', true);
      await page.getByRole('link', { name: 'Benutzer verwalten' }).click();
      assert.match(await page.locator('h1').innerText(), /Benutzer/);
      await checkPage(page, 'staff-users-02-list', true);

      // a mistake first: a clerk without an office
      await page.getByLabel('Name', { exact: true }).fill('Clara Clerk');
      await page.getByLabel('E-Mail-Adresse').fill('clara@example.org');
      await page.getByRole('button', { name: 'Anlegen' }).click();
      assert.match(await page.locator('.az-error-summary').innerText(), /mindestens eine Dienststelle/);
      await checkPage(page, null, true);
      await page.getByLabel('Bürgeramt A').check();
      await page.getByRole('button', { name: 'Anlegen' }).click();
      const password = (await page.locator('#passwort').innerText()).trim();
      assert.ok(password.length >= 20);
      await checkPage(page, 'staff-users-03-password', true);
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.waitForURL(/\/staff\/login\?reason=logout/);

      // the clerk logs in with the password shown, changes it, makes a token
      const c = clerk.page;
      await login(c, 'clara@example.org', password);
      assert.match(await c.locator('h1').innerText(), /Bürgeramt A/);
      await c.getByRole('link', { name: 'Konto' }).click();
      await checkPage(c, 'staff-users-04-account-clerk', true);
      await c.getByLabel('Aktuelles Passwort').fill(password);
      await c.getByLabel('Neues Passwort', { exact: true }).fill('kurz');
      await c.getByLabel('Neues Passwort wiederholen').fill('kurz');
      await c.getByRole('button', { name: 'Passwort ändern' }).click();
      assert.match(await c.locator('.az-error-summary').innerText(), /mindestens 12 Zeichen/);
      await checkPage(c, null, true);
      await c.getByLabel('Aktuelles Passwort').fill(password);
      await c.getByLabel('Neues Passwort', { exact: true }).fill('Claras neues Passwort');
      await c.getByLabel('Neues Passwort wiederholen').fill('Claras neues Passwort');
      await c.getByRole('button', { name: 'Passwort ändern' }).click();
      assert.match(await c.locator('main').innerText(), /Passwort ist geändert/);
      await c.getByLabel('Bezeichnung').fill('Telefonanlage');
      await c.getByRole('button', { name: 'Schlüssel erzeugen' }).click();
      assert.match(await c.locator('#neuer-schluessel').innerText(), /^azs_/);
      await checkPage(c, 'staff-users-05-token', true);

      // the admin comes back and deactivates her
      await login(page, 'admin@example.org', PASSWORD);
      await page.goto(`${web.url}/staff/benutzer`);
      await page.getByRole('link', { name: 'Clara Clerk bearbeiten' }).click();
      assert.match(await page.locator('main').innerText(), /Telefonanlage/);
      await checkPage(page, 'staff-users-06-edit', true);
      // first the question: what stops, and how much
      await page.getByRole('button', { name: 'Deaktivieren' }).click();
      assert.match(await page.locator('h1').innerText(), /Clara Clerk wirklich deaktivieren\?/);
      const question = await page.locator('main').innerText();
      assert.match(question, /1 Sitzung endet sofort/);
      assert.match(question, /1 API-Schlüssel funktioniert nicht mehr/);
      assert.match(question, /„Telefonanlage“/);
      assert.match(question, /keine Kalender-Abos/);
      await checkPage(page, 'staff-users-06b-deactivate-confirm', true);
      await page.getByRole('button', { name: 'Ja, deaktivieren' }).click();
      assert.match(await page.locator('main').innerText(), /ist deaktiviert/);
      await checkPage(page, null, true);
      assert.doesNotMatch(await page.locator('main').innerText(), /Telefonanlage/);

      // her session has ended
      await c.goto(`${web.url}/staff`);
      await c.waitForURL(/\/staff\/login/);
      await c.getByLabel('E-Mail-Adresse').fill('clara@example.org');
      await c.getByLabel('Passwort').fill('Claras neues Passwort');
      await c.getByRole('button', { name: 'Anmelden' }).click();
      assert.match(await c.locator('main').innerText(), /Passwort ist falsch/);
    } finally {
      await admin.context.close();
      await clerk.context.close();
    }
  });

  test('a lead creates a calendar feed; the address is shown once and serves text/calendar', async () => {
    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      await login(page, 'lead@example.org', PASSWORD);
      await page.getByRole('link', { name: 'Konto' }).click();
      await page.getByRole('link', { name: 'Kalender-Abos: Bürgeramt A' }).click();
      await checkPage(page, 'staff-users-07-feeds', false);
      await page.getByLabel('Bezeichnung').fill('Team A');
      await page.getByRole('button', { name: 'Abo anlegen' }).click();
      const url = (await page.locator('#abo-adresse').innerText()).trim();
      assert.match(url, /\/staff\/kalender\/feed\/azf_[\w-]{43}\.ics$/);
      await checkPage(page, 'staff-users-08-feed-created', false);
      const r = await fetch(`${web.url}${new URL(url).pathname}`);
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type') ?? '', /^text\/calendar/);
      await page.getByRole('button', { name: '„Team A“ widerrufen' }).click();
      assert.match(await page.locator('main').innerText(), /Abo ist widerrufen/);
      await checkPage(page, null, false);
      assert.equal((await fetch(`${web.url}${new URL(url).pathname}`)).status, 404);
    } finally {
      await context.close();
    }
  });
});
