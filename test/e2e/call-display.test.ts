// The waiting-room display in Chromium (issue 12, section 2): a call made
// while the page is open appears at the top without a reload, highlighted;
// the chime is off until its button is pressed; offline the page says so and
// comes back by itself. Without JavaScript the page refreshes itself (meta
// refresh in <noscript>). axe-core (WCAG 2.1 AA) in German and English, with
// JavaScript on and off; screenshots at 1920 and 390 px in
// test-results/screenshots (always, as this test's evidence).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { localDateOf } from '../../src/domain/time.ts';
import { ORG } from '../fixtures/test-app.ts';
import { axeViolations, browserSkip, checkPage, DEMO_NOW, META_REFRESH, launch, newPage, SCREENSHOTS, startWebServer, type WebServer } from './harness.ts';

const skip = browserSkip();
const OFFICE = 'einwohnermeldeamt';

describe('the waiting-room display (Chromium)', { skip }, () => {
  let browser: Browser;
  let web: WebServer;
  const day = localDateOf(DEMO_NOW, 'Europe/Berlin');

  async function ticket(number: string, seq: number, called: { desk: string; minutes: number } | null): Promise<string> {
    const at = new Date(DEMO_NOW);
    const r = await web.app.ctx.db.insertInto('queue_tickets').values({
      org_id: ORG, office_id: OFFICE, day, number, seq, kind: 'walk_in', concerns: '[]' as never, priority_at: at, arrived_at: at,
      status: called ? 'called' : 'waiting', desk: called?.desk ?? null, call_count: called ? 1 : 0,
      called_at: called ? new Date(DEMO_NOW + called.minutes * 60_000) : null,
    }).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async function shoot(page: Page, name: string, width: number) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.setViewportSize({ width, height: width > 1000 ? 1080 : 844 });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= width, `${name}: ${wide} px wide at ${width} px`);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }

  before(async () => {
    browser = await launch();
    web = await startWebServer();
    await ticket('W001', 1, { desk: 'platz-1', minutes: 1 });
    await ticket('W002', 2, { desk: 'platz-2', minutes: 2 });
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  test('a call appears on top without a reload; chime button; offline notice; axe clean in German and English', async () => {
    const { context, page } = await newPage(browser, { width: 1920 });
    try {
      await page.goto(`${web.url}/aufruf/${OFFICE}`);
      await page.locator('.cd-newest .cd-num', { hasText: 'W002' }).waitFor();
      await page.evaluate(() => { (window as unknown as { marker: number }).marker = 1; });
      const chime = page.getByRole('button', { name: /Gong einschalten/ });
      assert.equal(await chime.getAttribute('aria-pressed'), 'false', 'the chime is off by default');
      await checkPage(page, null, true);

      const w003 = await ticket('W003', 3, null);
      await web.app.ctx.db.updateTable('queue_tickets').set({ status: 'called', desk: 'platz-3', called_at: new Date(DEMO_NOW + 3 * 60_000), call_count: 1 })
        .where('id', '=', w003).execute();
      await page.locator('.cd-newest .cd-num', { hasText: 'W003' }).waitFor({ timeout: 3000 });
      assert.match(await page.locator('.cd-newest').innerText(), /W003[\s\S]*Platz 3/);
      assert.equal(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 1, 'no reload');
      assert.deepEqual(await page.locator('.cd-call .cd-num').allInnerTexts(), ['W003', 'W002', 'W001']);
      assert.match(await page.locator('#cd-announce').innerText(), /W003/);
      await shoot(page, 'call-display-de', 1920);

      await chime.click();
      const off = page.getByRole('button', { name: /Gong ausschalten/ });
      assert.equal(await off.getAttribute('aria-pressed'), 'true');

      // the server goes away (its connections cut, new ones refused): the notice shows; it comes back: the notice goes
      const events = `${web.url}/aufruf/${OFFICE}/events`;
      await page.route(events, (route) => route.abort('connectionrefused'));
      web.server.server.closeAllConnections();
      await page.locator('#cd-status').waitFor({ state: 'visible', timeout: 10_000 });
      assert.match(await page.locator('#cd-status').innerText(), /Verbindung unterbrochen – wird neu verbunden/);
      await shoot(page, 'call-display-offline', 1920);
      await page.unroute(events);
      await page.locator('#cd-status').waitFor({ state: 'hidden', timeout: 15_000 });

      await page.goto(`${web.url}/aufruf/${OFFICE}?lang=en`);
      await page.locator('.cd-newest .cd-num', { hasText: 'W003' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await page.getByRole('button', { name: /Turn chime (on|off)/ }).waitFor();
      await checkPage(page, null, true);
      await shoot(page, 'call-display-en', 390);
    } finally {
      await context.close();
    }
  });

  test('without JavaScript: the page refreshes itself and shows the calls; axe finds only the self-refresh', async () => {
    const { context, page } = await newPage(browser, { javaScript: false, width: 390 });
    try {
      await page.goto(`${web.url}/aufruf/${OFFICE}`);
      assert.equal(await page.locator('noscript').count() > 0, true);
      assert.match(await page.content(), /<noscript><meta http-equiv="refresh" content="10"><\/noscript>/);
      assert.ok(await page.locator('.cd-newest .cd-num').innerText());
      assert.equal(await page.locator('#cd-chime').isVisible(), false, 'no chime button that would do nothing');
      // The self-refresh is the display's purpose (calls as they happen, a screen nobody operates:
      // WCAG 2.2.1's real-time exception), so it is the one finding, and the only one allowed.
      assert.deepEqual(await axeViolations(page, { javaScript: false }), [META_REFRESH]);
      await shoot(page, 'call-display-nojs', 390);
    } finally {
      await context.close();
    }
  });
});
