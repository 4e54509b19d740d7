// Two clerks and the waiting room in Chromium (issue 12's acceptance): two
// walk-in tickets; clerk 1 at Platz 1 and clerk 2 at Platz 2 press "Nächste/n
// aufrufen" in turn on their counter views, and the display page, open the
// whole time with JavaScript, shows each call on top without a reload; a
// display without JavaScript shows both on its next load (it reloads itself
// every 10 s: call-display.test.ts). No name on the display.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { loadDemoConfig } from '../../src/config/demo.ts';
import { createApiToken } from '../../src/app/staff/create-api-token.ts';
import { browserSkip, launch, newPage, staffLogin, startStaffServer, type WebServer } from './harness.ts';

const skip = browserSkip();
const OFFICE = 'einwohnermeldeamt';

describe('two clerks call, the display shows it (Chromium)', { skip }, () => {
  let browser: Browser;
  let web: WebServer;

  before(async () => {
    browser = await launch();
    web = await startStaffServer([
      { email: 'eins@example.org', name: 'Clara Eins', role: 'clerk', offices: [OFFICE] },
      { email: 'zwei@example.org', name: 'Zoe Zwei', role: 'clerk', offices: [OFFICE] },
    ], loadDemoConfig().config);
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  /** The display's calls, newest first, as "number desk". */
  const shown = (page: Page) => page.locator('.cd-call').evaluateAll((els) => els.map((e) => `${e.querySelector('.cd-num')?.textContent} ${e.querySelector('.cd-desk')?.textContent}`));

  test('clerk 1 and clerk 2 call in turn; the open display shows each call on top, live; without JavaScript on its next load', async () => {
    const token = await createApiToken(web.app.ctx, { email: 'eins@example.org', label: 'Empfang' });
    const numbers: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await web.server.inject({
        method: 'POST', url: `/api/v1/staff/queue/${OFFICE}/walk-ins`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        payload: JSON.stringify({ concerns: [{ id: 'anmeldung', quantity: 1 }] }),
      });
      assert.equal(r.statusCode, 201, r.body);
      numbers.push(r.json().number);
    }
    const display = await newPage(browser, { javaScript: true, width: 1920 });
    const clerks = [await newPage(browser, { javaScript: true }), await newPage(browser, { javaScript: true })];
    try {
      await display.page.goto(`${web.url}/aufruf/${OFFICE}`);
      await display.page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });
      assert.deepEqual(await shown(display.page), []);
      for (const [i, email] of ['eins@example.org', 'zwei@example.org'].entries()) {
        await staffLogin(clerks[i]!.page, web, email);
        await clerks[i]!.page.goto(`${web.url}/staff/schalter?office=${OFFICE}&platz=platz-${i + 1}`);
      }
      for (const i of [0, 1]) {
        const clerk = clerks[i]!.page;
        await clerk.getByRole('button', { name: 'Nächste/n aufrufen' }).click();
        await clerk.waitForURL(new RegExp(`ok=called&nr=${numbers[i]}`));
        // on the display, on top, with the clerk's desk (the latency is measured by npm run bench, not here)
        await display.page.locator('.cd-newest .cd-num', { hasText: numbers[i]! }).waitFor();
        assert.deepEqual(await shown(display.page), i === 0
          ? [`${numbers[0]} Platz 1`]
          : [`${numbers[1]} Platz 2`, `${numbers[0]} Platz 1`]);
      }
      assert.equal(await display.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true, 'no reload');
      assert.doesNotMatch(await display.page.locator('body').innerText(), /Clara|Zoe|Eins|Zwei/);

      const plain = await newPage(browser, { javaScript: false, width: 1920 });
      try {
        await plain.page.goto(`${web.url}/aufruf/${OFFICE}`);
        assert.deepEqual(await shown(plain.page), [`${numbers[1]} Platz 2`, `${numbers[0]} Platz 1`]);
      } finally {
        await plain.context.close();
      }
    } finally {
      await display.context.close();
      for (const c of clerks) await c.context.close();
    }
  });
});
