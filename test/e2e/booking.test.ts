// The citizen's journey in a real browser (Chromium via playwright-core):
// with JavaScript off and on, several concerns with quantities, a validation
// error and its recovery, axe-core on every page, reflow at 320 px (screenshots at 390/1280 px with SCREENSHOTS=1).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { loadDemoConfig } from '../../src/config/demo.ts';
import { browserSkip, checkPage, launch, newPage, startWebServer, type WebServer } from './harness.ts';

const skip = browserSkip();

describe('booking in Chromium', { skip }, () => {
  let browser: Browser;
  let web: WebServer;
  before(async () => {
    browser = await launch();
    web = await startWebServer();
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  const check = (page: Page, name: string | null, javaScript = false) => checkPage(page, name, javaScript);

  test('full booking without JavaScript: two concerns with quantities, an error and its recovery', async () => {
    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      await page.goto(`${web.url}/`);
      assert.equal(await page.getAttribute('html', 'lang'), 'de');
      await check(page, 'de-01-start');
      await page.getByRole('link', { name: 'Termin buchen' }).click();

      // step 1: nothing chosen is an error, shown in the summary and next to the list
      await page.getByRole('button', { name: 'Weiter' }).click();
      assert.match(await page.locator('.az-error-summary').innerText(), /mindestens ein Anliegen/);
      await check(page, 'de-02-concerns-error');
      await page.locator('#anzahl-personalausweis').selectOption('2');
      await page.locator('#anzahl-anmeldung').selectOption('1');
      await page.getByRole('button', { name: 'Weiter' }).click();

      // step 2: calendar, a day, a time
      await page.waitForURL(/\/buchen\/termin/);
      assert.match(await page.locator('h1').innerText(), /Wann möchten Sie kommen/);
      assert.match(await page.locator('main').innerText(), /etwa 40 Minuten/);
      await check(page, 'de-03-calendar');
      await page.locator('.az-day--available a').first().click();
      await page.locator('#zeit-form input[name=startsAt]').first().check();
      await check(page, 'de-04-times');
      await page.getByRole('button', { name: 'Uhrzeit reservieren' }).click();

      // step 3: an invalid e-mail and no consent; the name survives the error
      await page.waitForURL(/\/buchen\/kontakt/);
      assert.match(await page.locator('main').innerText(), /reserviert bis \d\d:\d\d Uhr/);
      await page.getByLabel('Vor- und Nachname').fill('Erika Mustermann');
      await page.getByLabel('E-Mail-Adresse').fill('erika.example.org');
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.waitForURL(/\/buchen\/kontakt/);
      const summary = await page.locator('.az-error-summary').innerText();
      assert.match(summary, /gültige E-Mail-Adresse/);
      assert.match(summary, /willigen Sie/);
      assert.equal(await page.getByLabel('Vor- und Nachname').inputValue(), 'Erika Mustermann');
      assert.equal(await page.getByLabel('E-Mail-Adresse').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.title().then((t) => t.startsWith('Fehler: ')), true);
      await check(page, 'de-05-contact-error');
      await page.getByLabel('E-Mail-Adresse').fill('erika@example.org');
      await page.getByLabel('Telefonnummer').fill('0341 123456');
      await page.locator('#consent').check();
      await check(page, 'de-06-contact');
      await page.getByRole('button', { name: 'Weiter' }).click();

      // step 4: review, documents deduplicated, fees
      await page.waitForURL(/\/buchen\/pruefen/);
      const review = await page.locator('main').innerText();
      assert.match(review, /2 × Personalausweis beantragen/);
      assert.match(review, /1 × Anmeldung einer Wohnung/);
      assert.match(review, /37,00 €/);
      assert.match(review, /Wohnungsgeberbestätigung/);
      assert.equal(await page.locator('.az-bring li').count(), new Set(await page.locator('.az-bring li').allInnerTexts()).size);
      await check(page, 'de-07-review');
      await page.getByRole('button', { name: 'Verbindlich buchen' }).click();

      // confirmation
      await page.waitForURL(/\/buchen\/bestaetigung/);
      const done = await page.locator('main').innerText();
      assert.match(done, /Ihr Termin ist gebucht/);
      assert.match(done, /[2-9A-Z]{4}-[2-9A-Z]{4}/);
      assert.match(done, /Rathausplatz 1/);
      assert.ok(!page.url().includes('erika'), 'no personal data in the URL');
      const manage = await page.locator('a.az-manage-link').getAttribute('href');
      assert.match(manage ?? '', /^\/termin\/[2-9A-Z-]{9}\?token=/);
      await check(page, 'de-08-done');
      // the kiosk check-in code: named for screen readers, big enough on screen, 4 cm black on white on paper
      const code = page.getByRole('img', { name: /^QR-Code mit Ihrer Buchungsnummer [2-9A-Z]{4}-[2-9A-Z]{4} zum Einchecken am Terminal$/ });
      assert.ok(((await code.boundingBox())?.width ?? 0) >= 180, 'at least 180 px on screen');
      await page.emulateMedia({ media: 'print' });
      assert.ok(Math.abs(((await code.boundingBox())?.width ?? 0) - 151) < 3, 'printed 4 cm (151 px) wide');
      assert.equal(await code.locator('path').evaluate((p) => getComputedStyle(p).fill), 'rgb(0, 0, 0)');
      await page.emulateMedia({ media: 'screen' });
    } finally {
      await context.close();
    }
  });

  test('full booking with JavaScript, in English, via the earliest free appointment', async () => {
    const { context, page } = await newPage(browser, { javaScript: true });
    try {
      await page.goto(`${web.url}/`);
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL(/lang=en/);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await check(page, 'en-01-start', true);
      await page.getByRole('link', { name: 'Book an appointment' }).click();
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await page.locator('#anzahl-reisepass').selectOption('2');
      await page.locator('#anzahl-ausweis-verlust').check();
      // the script shows the total while choosing: 2 × 15 + 10
      assert.match(await page.locator('#gesamtdauer').innerText(), /40 minutes/);
      await check(page, 'en-02-concerns', true);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(/\/buchen\/termin/);
      assert.match(await page.locator('h1').innerText(), /When would you like to come/);
      assert.match(await page.locator('.az-month').innerText(), /closed/);
      await check(page, 'en-03-calendar', true);
      // with script, a day's times arrive without reloading the page
      await page.evaluate(() => { (window as unknown as { stay: number }).stay = 1; });
      await page.locator('.az-day--available a').nth(1).click();
      await page.locator('#zeiten-titel').waitFor();
      assert.equal(await page.evaluate(() => (window as unknown as { stay?: number }).stay), 1, 'no reload');
      assert.match(page.url(), /tag=\d{4}-\d\d-\d\d/);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'zeiten-titel');
      await page.locator('.az-calendar__next').click();
      await page.waitForURL(/monat=2027-01/);
      assert.equal(await page.evaluate(() => (window as unknown as { stay?: number }).stay), 1, 'no reload');
      assert.match(await page.locator('#monat').innerText(), /January 2027/);
      await page.goto(`${web.url}/buchen/termin`);
      // 320 px wide: nothing scrolls sideways
      await page.setViewportSize({ width: 320, height: 800 });
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'calendar fits 320 px');
      await page.setViewportSize({ width: 1280, height: 900 });
      // the language switch keeps the step
      await page.getByRole('link', { name: 'Deutsch' }).click();
      await page.waitForURL(/\/buchen\/termin\?lang=de/);
      assert.match(await page.locator('h1').innerText(), /Wann möchten Sie kommen/);
      await page.getByRole('link', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Reserve this appointment' }).click();
      await page.waitForURL(/\/buchen\/kontakt/);
      assert.match(await page.locator('main').innerText(), /reserved for you until \d\d:\d\d/);
      assert.equal(await page.locator('.az-hold__warning').innerText(), '');
      // shortly before the hold runs out, the script warns
      web.app.clock.advanceMinutes(9);
      await page.reload();
      assert.match(await page.locator('.az-hold__warning').innerText(), /runs out in a minute/);
      // keeping it longer happens in place: what was typed stays
      await page.getByLabel('Full name').fill('John Smith');
      await page.evaluate(() => { (window as unknown as { stay: number }).stay = 1; });
      await page.getByRole('button', { name: 'Keep this time longer' }).click();
      await page.waitForFunction(() => /now lasts until/.test(document.querySelector('.az-hold__warning')?.textContent ?? ''));
      assert.equal(await page.evaluate(() => (window as unknown as { stay?: number }).stay), 1, 'no reload');
      assert.equal(await page.getByLabel('Full name').inputValue(), 'John Smith');
      await page.getByLabel('E-mail address').fill('john@example.org');
      await page.locator('#consent').check();
      await check(page, 'en-04-contact', true);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(/\/buchen\/pruefen/);
      const review = await page.locator('main').innerText();
      assert.match(review, /2 × Applying for a passport/);
      assert.match(review, /€70\.00/);
      await check(page, 'en-05-review', true);
      await page.getByRole('button', { name: 'Book now' }).click();
      await page.waitForURL(/\/buchen\/bestaetigung/);
      assert.match(await page.locator('h1').innerText(), /Your appointment is booked/);
      // the script shows the print button
      assert.equal(await page.locator('.az-print').isVisible(), true);
      await check(page, 'en-06-done', true);
      const ics = await page.locator('a[href*="kalender.ics"]').getAttribute('href');
      const r = await page.request.get(`${web.url}${ics}`);
      assert.equal(r.status(), 200);
      assert.match(await r.text(), /BEGIN:VCALENDAR/);
    } finally {
      await context.close();
    }
  });

  test('a time lost to someone else between hold and submit: alternatives without asking again', async () => {
    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      await page.goto(`${web.url}/buchen/anliegen?lang=de`);
      await page.locator('#anzahl-meldebescheinigung').selectOption('1');
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.getByRole('button', { name: 'Diesen Termin reservieren' }).click();
      await page.getByLabel('Vor- und Nachname').fill('Max Muster');
      await page.getByLabel('E-Mail-Adresse').fill('max@example.org');
      await page.locator('#consent').check();
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.waitForURL(/\/buchen\/pruefen/);
      // the hold runs out, and two others book both online desks at that time
      const held = await web.app.db.db.selectFrom('appointments').select(['starts_at']).where('status', '=', 'held').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      web.app.clock.advanceMinutes(11);
      const startsAt = held.starts_at.toISOString();
      for (const who of ['a', 'b']) {
        await bookAppointment(web.app.ctx, {
          office: 'einwohnermeldeamt', services: [{ id: 'meldebescheinigung', quantity: 1 }], startsAt,
          contact: { name: `Other ${who}`, email: `${who}@example.org` }, consent: true, locale: 'de',
        });
      }
      await page.getByRole('button', { name: 'Verbindlich buchen' }).click();
      await page.waitForURL(/\/buchen\/pruefen/);
      const text = await page.locator('main').innerText();
      assert.match(text, /nicht mehr frei/);
      assert.match(text, /Max Muster/, 'the data is still there');
      assert.ok(await page.locator('input[name=startsAt]').count() > 0, 'alternatives offered');
      await check(page, 'de-09-lost');
      await page.getByRole('button', { name: 'Diese Zeit nehmen' }).click();
      await page.waitForURL(/\/buchen\/pruefen/);
      await page.getByRole('button', { name: 'Verbindlich buchen' }).click();
      await page.waitForURL(/\/buchen\/bestaetigung/);
      assert.match(await page.locator('h1').innerText(), /Ihr Termin ist gebucht/);
    } finally {
      await context.close();
    }
  });

  test('manage link: see, move with the calendar, cancel with a confirmation step', async () => {
    const first = await web.server.inject({ url: '/api/v1/availability?office=einwohnermeldeamt&services=anmeldung:1' });
    const earliest = first.json().earliest as { startsAt: string };
    const booked = await bookAppointment(web.app.ctx, {
      office: 'einwohnermeldeamt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: earliest.startsAt,
      contact: { name: 'Mara Manage', email: 'mara@example.org' }, consent: true, locale: 'de',
    });
    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      const self = `${web.url}/termin/${booked.appointment.reference}?token=${booked.manageToken}`;
      await page.goto(self);
      assert.match(await page.locator('h1').innerText(), new RegExp(booked.appointment.reference));
      assert.match(await page.locator('main').innerText(), /gebucht/);
      await check(page, 'de-10-manage');
      await page.getByRole('link', { name: 'Termin verschieben' }).click();
      await check(page, 'de-11-move');
      await page.locator('.az-day--available a').nth(2).click();
      await page.locator('#zeit-form input[name=startsAt]').nth(3).check();
      await page.getByRole('button', { name: 'Auf diese Uhrzeit verschieben' }).click();
      await page.waitForURL(/ok=verschoben/);
      assert.match(await page.locator('main').innerText(), /Ihr Termin ist verschoben/);
      await page.getByRole('link', { name: 'Termin absagen' }).click();
      assert.match(await page.locator('h1').innerText(), /wirklich absagen/);
      await check(page, 'de-12-cancel');
      await page.getByRole('button', { name: 'Ja, Termin absagen' }).click();
      await page.waitForURL(/ok=abgesagt/);
      assert.match(await page.locator('main').innerText(), /abgesagt/);
      await check(page, null);
      await page.goto(`${self}&lang=en`);
      assert.match(await page.locator('main').innerText(), /cancelled/);
      await check(page, 'en-09-manage-cancelled');
      // a wrong token looks like nothing at all
      const r = await page.goto(`${web.url}/termin/${booked.appointment.reference}?token=wrong`);
      assert.equal(r?.status(), 404);
    } finally {
      await context.close();
    }
  });

  test('privacy, imprint and accessibility pages in both languages pass axe', async () => {
    const { context, page } = await newPage(browser, { javaScript: true });
    try {
      for (const lang of ['de', 'en']) {
        for (const path of ['/datenschutz', '/impressum', '/barrierefreiheit']) {
          await page.goto(`${web.url}${path}?lang=${lang}`);
          assert.equal(await page.getAttribute('html', 'lang'), lang);
          await check(page, `${lang}-info${path.replace('/', '-')}`, true);
        }
      }
      assert.match(await page.locator('main').innerText(), /BITV|accessib/i);
    } finally {
      await context.close();
    }
  });

  test('keyboard only: the whole booking with Tab, Space and Enter', async () => {
    const { context, page } = await newPage(browser, { javaScript: true });
    try {
      await page.goto(`${web.url}/?lang=de`);
      // the skip link comes first and leads to the content
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Zum Inhalt springen');
      assert.ok(await page.locator('.az-skip').isVisible(), 'the skip link shows when focused');
      const tabToSelector = async (selector: string) => {
        for (let i = 0; i < 250; i++) {
          await page.keyboard.press('Tab');
          if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
        }
        throw new Error(`not reachable by Tab: ${selector}`);
      };
      await tabToSelector('a.kern-btn[href="/buchen/anliegen"]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/buchen\/anliegen/);
      await tabToSelector('#anzahl-beglaubigung');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await tabToSelector('#anliegen-form button[type=submit]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/buchen\/termin/);
      await tabToSelector('.az-earliest button');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/buchen\/kontakt/);
      await tabToSelector('#name');
      await page.keyboard.type('Kim Tastatur');
      await page.keyboard.press('Tab');
      await page.keyboard.type('kim@example.org');
      await tabToSelector('#consent');
      await page.keyboard.press('Space');
      await tabToSelector('main form:not(.az-hold__form) button[type=submit]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/buchen\/pruefen/);
      assert.match(await page.locator('main').innerText(), /2 × Amtliche Beglaubigung/);
      await tabToSelector('#buchen');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/buchen\/bestaetigung/);
      assert.match(await page.locator('h1').innerText(), /Ihr Termin ist gebucht/);
    } finally {
      await context.close();
    }
  });

  test('the hold can be kept longer before it runs out; the pages in English pass axe too', async () => {
    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      await page.goto(`${web.url}/buchen/anliegen?lang=en`);
      await page.locator('#anzahl-fuehrungszeugnis').selectOption('1');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('.az-day--available a').first().click();
      await page.locator('#zeit-form input[name=startsAt]').first().check();
      await check(page, 'en-07-times');
      await page.getByRole('button', { name: 'Reserve this time' }).click();
      await page.waitForURL(/\/buchen\/kontakt/);
      await page.getByRole('button', { name: 'Continue' }).click();
      await check(page, 'en-08-contact-error');
      const before = await page.locator('.az-held').innerText();
      web.app.clock.advanceMinutes(9);
      await page.getByRole('button', { name: 'Keep this time longer' }).click();
      await page.waitForURL(/\/buchen\/kontakt/);
      const afterText = await page.locator('.az-held').innerText();
      assert.notEqual(afterText, before);
      const until = (t: string) => /until (\d\d:\d\d)/.exec(t)![1];
      assert.ok(until(afterText) > until(before), `${until(afterText)} > ${until(before)}`);
      // without script too, what was typed survives keeping the time longer
      await page.getByLabel('Full name').fill('Nora Nojs');
      await page.getByRole('button', { name: 'Keep this time longer' }).click();
      await page.waitForURL(/\/buchen\/kontakt/);
      assert.equal(await page.getByLabel('Full name').inputValue(), 'Nora Nojs');
    } finally {
      await context.close();
    }
  });

  test('several offices offer the concerns: the office choice shows each earliest time', async () => {
    const config = structuredClone(loadDemoConfig().config);
    const main = config.offices.find((o) => o.id === 'einwohnermeldeamt')!;
    config.offices.push({ ...structuredClone(main), id: 'buergerbuero-west', name: 'Bürgerbüro West', address: 'Hauptstraße 100, 04416 Markkleeberg', services: ['personalausweis', 'reisepass'] });
    const second = await startWebServer({ config });
    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      await page.goto(`${second.url}/buchen/anliegen?lang=de`);
      await page.locator('#anzahl-personalausweis').selectOption('1');
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.waitForURL(/\/buchen\/amt/);
      const text = await page.locator('main').innerText();
      assert.match(text, /Einwohnermeldeamt/);
      assert.match(text, /Bürgerbüro West/);
      assert.equal((text.match(/Frühester freier Termin: /g) ?? []).length, 2);
      await page.getByRole('button', { name: 'Weiter' }).click();
      assert.match(await page.locator('.az-error-summary').innerText(), /Bitte wählen Sie ein Amt/);
      await check(page, 'de-02b-office-error');
      await page.getByLabel(/Bürgerbüro West/).check();
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.waitForURL(/\/buchen\/termin/);
    } finally {
      await context.close();
      await second.close();
    }
  });
});
