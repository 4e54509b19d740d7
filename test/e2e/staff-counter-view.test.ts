// The counter view /staff/schalter in Chromium without JavaScript (plain
// forms): a walk-in ticket is shown big, "Nächste/n aufrufen" calls it to
// Platz 1 and the actions appear; a wrong reference is answered at the field
// with the error summary. axe-core (WCAG 2.1 AA) clean on each state in
// German and English, no sideways scrolling at 320 px.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { loadDemoConfig } from '../../src/config/demo.ts';
import { browserSkip, checkPage, launch, newPage, staffLogin, startStaffServer, type WebServer } from './harness.ts';

const skip = browserSkip();
const OFFICE = 'einwohnermeldeamt';

describe('the counter view (Chromium)', { skip }, () => {
  let browser: Browser;
  let web: WebServer;

  before(async () => {
    browser = await launch();
    web = await startStaffServer([{ email: 'clerk@example.org', name: 'Clara Clerk', role: 'clerk', offices: [OFFICE] }], loadDemoConfig().config);
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  test('without JavaScript: walk-in ticket, call next, a wrong reference; axe clean in German and English', async () => {
    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      await staffLogin(page, web, 'clerk@example.org');
      await page.getByRole('link', { name: 'Schalter / Aufruf' }).click();
      await page.getByLabel('Mein Platz').selectOption('platz-1');
      await page.getByRole('button', { name: 'Anzeigen' }).click();
      await page.waitForURL(/platz=platz-1/);
      await checkPage(page, 'staff-counter-view', false);

      await page.locator('input.az-qty').first().fill('1');
      await page.getByRole('button', { name: 'Wartemarke ausgeben' }).click();
      await page.waitForURL(/ok=walkin/);
      assert.equal(await page.locator('.az-desk-big').first().innerText(), 'W001');

      await page.getByRole('button', { name: 'Nächste/n aufrufen' }).click();
      await page.waitForURL(/ok=called&nr=W001/);
      assert.match(await page.getByRole('status').innerText(), /Aufgerufen: W001/);
      assert.ok(await page.getByRole('button', { name: 'Gespräch beginnen' }).isVisible());
      await checkPage(page, 'staff-counter-view-called', false);

      await page.getByLabel('Vorgangsnummer').fill('ZZZZ-9999');
      await page.getByRole('button', { name: 'Ankunft erfassen' }).click();
      await page.locator('#referenz-error').waitFor();
      assert.match(await page.locator('#fehler').innerText(), /keinen Termin/);
      await checkPage(page, null, false);

      await page.goto(`${web.url}/staff/schalter?office=${OFFICE}&platz=platz-1&lang=en`);
      assert.ok(await page.getByRole('button', { name: 'Call next' }).isVisible());
      await checkPage(page, null, false);
    } finally {
      await context.close();
    }
  });
});
