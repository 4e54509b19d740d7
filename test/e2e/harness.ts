// Browser tests: Debian's Chromium through playwright-core, against a server
// on 127.0.0.1 with a fresh database and a fixed clock. Without Chromium the
// tests skip with a notice, unless REQUIRE_BROWSER=1 (CI), where that fails.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
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

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
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
      await server.close();
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
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/**
 * axe-core with WCAG 2.1 A and AA; returns the violations as readable lines.
 * axe runs as script in the page: for a page seen with JavaScript off, the
 * same HTML is replayed at the same address in a fresh context with script on
 * (stylesheets and fonts load from the server as before).
 */
export async function axeViolations(page: Page, opts: { javaScript: boolean }): Promise<string[]> {
  let target = page;
  let cleanup = async () => {};
  if (!opts.javaScript) {
    const html = await page.content();
    const url = page.url();
    const browser = page.context().browser()!;
    const ctx = await browser.newContext({ viewport: page.viewportSize() ?? { width: 1280, height: 900 } });
    ctx.setDefaultTimeout(15_000);
    target = await ctx.newPage();
    await target.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await target.goto(url);
    cleanup = () => ctx.close();
  }
  try {
    const r = await new AxeBuilder({ page: target }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  } finally {
    await cleanup();
  }
}

/** Full-page screenshots at 390 and 1280 px into test-results/screenshots (git-ignored). */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  // mobile first: at 320 px nothing may scroll sideways
  await page.setViewportSize({ width: 320, height: 900 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  if (wide > 320) throw new Error(`${name}: ${wide} px wide at a 320 px viewport`);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(size);
}

/** axe-core must find nothing on the page; then screenshots at 390 and 1280 px when named. */
export async function checkPage(page: Page, name: string | null, javaScript: boolean): Promise<void> {
  const violations = await axeViolations(page, { javaScript });
  if (violations.length > 0) throw new Error(`axe on ${page.url()}:\n${violations.join('\n')}`);
  if (name) await screenshots(page, name);
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
