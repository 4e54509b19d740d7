// "When plans change" in Chromium, without JavaScript: a lead blocks time over
// booked appointments, chooses "move" for one and "cancel" for another, enters
// it with the Enter key (never an "all" button), sees
// the outcome, finds the block in the list and removes it; after a closure,
// ticks callers off the call list as reached (and on an appointment's page);
// a closure where one citizen gets another time chosen from the month calendar
// (the calendar step keeps the plan and the other choices, the time comes back
// preselected); axe-core (WCAG 2.1 AA) on every new page, in German and English.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { browserSkip, checkPage, launch, newPage, staffLogin, startStaffServer, type WebServer } from './harness.ts';

const skip = browserSkip();

describe('plans change in the back office (Chromium)', { skip }, () => {
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

  test('block a counter over booked appointments: move one, cancel the other, then remove the block', async () => {
    const book = async (time: string, name: string) => (await bookAppointment(web.app.ctx, {
      office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: `2026-12-02T${time}:00+01:00`,
      contact: { name, email: `${name.toLowerCase().replace(/\W/g, '')}@example.org`, phone: '' }, locale: 'de', consent: true,
    })).appointment.reference;
    // both counters taken at 09:00 and at 09:15; blocking both counters 09:00-09:30 strands all four
    const refs = [await book('09:00', 'Anna Eins'), await book('09:00', 'Bert Zwei'), await book('09:15', 'Cem Drei'), await book('09:15', 'Dana Vier')];
    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      await staffLogin(page, web, 'lead@example.org');
      await page.goto(`${web.url}/staff?office=a&date=2026-12-02`);
      await page.getByRole('link', { name: 'Zeit sperren' }).click();
      await checkPage(page, 'plans-01-block-form', false);

      // a mistake first: the message sits next to the field
      await page.getByLabel('Ab Uhrzeit').fill('09:00');
      await page.getByLabel('Bis Uhrzeit').fill('09:30');
      await page.getByLabel('Wie viele Schalter fallen weg?').fill('0');
      await page.getByLabel(/^Grund/).fill('Krankheit im Team');
      await page.getByRole('button', { name: 'Betroffene Termine prüfen' }).click();
      assert.match(await page.locator('.az-error-summary').innerText(), /Schalter wegfallen/);
      await checkPage(page, null, false);
      await page.getByLabel('Wie viele Schalter fallen weg?').fill('2');
      await page.getByRole('button', { name: 'Betroffene Termine prüfen' }).click();
      const preview = await page.locator('main').innerText();
      assert.match(preview, /4 gebuchte Termine betroffen/);
      for (const r of refs) assert.ok(preview.includes(r), r);
      await checkPage(page, 'plans-02-block-preview', false);

      // "all: cancel" preselects, then the choice per appointment
      await page.getByRole('button', { name: 'Alle: absagen' }).click();
      assert.equal(await page.locator(`input[name="c_${refs[1]}"][value=cancel]`).isChecked(), true);
      await page.locator(`#c-${refs[0]}-move`).check();
      await page.locator(`#c-${refs[2]}-keep`).check();
      await page.locator(`#c-${refs[3]}-keep`).check();
      const suggested = (await page.locator(`label[for="c-${refs[0]}-move"]`).innerText()).replace('Verschieben auf ', '');
      assert.match(suggested, /^\S+, \d+\. Dezember 2026, \d\d:\d\d Uhr$/, 'in words');
      // the Enter key on a choice enters the block with the choices shown – never an "all" button
      await page.locator(`#c-${refs[3]}-keep`).press('Enter');
      await page.waitForURL(/\/staff\/plaene\/ergebnis\?office=a&id=\d+$/);
      const result = await page.locator('main').innerText();
      // in words: "verschoben auf Mittwoch, 2. Dezember 2026, 08:45 Uhr"
      assert.ok(result.includes(`verschoben auf ${suggested}`), result);
      assert.match(result, /abgesagt[\s\S]*?E-Mail mit Grund an/);
      assert.match(result, /behalten – als Konflikt markiert/);
      await checkPage(page, 'plans-03-result', false);

      // the day view shows the conflicts first and why
      await page.getByRole('link', { name: 'Zur Tagesansicht' }).click();
      const day = await page.locator('main').innerText();
      assert.match(day, /2 Termine passen nicht mehr zur Konfiguration/);
      assert.match(day, /2 Schalter gesperrt 09:00–09:30: Krankheit im Team/);

      // the list, the confirmation, removal
      await page.getByRole('link', { name: 'Schließungen und Sperren' }).first().click();
      await checkPage(page, 'plans-04-list', false);
      await page.getByRole('link', { name: /^Entfernen\W+Sperre Mi\., 02\.12\.2026 09:00–09:30$/ }).click();
      await checkPage(page, 'plans-05-remove', false);
      await page.getByRole('button', { name: 'Ja, entfernen' }).click();
      assert.match(await page.locator('main').innerText(), /Entfernt\. Die Zeiten sind wieder buchbar\./);
      assert.match(await page.locator('main').innerText(), /Keine anstehenden Sperren/);
      await checkPage(page, null, false);
      // the kept ones fit again: no conflicts left
      await page.goto(`${web.url}/staff?office=a&date=2026-12-02`);
      assert.doesNotMatch(await page.locator('main').innerText(), /passen nicht mehr zur Konfiguration/);
    } finally {
      await context.close();
    }
  });

  test('the call list after a closure: tick off who was reached (with a note), print it, and the same tick on the appointment\'s page (JavaScript off)', async () => {
    // two callers without an e-mail address, both on 03.12. at 09:00
    const caller = async (name: string, phone: string) => (await bookAppointment(web.app.ctx, {
      office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-03T09:00:00+01:00', channel: 'phone',
      contact: { name, email: '', phone }, locale: 'de',
    })).appointment.reference;
    const paula = await caller('Paula Telefon', '0341 555 0101');
    const rudi = await caller('Rudi Ruf', '0341 555 0202');
    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      await staffLogin(page, web, 'lead@example.org');
      await page.goto(`${web.url}/staff?office=a&date=2026-12-03`);
      await page.getByRole('link', { name: 'Schließung eintragen' }).click();
      await page.getByLabel(/^Grund/).fill('Stromausfall');
      await page.getByRole('button', { name: 'Betroffene Termine prüfen' }).click();
      for (const r of [paula, rudi]) await page.locator(`#c-${r}-cancel`).check();
      await page.getByRole('button', { name: 'Schließung eintragen' }).click();
      await page.waitForURL(/\/staff\/plaene\/ergebnis\?/);
      assert.match(await page.locator('main').innerText(), /0 von 2 erreicht – 2 offen/);
      await page.getByRole('link', { name: 'Anrufliste drucken' }).click();
      await page.waitForURL(/\/staff\/plaene\/anrufliste\?/);
      await checkPage(page, 'plans-06-call-list', false);

      // Paula is reached; the note is kept
      const row = page.locator(`#anruf-${paula}`);
      await row.getByLabel('erreicht', { exact: true }).check();
      await row.getByLabel(/^Hinweis/).fill('Tochter am Telefon');
      await row.getByRole('button', { name: /^Speichern/ }).click();
      await page.waitForURL(new RegExp(`#anruf-${paula}$`));
      const main = await page.locator('main').innerText();
      assert.match(main, /Gespeichert: Paula Telefon – erreicht/);
      assert.match(main, /1 von 2 erreicht – 1 offen/);
      assert.match(await row.innerText(), /Erreicht von Lena Lead am Mo\., 30\.11\.2026, 08:00[\s\S]*Hinweis: „Tochter am Telefon“/);
      await checkPage(page, 'plans-07-call-list-ticked', false);
      // a choice is required: the message sits at the row's choice
      await page.locator(`#anruf-${rudi}`).getByRole('button', { name: /^Speichern/ }).click();
      assert.match(await page.locator('.az-error-summary').innerText(), /Bitte wählen Sie „erreicht“ oder „nicht erreicht“/);
      await checkPage(page, null, false);

      // printed: a tick box per row, ticked for Paula; no forms on paper
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator(`#anruf-${paula} .az-tick--done`).isVisible(), true);
      assert.equal(await page.locator(`#anruf-${rudi} .az-tick`).isVisible(), true);
      assert.equal(await page.locator(`#anruf-${rudi} form`).isVisible(), false);
      await page.emulateMedia({ media: 'screen' });

      // in English
      await page.getByRole('link', { name: 'English' }).click();
      assert.match(await page.locator('main').innerText(), /1 of 2 reached – 1 left/);
      assert.match(await page.locator(`#anruf-${paula}`).innerText(), /Reached by Lena Lead on Mon 30\/11\/2026, 08:00/);
      await checkPage(page, null, false);

      // Rudi's page says to call him, with the same tick: not reached, to try again
      await page.goto(`${web.url}/staff/termin/${rudi}?lang=de`);
      const call = page.locator('#anrufen');
      assert.match(await call.innerText(), /0341 555 0202/);
      await call.getByLabel('nicht erreicht – erneut versuchen').check();
      await call.getByLabel(/^Hinweis/).fill('Mailbox');
      await call.getByRole('button', { name: /^Speichern/ }).click();
      assert.match(await page.locator('#anrufen').innerText(), /Nicht erreicht \(Lena Lead, Mo\., 30\.11\.2026, 08:00\) – bitte erneut versuchen/);
      assert.match(await page.locator('#verlauf ~ ol').innerText(), /Telefonisch nicht erreicht – erneut versuchen\s+Hinweis: „Mailbox“/);
      await checkPage(page, 'plans-08-appointment-call', false);
      await page.getByRole('link', { name: 'English' }).click();
      assert.match(await page.locator('#verlauf ~ ol').innerText(), /Not reached by phone – try again/);
      await checkPage(page, null, false);
      // Paula's history: reached, by whom
      await page.goto(`${web.url}/staff/termin/${paula}?lang=de`);
      assert.match(await page.locator('#verlauf ~ ol').innerText(), /Lena Lead\s+Telefonisch erreicht\s+Hinweis: „Tochter am Telefon“/);
    } finally {
      await context.close();
    }
  });

  test('a closure where one citizen gets a time chosen from the calendar: Anna to Tuesday 15th, Bert cancelled (JavaScript off)', async () => {
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
