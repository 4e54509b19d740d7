// The day view in Chromium (issue 11, section 4): it refreshes itself every
// minute without reloading (a booking made elsewhere appears; a typed, unsent
// date is kept and the refresh waits for it; pause and resume), says "Stand:
// 08:00", and announces a change in one polite line, never the table. The
// day's list fits 390 px without sideways scrolling (rows stacked with their
// column names), a block is drawn in its counter's lane, cancelled
// appointments are greyed and can be hidden. Without JavaScript the page says
// that it does not refresh itself. axe-core (WCAG 2.1 AA) in German and
// English, with JavaScript on and off; screenshots at 390 and 1280 px in
// test-results/screenshots (always, as this test's evidence).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { cancelOnBehalf } from '../../src/app/staff/cancel-on-behalf.ts';
import { browserSkip, checkPage, launch, newPage, SCREENSHOTS, staffLogin, startStaffServer, twoOffices, type WebServer } from './harness.ts';

const skip = browserSkip();
const DAY = '2026-11-30';

describe('the day view refreshes itself and fits a phone (Chromium)', { skip }, () => {
  let browser: Browser;
  let web: WebServer;
  const book = (time: string, name: string, services = [{ id: 'anmeldung', quantity: 1 }]) => bookAppointment(web.app.ctx, {
    office: 'a', services, startsAt: `${DAY}T${time}:00+01:00`,
    contact: { name, email: '', phone: '0341 123456' }, locale: 'de', channel: 'phone',
  });

  before(async () => {
    browser = await launch();
    const config = twoOffices();
    config.offices = config.offices.map((o) => o.id !== 'a' ? o : {
      ...o, blocks: [{ from: DAY, to: DAY, fromTime: '10:00', toTime: '11:00', counters: 1, reason: { de: 'krank', en: 'ill' } }],
    });
    web = await startStaffServer([{ email: 'clara@example.org', name: 'Clara Clerk', role: 'clerk', offices: ['a'] }], config);
    await book('09:00', 'Erika Mustermann-Lüdenscheidt', [{ id: 'ausweis', quantity: 2 }, { id: 'anmeldung', quantity: 1 }]);
    const gone = await book('09:30', 'Abgesagt Anrufer');
    const clara = await web.app.ctx.db.selectFrom('staff_users').select(['id', 'email', 'name']).where('email', '=', 'clara@example.org').executeTakeFirstOrThrow();
    await cancelOnBehalf(web.app.ctx, { ...clara, role: 'clerk', offices: ['a'] }, { reference: gone.appointment.reference, reason: 'Doppelt', locale: 'de' });
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  const day = (page: Page) => page.locator('#az-day').innerText();

  /** Nothing scrolls sideways at 390 px, not the page and not the day's list; screenshots at 390 and 1280 px. */
  async function fitsAndShoot(page: Page, name: string) {
    await page.setViewportSize({ width: 390, height: 900 });
    const widths = await page.evaluate(() => {
      const wrap = document.querySelector('.az-day-table-wrap');
      const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 390)
        .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
      return { page: document.documentElement.scrollWidth, table: wrap ? wrap.scrollWidth - wrap.clientWidth : -1, wide };
    });
    assert.ok(widths.page <= 390, `${name}: the page is ${widths.page} px wide at 390 px: ${widths.wide.join(', ')}`);
    assert.equal(widths.table, 0, `${name}: the day's list scrolls sideways by ${widths.table} px at 390 px`);
    // stacked: each cell shows its column's name, and the column headers are out of sight (not out of the table)
    assert.equal(await page.locator('.az-day-table .az-cell-label').first().isVisible(), true);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-390.png`), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.equal(await page.locator('.az-day-table .az-cell-label').first().isVisible(), false, 'a plain table at 1280 px');
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-1280.png`), fullPage: true });
  }

  test('with JavaScript: a booking made elsewhere appears within a minute, a typed date is kept, pause works', async () => {
    const { context, page } = await newPage(browser, { javaScript: true });
    try {
      await page.clock.install();
      await staffLogin(page, web, 'clara@example.org');
      await page.goto(`${web.url}/staff?office=a&date=${DAY}`);
      assert.match(await page.locator('#az-refresh').innerText(), /Stand: 08:00\s*· aktualisiert sich jede Minute/);
      assert.equal(await page.getByRole('button', { name: 'Jetzt aktualisieren' }).isVisible(), true);
      assert.doesNotMatch(await page.locator('main').innerText(), /Ohne JavaScript/);
      // nothing around the table is a live region; only the one status line is
      assert.equal(await page.locator('#az-day[aria-live], #az-day [aria-live], main[aria-live]').count(), 0);
      assert.equal(await page.locator('#az-day [role=status], #az-day [role=alert]').count(), 0);
      await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });

      // a booking by another path (a caller booked at another desk) appears within the minute, without a reload
      await book('11:00', 'Neu Anrufer');
      assert.doesNotMatch(await day(page), /Neu Anrufer/);
      web.app.clock.advanceMinutes(1);
      await page.clock.fastForward(61_000);
      await page.locator('#az-day').getByText('Neu Anrufer').first().waitFor();
      assert.match(await page.locator('#az-asof').innerText(), /^Stand: 08:01$/);
      assert.equal(await page.locator('#az-refresh-live').innerText(), 'Tagesansicht aktualisiert, Stand 08:01');
      assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true, 'no reload');

      // a minute in which only the clock ran (the free gaps shrink): refreshed, but nothing is announced
      await page.evaluate(() => { document.getElementById('az-refresh-live')!.textContent = ''; });
      web.app.clock.advanceMinutes(1);
      await page.clock.fastForward(61_000);
      await page.locator('#az-asof').getByText('Stand: 08:02').waitFor();
      assert.match(await page.locator('section[aria-labelledby=lane-0]').innerText(), /08:02–12:00: frei/);
      assert.equal(await page.locator('#az-refresh-live').innerText(), '');

      // a date typed into the form, not sent yet: the refresh waits and the date stays
      await page.getByLabel('Datum').fill('2026-12-01');
      await book('11:15', 'Zweiter Anrufer');
      web.app.clock.advanceMinutes(1);
      await page.clock.fastForward(61_000);
      await page.locator('#az-refresh-state').getByText(/wartet, bis Sie das Formular abgeschickt oder verlassen haben/).waitFor();
      assert.doesNotMatch(await day(page), /Zweiter Anrufer/);
      assert.equal(await page.getByLabel('Datum').inputValue(), '2026-12-01');
      // "Jetzt aktualisieren" refreshes the day's content only: the typed date is still there
      await page.getByRole('button', { name: 'Jetzt aktualisieren' }).click();
      await page.locator('#az-day').getByText('Zweiter Anrufer').first().waitFor();
      assert.equal(await page.getByLabel('Datum').inputValue(), '2026-12-01');
      assert.match(await page.locator('#az-asof').innerText(), /^Stand: 08:03$/);

      // paused: nothing changes, however long; resumed: it refreshes again
      await page.getByLabel('Datum').fill(DAY);
      await page.locator('h1').click();
      await page.getByRole('button', { name: 'Automatisches Aktualisieren anhalten' }).click();
      assert.match(await page.locator('#az-refresh-state').innerText(), /angehalten/);
      await book('11:30', 'Dritter Anrufer');
      await page.clock.fastForward(180_000);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      assert.doesNotMatch(await day(page), /Dritter Anrufer/);
      await page.getByRole('button', { name: 'Automatisches Aktualisieren fortsetzen' }).click();
      await page.locator('h1').click();
      await page.clock.fastForward(2_000);
      await page.locator('#az-day').getByText('Dritter Anrufer').first().waitFor();

      // the block in lane 2, the cancelled appointment greyed with the word
      assert.match(await page.locator('section[aria-labelledby=lane-1]').innerText(), /10:00–11:00: gesperrt: krank/);
      assert.match(await page.locator('tr.az-row--cancelled').innerText(), /abgesagt durch Amt/);
      await checkPage(page, null, true);
      await fitsAndShoot(page, 'staff-day-js');
      await page.goto(`${web.url}/staff?office=a&date=${DAY}&lang=en`);
      assert.match(await page.locator('#az-refresh').innerText(), /As of 08:03\s*· refreshes every minute/);
      assert.match(await page.locator('section[aria-labelledby=lane-1]').innerText(), /10:00–11:00: blocked: ill/);
      await checkPage(page, null, true);
      await fitsAndShoot(page, 'staff-day-js-en');
      await page.goto(`${web.url}/staff?lang=de`);
    } finally {
      await context.close();
    }
  });

  test('without JavaScript: says it does not refresh itself; hiding cancelled appointments is a link kept in the address', async () => {
    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      await staffLogin(page, web, 'clara@example.org');
      await page.goto(`${web.url}/staff?office=a&date=${DAY}`);
      assert.match(await page.locator('#az-refresh').innerText(), /Ohne JavaScript aktualisiert sich die Seite nicht von selbst:\s*neu laden/);
      assert.equal(await page.getByRole('button', { name: 'Jetzt aktualisieren' }).count(), 0, 'the script\'s buttons are hidden');
      assert.match(await page.locator('tr.az-row--cancelled').innerText(), /Abgesagt Anrufer/);
      await checkPage(page, null, false);
      await fitsAndShoot(page, 'staff-day-nojs');

      await page.getByRole('link', { name: 'Abgesagte ausblenden (1)' }).click();
      await page.waitForURL(/abgesagte=nein/);
      assert.equal(await page.locator('tr.az-row--cancelled').count(), 0);
      assert.doesNotMatch(await day(page), /Abgesagt Anrufer/);
      await page.getByRole('link', { name: 'Nächster Tag' }).click();
      await page.waitForURL(/date=2026-12-01&abgesagte=nein/);
      await page.getByRole('link', { name: 'Vorheriger Tag' }).click();
      await page.getByRole('link', { name: 'Abgesagte zeigen (1)' }).click();
      await page.waitForURL((u) => !u.search.includes('abgesagte'));
      assert.match(await day(page), /Abgesagt Anrufer/);

      await page.goto(`${web.url}/staff?office=a&date=2026-12-25&lang=en`);
      assert.match(await page.locator('main').innerText(), /Public holiday: Christmas Day/);
      assert.match(await page.locator('#az-refresh').innerText(), /Without JavaScript the page does not refresh itself:\s*reload/);
      await checkPage(page, null, false);
      await page.goto(`${web.url}/staff?office=a&date=${DAY}&lang=en`);
      await checkPage(page, null, false);
      await page.goto(`${web.url}/staff?office=a&date=2026-12-25&lang=de`);
      assert.match(await page.locator('main').innerText(), /Feiertag: 1\. Weihnachtstag/);
      await checkPage(page, null, false);
    } finally {
      await context.close();
    }
  });
});
