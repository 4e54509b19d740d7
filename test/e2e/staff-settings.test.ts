// Settings in Chromium (JavaScript off: the pages need none): an admin edits a
// concern's duration and documents, changes opening hours with an error and
// then fixes it, sees the appointments a change would strand and cancels,
// and reads the audit log. axe-core (WCAG 2.1 AA) on every settings page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { browserSkip, checkPage, launch, newPage, staffLogin, startStaffServer, type WebServer } from './harness.ts';

const skip = browserSkip();

describe('settings in Chromium', { skip }, () => {
  let browser: Browser;
  let web: WebServer;
  before(async () => {
    browser = await launch();
    web = await startStaffServer([{ email: 'admin@example.org', name: 'Ada Admin', role: 'admin', offices: [] }]);
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  const check = (page: Page, name: string | null) => checkPage(page, name, false);
  const main = (page: Page) => page.locator('main').innerText();

  test('concern, opening hours with an error and its fix, a stranded appointment, the audit log (JavaScript off)', async () => {
    const booked = await bookAppointment(web.app.ctx, {
      office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-01T11:30:00+01:00',
      contact: { name: 'Erika Muster', email: 'erika@example.org', phone: '' }, locale: 'de', consent: true,
    });
    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      await staffLogin(page, web, 'admin@example.org');

      // the overview and the concerns
      await page.getByRole('link', { name: 'Einstellungen' }).click();
      await check(page, 'staff-settings-01-overview');
      await page.getByRole('link', { name: 'Anliegen', exact: true }).click();
      await check(page, 'staff-settings-02-concerns');
      await page.getByRole('link', { name: /^Bearbeiten.*Dienst ausweis/ }).click();
      await check(page, null);
      await page.getByLabel('Dauer (Minuten)').fill('0');
      await page.getByRole('button', { name: 'Speichern' }).click();
      assert.match(await page.locator('.az-error-summary').innerText(), /Dauer \(Minuten\)/);
      await check(page, 'staff-settings-03-concern-error');
      await page.getByLabel('Dauer (Minuten)').fill('30');
      await page.locator('#s-documents-de').fill('Personalausweis\nGeburtsurkunde');
      await page.getByRole('button', { name: 'Speichern' }).click();
      assert.match(await main(page), /Gespeichert\./);
      assert.equal(await page.getByLabel('Dauer (Minuten)').inputValue(), '30');
      assert.equal(await page.locator('#s-documents-de').inputValue(), 'Personalausweis\nGeburtsurkunde');
      const mins = (await web.server.inject({ url: '/api/v1/services' })).json();
      assert.equal(JSON.stringify(mins).includes('Geburtsurkunde'), true);

      await page.goto(`${web.url}/staff/einstellungen/neues-anliegen`);
      await check(page, null);
      await page.goto(`${web.url}/staff/einstellungen/anliegen/ausweis/entfernen`);
      await check(page, null);

      // opening hours: an error, then the fix
      await page.goto(`${web.url}/staff/einstellungen`);
      await page.getByRole('link', { name: /^Öffnungszeiten und Kapazität.*Bürgeramt A/ }).click();
      await check(page, 'staff-settings-04-hours');
      // at 320 px the table scrolls sideways: a visible hint, and the scroll area is a labelled, focusable region
      assert.equal(await page.locator('#regeln-scroll').isVisible(), false);
      await page.setViewportSize({ width: 320, height: 800 });
      assert.equal(await page.locator('#regeln-scroll').isVisible(), true);
      assert.match(await page.locator('#regeln-scroll').innerText(), /Tabelle seitlich scrollbar/);
      const region = page.getByRole('region', { name: 'Wöchentliche Öffnungszeiten' });
      await region.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      assert.ok(await region.evaluate((el) => el.scrollWidth > el.clientWidth && el.scrollLeft > 0), 'scrolled by keyboard');
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByLabel('Zeile 1: Bis', { exact: true }).fill('07:00');
      await page.getByLabel('Zeile 1: davon online', { exact: true }).fill('9');
      await page.getByRole('button', { name: 'Speichern' }).click();
      const summary = await page.locator('.az-error-summary').innerText();
      assert.match(summary, /Zeile 1, Bis: muss später sein als „Von“ \(08:00\)/);
      // without JavaScript the error summary has the focus, so it is read out and the next Tab reaches its links
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'fehler');
      assert.match(summary, /davon online/);
      await check(page, 'staff-settings-05-hours-error');
      await page.getByLabel('Zeile 1: Bis', { exact: true }).fill('16:00');
      await page.getByLabel('Zeile 1: davon online', { exact: true }).fill('1');
      await page.getByRole('button', { name: 'Speichern' }).click();
      assert.match(await main(page), /Gespeichert\./);

      // a change that would strand the appointment at 11:30: shown, then cancelled
      await page.getByLabel('Zeile 1: Bis', { exact: true }).fill('11:00');
      await page.getByRole('button', { name: 'Speichern' }).click();
      assert.match(await main(page), new RegExp(booked.appointment.reference));
      await check(page, 'staff-settings-06-stranded');
      await page.getByRole('link', { name: 'Abbrechen (nichts ändern)' }).click();
      assert.equal(await page.getByLabel('Zeile 1: Bis', { exact: true }).inputValue(), '16:00');

      // booking rules and details
      await page.goto(`${web.url}/staff/einstellungen/amt/a/regeln`);
      await check(page, 'staff-settings-07-rules');
      await page.goto(`${web.url}/staff/einstellungen/amt/a/angaben`);
      await check(page, null);

      // the audit log
      await page.getByRole('link', { name: 'Protokoll' }).click();
      const log = await main(page);
      assert.match(log, /Öffnungszeiten und Kapazität geändert: Bürgeramt A/);
      assert.match(log, /Bürgeramt A › Wöchentliche Öffnungszeiten, Zeile 1 › Bis/);
      assert.match(log, /Ada Admin/);
      assert.match(log, /Dienst ausweis › Dauer \(Minuten\)/);
      assert.doesNotMatch(log, /staff:|settings\.office|\{"/, 'no raw keys or JSON');
      await check(page, 'staff-settings-08-audit');
      await page.getByLabel('Art').selectOption('settings.service.*');
      await page.getByRole('button', { name: 'Filtern' }).click();
      const concerns = await page.locator('main .az-log__what').allInnerTexts();
      assert.ok(concerns.length > 0 && concerns.every((x) => x.startsWith('Anliegen ')), concerns.join(' | '));
      await check(page, null);
      await page.getByRole('link', { name: 'English' }).click();
      assert.match(await main(page), /Audit log/);
      await check(page, null);
    } finally {
      await context.close();
    }
  });
});
