// Issue 11's acceptance journey in Chromium: a caller wants an afternoon three
// weeks ahead, gets it (JavaScript off by typing the day, on through the month
// calendar); the appointment is moved to a time chosen on another day; a
// closure on that day strands it and two online bookings; the clerk moves two
// and cancels one, and ends with the printed call list naming only the caller
// without an e-mail address; the caller's history then tells every step.
// axe-core (WCAG 2.1 AA) on every page; screenshots at 390 and 1280 px with
// SCREENSHOTS=1.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { office, orgConfig, service } from '../fixtures/org-config.ts';
import { browserSkip, checkPage, launch, newPage, staffLogin, startStaffServer, type WebServer } from './harness.ts';

const skip = browserSkip();

/** Mornings on weekdays, and Tuesday and Thursday afternoons, as many Bürgerämter open. */
function officeWithAfternoons() {
  return orgConfig({
    services: [service('anmeldung', 15, 5), service('ausweis', 20, 3)],
    offices: [office('a', {
      name: 'Bürgeramt A',
      hours: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '12:00', counters: 2, online: 2, phone: 2 },
        { days: ['tue', 'thu'], from: '13:00', to: '18:00', counters: 2, online: 2, phone: 2 },
      ],
    })],
  });
}

const PHONE = '0341 555 1234';

describe('a phone booking three weeks ahead, a move, a closure and its call list (Chromium)', { skip }, () => {
  let browser: Browser;
  let web: WebServer;
  /** the caller's appointment booked with JavaScript off: moved, then stranded by the closure */
  let caller = '';
  before(async () => {
    browser = await launch();
    web = await startStaffServer([
      { email: 'clara@example.org', name: 'Clara Clerk', role: 'clerk', offices: ['a'] },
      { email: 'lena@example.org', name: 'Lena Lead', role: 'lead', offices: ['a'] },
    ], officeWithAfternoons());
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  const main = (page: Page) => page.locator('main').innerText();
  /** The hours (as numbers) of the offered times' labels. */
  const offeredHours = async (page: Page) => {
    const ids = await page.locator('input[name=startsAt]').evaluateAll((rs) => rs.map((r) => r.id));
    const labels = await Promise.all(ids.map((id) => page.locator(`label[for="${id}"]`).innerText()));
    return labels.map((l) => Number(/(\d\d):\d\d/.exec(l)?.[1] ?? NaN));
  };

  for (const javaScript of [false, true]) {
    test(`"Tuesday in three weeks, in the afternoon": a phone booking on 22.12.2026 (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const tag = javaScript ? 'js' : 'nojs';
      const { context, page } = await newPage(browser, { javaScript });
      try {
        await staffLogin(page, web, 'clara@example.org');
        await page.getByRole('link', { name: 'Termin buchen' }).click();
        await page.getByLabel('Dienst anmeldung – Anzahl').fill('1');
        await page.getByLabel('Tageszeit').selectOption('afternoon');
        if (javaScript) {
          // through the month calendar: the next month, then the day
          await page.getByRole('button', { name: 'Freie Zeiten suchen' }).click();
          await page.getByRole('link', { name: /Nächster Monat|Dezember 2026/ }).first().click();
          await page.locator('a.az-day__link[href*="tag=2026-12-22"]').click();
        } else {
          await page.getByLabel(/^Tag \(/).fill('22.12.2026');
          await page.getByRole('button', { name: 'Freie Zeiten suchen' }).click();
        }
        assert.match(await main(page), /Freie Zeiten am Dienstag, 22\. Dezember 2026/);
        const hours = await offeredHours(page);
        assert.ok(hours.length > 0, 'times are offered');
        assert.ok(hours.every((h) => h >= 13 && h < 18), `only afternoon times: ${hours.join(', ')}`);
        assert.equal(await page.getByLabel('Tageszeit').inputValue(), 'afternoon', 'the part of the day is kept');
        assert.equal(await page.getByLabel('Dienst anmeldung – Anzahl').inputValue(), '1', 'the quantity is kept');
        await checkPage(page, `journey-01-times-${tag}`, javaScript);

        await page.locator('input[name=startsAt]').nth(javaScript ? 1 : 0).check();
        await page.getByLabel('Name', { exact: true }).fill(`Anrufer Nachmittag ${tag}`);
        await page.getByLabel(/^Telefonnummer/).fill(PHONE);
        await page.getByRole('button', { name: 'Verbindlich buchen' }).click();
        await page.waitForURL(/\/staff\/gebucht\//);
        const booked = await main(page);
        assert.match(booked, /Dienstag, 22\. Dezember 2026, 1[3-7]:\d\d Uhr/);
        assert.match(booked, /Keine E-Mail: bitte Buchungsnummer, Tag und Uhrzeit mitteilen/);
        assert.match(booked, /Dokument für anmeldung/, 'what to bring, to read out');
        const reference = (await page.locator('#reference').innerText()).trim();
        assert.match(reference, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
        await checkPage(page, `journey-02-booked-${tag}`, javaScript);
        if (!javaScript) caller = reference;
      } finally {
        await context.close();
      }
    });
  }

  test('the caller asks for Thursday 17.12. instead: a move to a time chosen on that day (JavaScript off)', async () => {
    assert.ok(caller, 'the booking of the first test');
    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      await staffLogin(page, web, 'clara@example.org');
      await page.goto(`${web.url}/staff/termin/${caller}`);
      await page.getByRole('link', { name: 'Im Auftrag verschieben' }).click();
      await page.getByLabel(/^Tag \(/).fill('17.12.2026');
      await page.getByLabel('Tageszeit').selectOption('afternoon');
      await page.getByRole('button', { name: 'Freie Zeiten suchen' }).click();
      assert.match(await main(page), /Freie Zeiten am Donnerstag, 17\. Dezember 2026/);
      const hours = await offeredHours(page);
      assert.ok(hours.length > 2 && hours.every((h) => h >= 13), `afternoon times: ${hours.join(', ')}`);
      await checkPage(page, 'journey-03-move-times', false);
      const label = await page.locator('label[for="time-2"]').innerText();
      const chosen = /(\d\d:\d\d)/.exec(label)![1];
      await page.locator('#time-2').check();
      await page.getByLabel(/^Grund/).fill('Anrufer hat Dienstag keine Zeit');
      await page.getByRole('button', { name: 'Verschieben' }).click();
      const moved = await main(page);
      assert.match(moved, /Der Termin wurde verschoben/);
      // no e-mail address: the page says to call, and never that an e-mail goes out
      assert.ok(moved.includes(`Bitte rufen Sie unter ${PHONE} an`), moved);
      assert.doesNotMatch(moved, /per E-Mail (an .* )?informiert/);
      assert.match(moved, new RegExp(`17\\.12\\.2026.*${chosen}|Donnerstag, 17\\. Dezember 2026, ${chosen}`));
      await checkPage(page, 'journey-04-moved', false);
    } finally {
      await context.close();
    }
  });

  test('a closure on 17.12. over three bookings, one without e-mail: two moved, one cancelled, the printed call list names only the caller; then the history (JavaScript off)', async () => {
    assert.ok(caller, 'the booking of the first test');
    const online = async (time: string, name: string) => (await bookAppointment(web.app.ctx, {
      office: 'a', services: [{ id: 'ausweis', quantity: 1 }], startsAt: `2026-12-17T${time}:00+01:00`,
      contact: { name, email: `${name.toLowerCase().replace(/\W/g, '')}@example.org`, phone: '' }, locale: 'de', consent: true,
    })).appointment.reference;
    const onlineMoved = await online('14:00', 'Olga Online');
    const onlineCancelled = await online('15:00', 'Otto Online');

    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      await staffLogin(page, web, 'lena@example.org');
      await page.goto(`${web.url}/staff?office=a&date=2026-12-17`);
      await page.getByRole('link', { name: 'Schließung eintragen' }).click();
      await page.getByLabel(/^Von \(Datum\)/).fill('17.12.2026');
      await page.getByLabel(/^Bis \(Datum\)/).fill('17.12.2026');
      await page.getByLabel(/^Grund/).fill('Stromausfall im Rathaus');
      await page.getByRole('button', { name: 'Betroffene Termine prüfen' }).click();
      const preview = await main(page);
      assert.match(preview, /3 gebuchte Termine betroffen/);
      for (const r of [caller, onlineMoved, onlineCancelled]) assert.ok(preview.includes(r), `${r} is listed`);
      await checkPage(page, 'journey-05-closure-preview', false);

      await page.locator(`#c-${caller}-move`).check();
      await page.locator(`#c-${onlineMoved}-move`).check();
      await page.locator(`#c-${onlineCancelled}-cancel`).check();
      await page.getByRole('button', { name: 'Schließung eintragen' }).click();
      await page.waitForURL(/\/staff\/plaene\/ergebnis\?office=a&id=\d+$/);
      const result = await main(page);
      const row = async (ref: string) => page.locator('tr', { has: page.getByRole('link', { name: ref }) }).innerText();
      assert.match(await row(caller), /verschoben auf [\s\S]*keine E-Mail-Adresse – bitte anrufen: 0341 555 1234/);
      assert.match(await row(onlineMoved), /verschoben auf [\s\S]*E-Mail mit Grund an olgaonline@example\.org/);
      assert.match(await row(onlineCancelled), /abgesagt[\s\S]*E-Mail mit Grund an ottoonline@example\.org/);
      assert.match(result, /Anrufliste/);
      await checkPage(page, 'journey-06-closure-result', false);

      // the printable call list: only the caller, with phone, before, now and the reason
      await page.getByRole('link', { name: 'Anrufliste drucken' }).click();
      await page.waitForURL(/\/staff\/plaene\/anrufliste\?/);
      const list = await main(page);
      assert.ok(list.includes('Anrufer Nachmittag nojs') && list.includes(PHONE), list);
      assert.match(list, /Stromausfall im Rathaus/);
      assert.match(list, /17\.12\.2026|17\. Dezember 2026/, 'the time before');
      assert.doesNotMatch(list, /Olga Online|Otto Online/, 'those told by e-mail are not on the call list');
      await checkPage(page, 'journey-07-call-list', false);
      // printed: the navigation is not on paper, the table is
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.az-noprint').first().isVisible(), false);
      assert.equal(await page.locator('table').first().isVisible(), true);
      await page.emulateMedia({ media: 'screen' });

      // the caller's history tells every step, in order
      await page.goto(`${web.url}/staff/termin/${caller}`);
      const history = await page.locator('#verlauf + p + ol').innerText();
      const steps = history.split('\n').filter((l) => l.trim() && !/ · /.test(l));
      assert.match(steps[0]!, /^Telefonisch gebucht für Di\., 22\.12\.2026, 1\d:\d\d$/);
      assert.match(steps[1]!, /^Verschoben von Di\., 22\.12\.2026, 1\d:\d\d auf Do\., 17\.12\.2026, 1\d:\d\d$/);
      assert.equal(steps[2], 'Grund: „Anrufer hat Dienstag keine Zeit“');
      assert.match(steps[3]!, /^Verschoben von Do\., 17\.12\.2026, 1\d:\d\d auf /);
      assert.ok(steps.some((s) => s.includes('Stromausfall im Rathaus')), history);
      assert.match(history, /Clara Clerk[\s\S]*Lena Lead/, 'who did it');
      await checkPage(page, 'journey-08-history', false);
    } finally {
      await context.close();
    }
  });
});
