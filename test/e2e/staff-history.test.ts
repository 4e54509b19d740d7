// An appointment's history and the audit log in Chromium: a clerk books for a
// caller, moves the appointment with a reason and checks the citizen in; the
// appointment's page tells each step ("Verlauf"), in German and English; the
// office lead reads the audit log filtered by kind, in words; a date that is
// no date is refused at its field. axe-core (WCAG 2.1 AA) on every page, with
// JavaScript off and on; reflow at 320 px (screenshots at 390 and 1280 px with
// SCREENSHOTS=1).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, checkPage, launch, newPage, staffLogin, startStaffServer, type WebServer } from './harness.ts';

const skip = browserSkip();

describe('appointment history and audit log (Chromium)', { skip }, () => {
  let browser: Browser;
  let web: WebServer;
  let reference = '';
  before(async () => {
    browser = await launch();
    web = await startStaffServer([
      { email: 'clara@example.org', name: 'Clara Clerk', role: 'clerk', offices: ['a'] },
      { email: 'lena@example.org', name: 'Lena Lead', role: 'lead', offices: ['a'] },
    ]);
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  const main = (page: Page) => page.locator('main').innerText();

  test('a clerk books for a caller, moves it with a reason, checks the citizen in: the history tells each step (JavaScript off)', async () => {
    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      await staffLogin(page, web, 'clara@example.org');
      assert.equal(await page.getByRole('link', { name: 'Protokoll' }).count(), 0, 'clerks have no audit log');

      // booking for a caller
      await page.getByRole('link', { name: 'Termin buchen' }).click();
      await page.getByLabel('Dienst anmeldung – Anzahl').fill('1');
      await page.getByRole('button', { name: 'Freie Zeiten suchen' }).click();
      await page.locator('input[name=startsAt]').nth(1).check();
      await page.getByLabel('Name', { exact: true }).fill('Anrufer Eins');
      await page.getByRole('button', { name: 'Verbindlich buchen' }).click();
      await page.waitForURL(/\/staff\/gebucht\//);
      reference = (await page.locator('#reference').innerText()).trim();

      // the appointment's page: the booking is its first entry
      await page.goto(`${web.url}/staff/termin/${reference}`);
      let history = await page.locator('#verlauf + p + ol').innerText();
      assert.match(history, /Mo\., 30\.11\.2026, 08:00 · Clara Clerk\n+Telefonisch gebucht für Mo\., 30\.11\.2026, \d\d:\d\d/);
      const bookedAt = /Telefonisch gebucht für (Mo\., 30\.11\.2026, \d\d:\d\d)/.exec(history)![1];

      // moved, with a reason (13 minutes later)
      web.app.clock.advanceMinutes(13);
      await page.getByRole('link', { name: 'Im Auftrag verschieben' }).click();
      const label = await page.locator('label[for="time-2"]').innerText();
      await page.locator('input[name=startsAt]').nth(2).check();
      await page.getByLabel(/^Grund/).fill('Anrufer kommt später');
      await page.getByRole('button', { name: 'Verschieben' }).click();
      assert.match(await main(page), /Der Termin wurde verschoben/);

      // checked in (another 21 minutes later)
      web.app.clock.advanceMinutes(21);
      await page.getByRole('button', { name: 'Angekommen' }).click();
      assert.match(await main(page), /Gespeichert/);

      history = await page.locator('#verlauf + p + ol').innerText();
      const steps = history.split('\n').filter(Boolean);
      assert.deepEqual(steps.map((s) => s.replace(/ \d\d:\d\d$/g, ' HH:MM').replace(/, \d\d:\d\d( auf)/, ', HH:MM$1')), [
        'Mo., 30.11.2026, 08:00 · Clara Clerk', 'Telefonisch gebucht für Mo., 30.11.2026, HH:MM',
        'Mo., 30.11.2026, 08:13 · Clara Clerk', 'Verschoben von Mo., 30.11.2026, HH:MM auf Mo., 30.11.2026, HH:MM', 'Grund: „Anrufer kommt später“',
        'Mo., 30.11.2026, 08:34 · Clara Clerk', 'Status geändert: gebucht → angekommen',
      ]);
      assert.ok(steps[3]!.startsWith(`Verschoben von ${bookedAt} auf `), steps[3]);
      assert.ok(steps[3]!.endsWith(label.replace(/ Uhr$/, '').slice(-5)), `${steps[3]} / ${label}`);
      await checkPage(page, 'history-01-appointment', false);

      // English
      await page.getByRole('link', { name: 'English' }).click();
      const en = await page.locator('#verlauf + p + ol').innerText();
      assert.match(en, /Booked by phone for Mon 30\/11\/2026, \d\d:\d\d/);
      assert.match(en, /Moved from Mon 30\/11\/2026, \d\d:\d\d to Mon 30\/11\/2026, \d\d:\d\d/);
      assert.match(en, /Reason: “Anrufer kommt später”/);
      assert.match(en, /Status changed: booked → arrived/);
      assert.match(await page.locator('#verlauf').innerText(), /^History$/);
      await checkPage(page, 'history-02-appointment-en', false);
    } finally {
      await context.close();
    }
  });

  test('the lead reads the audit log filtered by kind, in words; a wrong date is refused at its field (JavaScript off)', async () => {
    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      await staffLogin(page, web, 'lena@example.org');
      await page.getByRole('link', { name: 'Protokoll' }).click();
      await page.getByLabel('Art').selectOption('appointment.*');
      await page.getByLabel('Von (TT.MM.JJJJ)').fill('30.11.2026');
      await page.getByLabel('Bis (TT.MM.JJJJ)').fill('2026-11-30');
      await page.getByRole('button', { name: 'Filtern' }).click();
      const log = await page.locator('ol.az-log').innerText();
      // newest first
      const what = log.split('\n').filter((l) => !/ · /.test(l) && l.trim());
      assert.deepEqual(what.map((s) => s.replace(/\d\d:\d\d/g, 'HH:MM')), [
        `Status geändert: gebucht → angekommen – Termin ${reference}`,
        `Verschoben von Mo., 30.11.2026, HH:MM auf Mo., 30.11.2026, HH:MM – Termin ${reference}`, 'Grund: „Anrufer kommt später“',
        `Telefonisch gebucht für Mo., 30.11.2026, HH:MM – Termin ${reference}`,
      ]);
      assert.match(log, /Clara Clerk/);
      assert.doesNotMatch(await main(page), /appointment\.|staff:|\{"|@example\.org/, 'no raw keys, JSON or e-mail addresses');
      await checkPage(page, 'history-03-audit', false);
      await page.getByRole('link', { name: `Termin ${reference}` }).first().click();
      await page.waitForURL(new RegExp(`/staff/termin/${reference}$`));

      await page.goto(`${web.url}/staff/protokoll?from=31.02.2026`);
      assert.match(await page.locator('.az-error-summary').innerText(), /„31\.02\.2026“ ist kein gültiges Datum/);
      assert.match(await page.title(), /^Fehler: /);
      await checkPage(page, null, false);

      await page.goto(`${web.url}/staff/protokoll?action=appointment.*&lang=en`);
      assert.match(await page.locator('ol.az-log').innerText(), /Booked by phone for Mon 30\/11\/2026/);
      await checkPage(page, 'history-04-audit-en', false);
    } finally {
      await context.close();
    }
  });

  test('the history and the audit log with JavaScript on, in German and English', async () => {
    const { context, page } = await newPage(browser, { javaScript: true });
    try {
      await staffLogin(page, web, 'lena@example.org');
      for (const lang of ['de', 'en']) {
        await page.goto(`${web.url}/staff/termin/${reference}?lang=${lang}`);
        assert.match(await page.locator('#verlauf').innerText(), lang === 'de' ? /^Verlauf$/ : /^History$/);
        await checkPage(page, null, true);
        await page.goto(`${web.url}/staff/protokoll?lang=${lang}`);
        assert.match(await page.locator('ol.az-log').innerText(), lang === 'de' ? /Status geändert/ : /Status changed/);
        await checkPage(page, null, true);
        await page.goto(`${web.url}/staff/protokoll?from=1.1.&lang=${lang}`);
        await checkPage(page, null, true);
      }
    } finally {
      await context.close();
    }
  });
});
