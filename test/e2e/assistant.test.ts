// The finder and the guided assistant in a real browser (Chromium via
// playwright-core), with JavaScript off and on; axe-core on every page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, checkPage, launch, newPage, startWebServer, type WebServer } from './harness.ts';

const skip = browserSkip();

describe('assistant and finder in Chromium', { skip }, () => {
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

  const check = (page: Page, name: string | null, javaScript: boolean) => checkPage(page, name, javaScript);

  test('assistant in English without JavaScript: a lost ID card, axe-clean', async () => {
    const { context, page } = await newPage(browser, { javaScript: false });
    try {
      await page.goto(`${web.url}/buchen/assistent?lang=en`);
      assert.equal(await page.locator('h1').innerText(), 'What is it about?');
      await page.getByLabel('My ID card is lost, stolen or expired').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByLabel('It is lost or stolen').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      const main = await page.locator('main').innerText();
      assert.match(main, /Reporting a lost or stolen ID card or passport/);
      assert.match(main, /Applying for an ID card/);
      assert.match(main, /police report/);
      await check(page, 'assistant-en-result', false);
      // leave the assistant: step 1 with nothing chosen
      await page.getByRole('link', { name: 'Leave the assistant and choose concerns yourself' }).click();
      await page.waitForURL(/\/buchen\/anliegen$/);
    } finally {
      await context.close();
    }
  });

  for (const javaScript of [false, true]) {
    const mode = javaScript ? 'js' : 'nojs';

    test(`assistant ${javaScript ? 'with' : 'without'} JavaScript: moving here from abroad ends in step 2 with registration for two`, async () => {
      const { context, page } = await newPage(browser, { javaScript });
      try {
        await page.goto(`${web.url}/`);
        await page.getByRole('link', { name: 'Assistent starten' }).click();
        await page.waitForURL(/\/buchen\/assistent$/);
        assert.equal(await page.locator('h1').innerText(), 'Worum geht es?');
        await check(page, `assistant-${mode}-01-question`, javaScript);

        // no answer: an error, then the answer
        await page.getByRole('button', { name: 'Weiter' }).click();
        assert.match(await page.locator('.az-error-summary').innerText(), /Bitte wählen Sie eine Antwort/);
        await check(page, null, javaScript);
        await page.getByLabel('Ich ziehe um oder bin umgezogen').check();
        await page.getByRole('button', { name: 'Weiter' }).click();
        assert.equal(await page.locator('h1').innerText(), 'Wohin ziehen Sie?');
        await page.getByLabel('Nach Markkleeberg (von außerhalb)').check();
        await page.getByRole('button', { name: 'Weiter' }).click();
        assert.equal(await page.locator('h1').innerText(), 'Ziehen Sie aus dem Ausland zu?');
        await check(page, `assistant-${mode}-02-abroad`, javaScript);

        // back one step, and forward again
        await page.getByRole('link', { name: 'Zurück' }).click();
        assert.equal(await page.locator('h1').innerText(), 'Wohin ziehen Sie?');
        await page.getByLabel('Nach Markkleeberg (von außerhalb)').check();
        await page.getByRole('button', { name: 'Weiter' }).click();
        await page.getByLabel('Ja, aus dem Ausland').check();
        await page.getByRole('button', { name: 'Weiter' }).click();

        // the suggestion: registration with the landlord's confirmation
        assert.match(await page.locator('h1').innerText(), /Diese Anliegen passen/);
        const main = await page.locator('main').innerText();
        assert.match(main, /Wohnungsgeberbestätigung/);
        assert.match(main, /Ihre Antworten/);
        await check(page, `assistant-${mode}-03-result`, javaScript);
        await page.locator('#anzahl-anmeldung').selectOption('2');
        await check(page, null, javaScript);
        await page.getByRole('button', { name: 'Weiter zu Tag und Uhrzeit' }).click();

        // step 2, with the concerns preselected
        await page.waitForURL(/\/buchen\/termin/);
        assert.match(await page.locator('h1').innerText(), /Wann möchten Sie kommen/);
        assert.match(await page.locator('main').innerText(), /etwa 20 Minuten/);
        await page.goto(`${web.url}/buchen/anliegen`);
        assert.equal(await page.locator('#anzahl-anmeldung').inputValue(), '2');
      } finally {
        await context.close();
      }
    });

    test(`finder ${javaScript ? 'filters as you type' : 'works as a GET form'}; help opens in place; the FAQ`, async () => {
      const { context, page } = await newPage(browser, { javaScript });
      try {
        await page.goto(`${web.url}/buchen/anliegen`);
        // help opens in place
        const help = page.locator('#hilfe-anliegen');
        assert.equal(await help.evaluate((d) => (d as HTMLDetailsElement).open), false);
        await help.locator('summary').click();
        assert.equal(await help.evaluate((d) => (d as HTMLDetailsElement).open), true);
        assert.match(await help.innerText(), /Die Anzahl zählt Personen/);

        await page.getByLabel('Anliegen suchen').fill('reisepas');
        if (javaScript) {
          // no submit: the list filters itself
          await page.locator('#finder-results .az-finder__list a').first().waitFor();
        } else {
          await page.getByRole('button', { name: 'Suchen' }).click();
          await page.waitForURL(/q=reisepas/);
        }
        assert.equal(await page.locator('#finder-results .az-finder__list a').first().innerText(), 'Reisepass beantragen');
        assert.equal(await page.locator('.az-concern[data-id="reisepass"]').isVisible(), true);
        assert.equal(await page.locator('.az-concern[data-id="sterbeurkunde"]').isVisible(), false);
        await check(page, `finder-${mode}-01-results`, javaScript);

        // nothing offered: said plainly, with where to go instead
        await page.getByLabel('Anliegen suchen').fill('Kfz ummelden');
        if (!javaScript) await page.getByRole('button', { name: 'Suchen' }).click();
        await page.getByText('Zulassungsbehörde').waitFor();
        await check(page, null, javaScript);

        // choose the passport from the filtered list and go on
        await page.getByLabel('Anliegen suchen').fill('pass');
        if (!javaScript) await page.getByRole('button', { name: 'Suchen' }).click();
        await page.locator('#finder-results .az-finder__list a').first().waitFor();
        await page.locator('#anzahl-reisepass').selectOption('1');
        await page.getByRole('button', { name: 'Weiter' }).click();
        await page.waitForURL(/\/buchen\/termin/);

        await page.getByRole('link', { name: 'Häufige Fragen' }).click();
        await page.waitForURL(/\/hilfe$/);
        await page.getByText('Wie verschiebe oder sage ich einen Termin ab?').click();
        assert.match(await page.locator('main').innerText(), /Link in der Bestätigungs-E-Mail/);
        await check(page, `faq-${mode}`, javaScript);
      } finally {
        await context.close();
      }
    });
  }
});
