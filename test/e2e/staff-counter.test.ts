// The counter's forms in Chromium, without and with JavaScript: cancelling on
// behalf without a reason comes back with the field marked and the error
// summary focused (then works with a reason); a no-show is not offered within
// the office's grace, and says from when; afterwards it is undone from the day
// view. axe-core (WCAG 2.1 AA) on each page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { office, orgConfig, service } from '../fixtures/org-config.ts';
import { browserSkip, checkPage, launch, newPage, staffLogin, startStaffServer, type WebServer } from './harness.ts';

const skip = browserSkip();

describe('counter forms in Chromium', { skip }, () => {
  let browser: Browser;
  let web: WebServer;
  before(async () => {
    browser = await launch();
    // Monday 2026-11-30 08:00 Berlin; the office waits 15 minutes before a no-show
    web = await startStaffServer([{ email: 'clerk@example.org', name: 'Clara Clerk', role: 'clerk', offices: ['a'] }], orgConfig({
      services: [service('anmeldung', 15, 5)],
      offices: [office('a', { name: 'Bürgeramt A', booking: { noShowGraceMinutes: 15 } })],
    }));
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  for (const javaScript of [false, true]) {
    test(`cancel without a reason, then with one; no no-show within the grace (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const tag = javaScript ? 'js' : 'nojs';
      web.app.clock.set(Date.parse('2026-11-30T08:00:00+01:00'));
      const now = await bookAppointment(web.app.ctx, {
        office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-11-30T08:00:00+01:00',
        contact: { name: `Gerade ${tag}`, email: '', phone: '' }, locale: 'de', channel: 'counter',
      });
      const later = await bookAppointment(web.app.ctx, {
        office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: javaScript ? '2026-12-01T10:00:00+01:00' : '2026-12-01T09:00:00+01:00',
        contact: { name: `Absage ${tag}`, email: `absage-${tag}@example.org`, phone: '' }, locale: 'de', consent: true,
      });
      const { context, page } = await newPage(browser, { javaScript });
      try {
        await staffLogin(page, web, 'clerk@example.org');

        // the appointment that began just now: arrived yes, no-show not yet
        await page.goto(`${web.url}/staff/termin/${now.appointment.reference}`);
        assert.equal(await page.getByRole('button', { name: 'Nicht erschienen' }).count(), 0);
        assert.match(await page.locator('main').innerText(), /„Nicht erschienen“ ist ab 08:15 Uhr möglich/);
        await checkPage(page, `staff-counter-01-grace-${tag}`, javaScript);

        // after the grace: recorded; the day view offers the undo in the row and comes back to the day
        web.app.clock.set(Date.parse('2026-11-30T08:15:00+01:00'));
        await page.reload();
        await page.getByRole('button', { name: 'Nicht erschienen', exact: true }).click();
        assert.match(await page.locator('main').innerText(), /nicht erschienen/);
        await page.goto(`${web.url}/staff?office=a&date=2026-11-30`);
        const undo = page.getByRole('button', { name: `Zurücknehmen: „Nicht erschienen“ von Gerade ${tag}` });
        assert.equal(await undo.count(), 1);
        await checkPage(page, `staff-counter-02-day-undo-${tag}`, javaScript);
        await undo.click();
        await page.waitForURL(/\/staff\?office=a&date=2026-11-30$/);
        assert.equal(await undo.count(), 0, 'booked again: nothing to undo');

        // cancel without a reason: the form again, the field marked, the summary focused
        await page.goto(`${web.url}/staff/termin/${later.appointment.reference}`);
        await page.getByRole('button', { name: 'Im Auftrag absagen' }).click();
        const summary = page.locator('.az-error-summary');
        assert.match(await summary.innerText(), /Bitte geben Sie einen Grund an/);
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'fehler', 'the error summary has the focus');
        assert.equal(await page.getByLabel(/Grund/).getAttribute('aria-invalid'), 'true');
        assert.match(await page.title(), /^Fehler: /);
        await checkPage(page, `staff-counter-03-cancel-error-${tag}`, javaScript);
        assert.equal(await summary.getByRole('link').getAttribute('href'), '#reason', 'the summary links to the field');
        await page.getByLabel(/Grund/).fill('Die Sachbearbeiterin ist erkrankt.');
        await page.getByRole('button', { name: 'Im Auftrag absagen' }).click();
        assert.match(await page.locator('main').innerText(), /Der Termin wurde abgesagt/);
        await checkPage(page, null, javaScript);
      } finally {
        await context.close();
      }
    });
  }
});
