// The browser harness itself: the accessibility check must be able to fail,
// on pages seen with and without JavaScript, and report what it found.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { axeViolations, browserSkip, launch, newPage } from './harness.ts';

const skip = browserSkip();

const BAD_PAGE = `<!doctype html><html lang="de"><head><title>Test</title></head>
<body><main><h1>Formular</h1><input type="text" id="name"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" ></main></body></html>`;
const GOOD_PAGE = `<!doctype html><html lang="de"><head><title>Test</title></head>
<body><main><h1>Formular</h1><label for="name">Name</label><input type="text" id="name"></main></body></html>`;

/** Bad as served; its script would label the field and describe the image, were it run. */
const MENDED_BY_SCRIPT = BAD_PAGE.replace('</main>', `</main><script>
  document.querySelector('img').alt = 'Punkt';
  document.querySelector('input').setAttribute('aria-label', 'Name');
</script>`);

describe('accessibility check in Chromium', { skip }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  for (const javaScript of [false, true]) {
    test(`finds an unlabelled field and an image without text (JavaScript ${javaScript ? 'on' : 'off'}), and nothing on a clean page`, async () => {
      const { context, page } = await newPage(browser, { javaScript });
      try {
        await page.route('http://harness.test/**', (route) =>
          route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: { bad: BAD_PAGE, good: GOOD_PAGE, mended: MENDED_BY_SCRIPT }[route.request().url().split('/').pop()!] }),
        );
        await page.goto('http://harness.test/bad');
        const found = await axeViolations(page, { javaScript });
        assert.ok(found.some((v) => v.startsWith('label ')), found.join('\n'));
        assert.ok(found.some((v) => v.startsWith('image-alt ')), found.join('\n'));
        assert.match(found.find((v) => v.startsWith('label '))!, /#name/);
        await page.goto('http://harness.test/good');
        assert.deepEqual(await axeViolations(page, { javaScript }), []);
        // the page is checked as this person gets it: mended by its script only when script runs
        await page.goto('http://harness.test/mended');
        const mended = await axeViolations(page, { javaScript });
        if (javaScript) assert.deepEqual(mended, []);
        else assert.deepEqual(mended.map((v) => v.split(' ')[0]).sort(), ['image-alt', 'label']);
      } finally {
        await context.close();
      }
    });
  }
});
