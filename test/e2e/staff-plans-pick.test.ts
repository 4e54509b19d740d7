// "When plans change" in Chromium without JavaScript: a closure strands two
// citizens; for one the lead chooses "another time in the calendar", picks a day
// in the month calendar and a time on it, returns to the preview with that time
// preselected (the other citizen's "cancel" kept), and enters the closure; the
// result says where each went. axe-core (WCAG 2.1 AA) on the new pages, the
// calendar step in German and English.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { browserSkip, checkPage, launch, newPage, staffLogin, startStaffServer, type WebServer } from './harness.ts';

const skip = browserSkip();

describe('a closure with a time chosen from the calendar for one citizen (Chromium)', { skip }, () => {
  let browser: Browser;
  let web: WebServer;
  before(async () => {
    browser = await launch();
    // office a: two counters, 08:00-12:00 on weekdays
    web = await startStaffServer([{ email: 'lead@example.org', name: 'Lena Lead', role: 'lead', offices: ['a'] }]);
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  test('close Wednesday 9 December: Anna to a time picked on Tuesday 15th, Bert cancelled (JavaScript off)', async () => {
    const book = async (time: string, name: string) => (await bookAppointment(web.app.ctx, {
      office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: `2026-12-09T${time}:00+01:00`,
      contact: { name, email: `${name.toLowerCase().replace(/\W/g, '')}@example.org`, phone: '' }, locale: 'de', consent: true,
    })).appointment.reference;
    const anna = await book('09:00', 'Anna Eins');
    const bert = await book('10:00', 'Bert Zwei');
    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      await staffLogin(page, web, 'lead@example.org');
      await page.goto(`${web.url}/staff?office=a&date=2026-12-09`);
      await page.getByRole('link', { name: 'Schließung eintragen' }).click();
      await page.getByLabel(/^Von \(Datum\)/).fill('09.12.2026');
      await page.getByLabel(/^Bis \(Datum\)/).fill('09.12.2026');
      await page.getByLabel(/^Grund/).fill('Wasserschaden');
      await page.getByRole('button', { name: 'Betroffene Termine prüfen' }).click();
      assert.match(await page.locator('main').innerText(), /2 gebuchte Termine betroffen/);
      await checkPage(page, 'plans-pick-01-preview', false);

      // Anna: another time from the calendar; Bert: cancel
      await page.locator(`#c-${anna}-calendar`).check();
      await page.locator(`#c-${bert}-cancel`).check();
      await page.getByRole('button', { name: 'Schließung eintragen' }).click();
      await page.getByRole('heading', { level: 1, name: `Andere Zeit für ${anna} wählen` }).waitFor();
      const step = await page.locator('main').innerText();
      assert.match(step, /Bisher: Mittwoch, 9\. Dezember 2026, 09:00 Uhr/);
      await checkPage(page, 'plans-pick-02-calendar', false);

      // the month calendar (the appointment's month): Wednesday 9th is closed now, Tuesday 15th a link
      assert.equal(await page.locator('a.az-day__link[href*="tag=2026-12-09"]').count(), 0, 'the closed day offers nothing');
      await page.locator('a.az-day__link[href*="tag=2026-12-15"]').click();
      assert.match(await page.locator('main').innerText(), /Freie Zeiten am Dienstag, 15\. Dezember 2026/);
      await checkPage(page, 'plans-pick-03-day', false);
      // in English as well
      await page.getByRole('link', { name: 'English' }).click();
      assert.match(await page.locator('h1').innerText(), new RegExp(`Choose another time for ${anna}`));
      await checkPage(page, null, false);
      await page.getByRole('link', { name: 'Deutsch' }).click();

      await page.locator('input[name=startsAt][value="2026-12-15T10:30:00+01:00"]').check();
      await page.getByRole('button', { name: 'Diese Zeit übernehmen' }).click();
      // back at the preview: the picked time preselected, Bert's choice kept
      assert.equal(await page.locator(`#c-${anna}-pick`).isChecked(), true);
      assert.match(await page.locator(`label[for="c-${anna}-pick"]`).innerText(), /Verschieben auf Dienstag, 15\. Dezember 2026, 10:30 Uhr \(im Kalender gewählt\)/);
      assert.equal(await page.locator(`#c-${bert}-cancel`).isChecked(), true);
      await checkPage(page, 'plans-pick-04-preview-picked', false);

      await page.getByRole('button', { name: 'Schließung eintragen' }).click();
      await page.waitForURL(/\/staff\/plaene\/ergebnis\?office=a&id=\d+$/);
      const row = async (ref: string) => page.locator('tr', { has: page.getByRole('link', { name: ref }) }).innerText();
      assert.match(await row(anna), /verschoben auf Dienstag, 15\. Dezember 2026, 10:30 Uhr[\s\S]*E-Mail mit Grund an annaeins@example\.org/);
      assert.match(await row(bert), /abgesagt[\s\S]*E-Mail mit Grund an bertzwei@example\.org/);
      await checkPage(page, 'plans-pick-05-result', false);

      // Anna's history: moved by Lena Lead, with the reason
      await page.goto(`${web.url}/staff/termin/${anna}`);
      const history = await page.locator('main').innerText();
      assert.match(history, /Verschoben von Mi\., 09\.12\.2026, 09:00 auf Di\., 15\.12\.2026, 10:30/);
      assert.match(history, /Wasserschaden/);
    } finally {
      await context.close();
    }
  });
});
