// The CSV export in Chromium: a lead opens the form from the day view
// (axe-core, German and English), gets a wrong period explained beside the
// field, then downloads the file — read back as `;`-separated UTF-8 with BOM,
// German headers, a cancelled appointment with who and when, no personal data;
// and once more with personal data, which the audit log records.
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { cancelAppointment } from '../../src/app/cancel-appointment.ts';
import { csvRecords } from '../helpers/csv.ts';
import { browserSkip, checkPage, launch, newPage, staffLogin, startStaffServer, type WebServer } from './harness.ts';

const skip = browserSkip();

/** Submits the form and returns the downloaded file's bytes and name. */
async function download(page: Page): Promise<{ bytes: Buffer; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV herunterladen' }).click()]);
  const path = await file.path();
  return { bytes: await readFile(path), name: file.suggestedFilename() };
}

/** The bytes as a spreadsheet reads them: UTF-8 with BOM, `;`-separated, CRLF. */
function readCsv(bytes: Buffer): Record<string, string>[] {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
  const { header, records } = csvRecords(text);
  assert.ok(header.length > 5 && header.every((h) => !h.includes(',')), `one cell per header: ${header.join('|')}`);
  return records;
}

describe('CSV export in Chromium', { skip }, () => {
  let browser: Browser;
  let web: WebServer;
  const refs: Record<string, string> = {};
  before(async () => {
    browser = await launch();
    web = await startStaffServer([{ email: 'lead@example.org', name: 'Lena Lead', role: 'lead', offices: ['a'] }]);
    const book = (startsAt: string, name: string) => bookAppointment(web.app.ctx, {
      office: 'a', services: [{ id: 'anmeldung', quantity: 2 }], startsAt, locale: 'de', consent: true,
      contact: { name, email: `${name.split(' ')[0].toLowerCase()}@example.org`, phone: '+49 341 555' },
    });
    refs.kept = (await book('2026-12-03T09:00:00+01:00', 'Erika Mustermann')).appointment.reference;
    const gone = await book('2026-12-03T10:00:00+01:00', 'Max Absage');
    refs.cancelled = gone.appointment.reference;
    await cancelAppointment(web.app.ctx, { reference: gone.appointment.reference, token: gone.manageToken });
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  test('a lead downloads the CSV, without and with personal data', async () => {
    const { context, page } = await newPage(browser, { javaScript: true });
    try {
      await staffLogin(page, web, 'lead@example.org');
      await page.getByRole('link', { name: 'CSV-Export (Zeitraum)' }).click();
      assert.match(await page.locator('h1').innerText(), /CSV-Export/);
      assert.equal(await page.getByLabel('Ohne personenbezogene Daten', { exact: false }).isChecked(), true, 'without personal data by default');
      await checkPage(page, 'staff-export-01-form', true);

      // a wrong period: said beside the field, nothing downloaded
      await page.getByLabel('Von').fill('2026-12-31');
      await page.getByLabel('Bis').fill('2026-12-01');
      await page.getByRole('button', { name: 'CSV herunterladen' }).click();
      assert.match(await page.locator('.az-error-summary').innerText(), /„Bis“ darf nicht vor „Von“ liegen/);
      assert.match(await page.locator('#to-error').innerText(), /Ende vor Beginn/);
      await checkPage(page, null, true);

      await page.getByLabel('Von').fill('2026-12-01');
      await page.getByLabel('Bis').fill('2026-12-31');
      const plain = await download(page);
      assert.equal(plain.name, 'termine-a-2026-12-01-2026-12-31.csv');
      const rows = readCsv(plain.bytes);
      const byRef = new Map(rows.map((r) => [r.Buchungsnummer, r]));
      assert.deepEqual(Object.keys(rows[0]), ['Datum', 'Beginn', 'Ende', 'Amt', 'Anliegen', 'Kanal', 'Status', 'Buchungsnummer', 'Schalter', 'Konflikt', 'Abgesagt von', 'Abgesagt am']);
      assert.deepEqual(
        [byRef.get(refs.kept)!.Datum, byRef.get(refs.kept)!.Beginn, byRef.get(refs.kept)!.Ende, byRef.get(refs.kept)!.Anliegen, byRef.get(refs.kept)!.Status],
        ['03.12.2026', '09:00', '09:30', '2 × Dienst anmeldung', 'gebucht'],
      );
      assert.equal(byRef.get(refs.cancelled)!.Status, 'abgesagt durch Bürger/in');
      assert.equal(byRef.get(refs.cancelled)!['Abgesagt am'], '30.11.2026 08:00');
      assert.doesNotMatch(plain.bytes.toString('utf8'), /Erika|example\.org|341 555/);

      await page.getByLabel('Mit personenbezogenen Daten', { exact: false }).check();
      const personal = await download(page);
      assert.equal(personal.name, 'termine-a-2026-12-01-2026-12-31-mit-personendaten.csv');
      const withData = new Map(readCsv(personal.bytes).map((r) => [r.Buchungsnummer, r]));
      assert.equal(withData.get(refs.kept)!.Name, 'Erika Mustermann');
      assert.equal(withData.get(refs.kept)!.Telefon, "'+49 341 555");
      const audit = await web.app.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'export.personal_data').execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0].actor, 'staff:lead@example.org');
    } finally {
      await context.close();
    }
  });

  test('the form in English, without JavaScript: axe-core', async () => {
    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      await staffLogin(page, web, 'lead@example.org');
      await page.goto(`${web.url}/staff/export?office=a&lang=en`);
      assert.match(await page.locator('h1').innerText(), /CSV export/);
      await checkPage(page, 'staff-export-02-form-en', false);
      await page.goto(`${web.url}/staff/export.csv?office=a&from=32.12.2026&to=2026-12-31`);
      assert.match(await page.locator('.az-error-summary').innerText(), /“32\.12\.2026” is not a valid date/);
      await checkPage(page, null, false);
    } finally {
      await context.close();
    }
  });
});
