// Browser tests: Debian's Chromium through playwright-core, against a server
// on 127.0.0.1 with a fresh database and a fixed clock. Without Chromium the
// tests skip with a notice, unless REQUIRE_BROWSER=1 (CI), where that fails.
import { existsSync, mkdirSync, readFileSync, statfsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadDemoConfig } from '../../src/config/demo.ts';
import type { OrgConfig } from '../../src/domain/types.ts';
import { buildServer } from '../../src/http/server.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { office, orgConfig, service } from '../fixtures/org-config.ts';
import { addUser } from '../../src/app/staff/add-user.ts';
import type { StaffRole } from '../../src/db/schema.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

/** Monday 2026-11-30, 08:00 in Berlin: the demo city's first bookable day is Tuesday 1 December. */
export const DEMO_NOW = Date.parse('2026-11-30T07:00:00Z');

/**
 * The longest one browser step (a click, a navigation, a wait for text) may
 * take before it counts as a hang. Tests have no suite-level limits: a busy
 * 2-core machine makes a whole suite slow, but no single step this slow.
 * The test runner's watchdog (TEST_FILE_TIMEOUT_MS) catches anything else.
 */
export const STEP_TIMEOUT_MS = Number(process.env.BROWSER_STEP_TIMEOUT_MS) || 30_000;

let notice = false;
/** The reason browser tests are skipped, or false when they can run. */
export function browserSkip(): string | false {
  if (existsSync(CHROMIUM)) return false;
  const why = `Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH): browser tests skipped`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but ${why}`);
  if (!notice) {
    notice = true;
    console.log(`NOTICE: ${why}`);
  }
  return why;
}

/** Shared memory in /dev/shm when it has room (a tmpfs), instead of files in /tmp, which may sit on a disk. */
function devShmHasRoom(): boolean {
  try {
    const fs = statfsSync('/dev/shm');
    return fs.bavail * fs.bsize >= 1024 ** 3;
  } catch {
    return false;
  }
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: STEP_TIMEOUT_MS,
    // The machine's flags, plus one process per tab instead of one per site:
    // every page comes from 127.0.0.1, and fewer processes leave the 2 cores to the test.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-site-isolation-trials'],
    ...(devShmHasRoom() ? { ignoreDefaultArgs: ['--disable-dev-shm-usage'] } : {}),
  });
}

export interface WebServer {
  url: string;
  app: TestApp;
  server: FastifyInstance;
  close(): Promise<void>;
}

export async function startWebServer(opts: { config?: OrgConfig; now?: number } = {}): Promise<WebServer> {
  const config = opts.config ?? loadDemoConfig().config;
  const app = await createTestApp({ config, now: opts.now ?? DEMO_NOW });
  const server = await buildServer({ ctx: app.ctx, rateLimitPerMinute: 0 });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    server,
    async close() {
      // A browser context may still hold keep-alive connections: close them
      // all, so the server stops at once instead of waiting for their timeout.
      const stopping = server.close();
      server.server.closeAllConnections();
      await stopping;
      await app.close();
    },
  };
}

export async function newPage(browser: Browser, opts: { javaScript?: boolean; width?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    javaScriptEnabled: opts.javaScript ?? true,
    viewport: { width: opts.width ?? 1280, height: 900 },
    locale: 'de-DE',
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  explainWaits(page);
  return { context, page };
}

/**
 * A wait for the next page that runs out says where the browser is instead
 * and which requests are still unanswered, so a failure seen once on a busy
 * CI machine can be understood from its log.
 */
function explainWaits(page: Page): void {
  const pending = new Map<object, string>();
  const documents: string[] = [];
  page.on('request', (r) => pending.set(r, `${r.method()} ${r.url()}`));
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('response', (r) => {
    if (r.request().resourceType() === 'document') documents.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`);
  });
  page.on('requestfailed', (r) => pending.set(r, `${r.method()} ${r.url()} failed: ${r.failure()?.errorText ?? '?'}`));
  const waitForURL = page.waitForURL.bind(page);
  page.waitForURL = async (...args: Parameters<Page['waitForURL']>) => {
    try {
      return await waitForURL(...args);
    } catch (e) {
      const heading = await page.locator('h1').first().innerText({ timeout: 1_000 }).catch(() => '?');
      const errors = await page.locator('.az-error-summary').allInnerTexts().catch(() => []);
      throw new Error(
        `${(e as Error).message.split('\n')[0]}\n  the browser is at ${page.url()} ("${heading}")${errors.length ? `, errors: ${errors.join(' | ')}` : ''}`
          + `\n  requests without an answer: ${[...pending.values()].join('; ') || 'none'}`
          + `\n  the last pages asked for: ${documents.slice(-6).join(', ')}`,
        { cause: e },
      );
    }
  };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.1 A and AA; only violations are collected (passes and the rest cost time and are not read). */
const AXE_OPTIONS = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] };

interface AxeViolation { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }

/**
 * In a page seen with JavaScript off, the page's own scripts never ran, and timers
 * never fire; axe waits on timers, so for the check they run as microtasks.
 */
const TIMERS_AS_MICROTASKS = `window.setTimeout = (fn, ms, ...args) => { Promise.resolve().then(() => fn(...args)); return 0; };
  window.clearTimeout = () => {};`;

/**
 * axe-core with WCAG 2.1 A and AA; returns the violations as readable lines.
 * axe runs in the page as it is: with JavaScript off too (the test's evaluation
 * still runs there; the page's scripts do not), so the DOM checked is the one
 * the person without JavaScript gets.
 */
export async function axeViolations(page: Page, opts: { javaScript: boolean }): Promise<string[]> {
  const loaded = () => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function';
  if (!(await page.evaluate(loaded))) {
    if (!opts.javaScript) await page.evaluate(TIMERS_AS_MICROTASKS);
    await page.evaluate(AXE_SOURCE);
  }
  const violations = await page.evaluate(
    (options) => (window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe
      .run(document, options)
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }))),
    AXE_OPTIONS,
  );
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** Screenshots are for people to look at, not for the tests: `SCREENSHOTS=1 npm test -- e2e` writes them. */
const TAKE_SCREENSHOTS = process.env.SCREENSHOTS === '1';

/**
 * At 320 px nothing may scroll sideways (WCAG 1.4.10 reflow); with
 * SCREENSHOTS=1 also full-page screenshots at 390 and 1280 px into
 * test-results/screenshots (git-ignored).
 */
export async function checkReflow(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  // A focused field is scrolled into view by Chromium some frames after a
  // resize, which would move the next button under the test's click (seen as
  // a click that sent nothing): take the focus away while resizing, and put
  // focus and scroll position back afterwards.
  const focused = await page.evaluateHandle(() => {
    const el = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    el?.blur();
    return { el, x: window.scrollX, y: window.scrollY };
  });
  await page.setViewportSize({ width: 320, height: 900 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  if (wide > 320) throw new Error(`${name}: ${wide} px wide at a 320 px viewport`);
  if (TAKE_SCREENSHOTS) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
    }
  }
  await page.setViewportSize(size);
  await focused.evaluate(({ el, x, y }) => {
    window.scrollTo(x, y);
    el?.focus({ preventScroll: true });
  });
  await focused.dispose();
}

/** axe's finding for a page that reloads itself (`<meta http-equiv="refresh">`), for the pages where that is their purpose. */
export const META_REFRESH = 'meta-refresh (critical): Delayed refresh under 20 hours must not be used — meta[http-equiv="refresh"]';

/** axe-core must find nothing on the page; when named, it must also reflow at 320 px (and is photographed with SCREENSHOTS=1). */
export async function checkPage(page: Page, name: string | null, javaScript: boolean): Promise<void> {
  const violations = await axeViolations(page, { javaScript });
  if (violations.length > 0) throw new Error(`axe on ${page.url()}:\n${violations.join('\n')}`);
  if (name) await checkReflow(page, name);
}

/** The back office's browser tests share a password, and log in the same way. */
export const STAFF_PASSWORD = 'correct horse battery';

/** Two offices (a, b; two counters 08:00-12:00 on weekdays) with two concerns, on Monday 30 Nov 2026 08:00. */
export function twoOffices(): OrgConfig {
  return orgConfig({
    services: [service('anmeldung', 15, 5), service('ausweis', 20, 3)],
    offices: [office('a', { name: 'Bürgeramt A' }), office('b', { name: 'Bürgeramt B' })],
  });
}

/** A server for the back office with these users (password STAFF_PASSWORD). */
export async function startStaffServer(
  users: { email: string; name: string; role: StaffRole; offices: string[] }[],
  config: OrgConfig = twoOffices(),
): Promise<WebServer> {
  const web = await startWebServer({ config, now: Date.parse('2026-11-30T07:00:00Z') });
  for (const u of users) await addUser(web.app.ctx, { ...u, password: STAFF_PASSWORD });
  return web;
}

export async function staffLogin(page: Page, web: WebServer, email: string, password = STAFF_PASSWORD): Promise<void> {
  await page.goto(`${web.url}/staff/login`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(/\/staff$/);
}
