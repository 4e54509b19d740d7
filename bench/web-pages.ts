// Bench (d): server render time of each citizen page (through Fastify's inject,
// on an in-memory PGlite with the demo city), and the bytes a first visit
// transfers (the start page and everything it loads, compressed as a browser
// asks for it).
import type { FastifyInstance } from 'fastify';
import { loadDemoConfig } from '../src/config/demo.ts';
import { buildServer } from '../src/http/server.ts';
import { createTestApp } from '../test/fixtures/test-app.ts';
import { quantile } from './stats.ts';

export interface PageTiming {
  page: string;
  p50: number;
  p99: number;
  htmlBytes: number;
}

export interface WebFigures {
  pages: PageTiming[];
  firstVisitBytes: number;
  firstVisitRequests: number;
}

const FIRST_VISIT = [
  '/', '/static/kern/kern.min.css', '/static/fonts.css', '/static/app.css',
  '/static/fonts/amtszeit-sans-regular.woff2', '/static/fonts/amtszeit-sans-semibold.woff2',
];

export async function webPages(runs: number): Promise<WebFigures> {
  const app = await createTestApp({ config: loadDemoConfig().config, now: Date.now() });
  const server = await buildServer({ ctx: app.ctx, rateLimitPerMinute: 0 });
  try {
    const browser = new Browser(server);
    const pages: PageTiming[] = [];
    const time = async (page: string, url: string) => pages.push(await browser.time(page, url, runs));
    await time('start', '/');
    await time('step 1 concerns', '/buchen/anliegen');
    await browser.post('/buchen/anliegen', { 'anzahl-personalausweis': '2', 'anzahl-anmeldung': '1' });
    await time('step 2 calendar', '/buchen/termin');
    const avail = await server.inject({ url: '/api/v1/availability?office=einwohnermeldeamt&services=personalausweis:2,anmeldung:1' });
    const earliest = avail.json().earliest as { date: string; startsAt: string };
    await time('step 2 with day times', `/buchen/termin?monat=${earliest.date.slice(0, 7)}&tag=${earliest.date}`);
    await browser.post('/buchen/termin', { startsAt: earliest.startsAt });
    await time('step 3 contact', '/buchen/kontakt');
    await browser.post('/buchen/kontakt', { name: 'Bench Mark', email: 'bench@example.org', consent: 'ja' });
    await time('step 4 review', '/buchen/pruefen');
    await browser.post('/buchen/pruefen', {});
    await time('confirmation', '/buchen/bestaetigung');
    const done = await browser.get('/buchen/bestaetigung');
    const manage = /class="kern-link az-manage-link" href="([^"]+)"/.exec(done.body)?.[1]?.replace(/&amp;/g, '&');
    if (manage) await time('manage', manage);

    let bytes = 0;
    for (const url of FIRST_VISIT) {
      const r = await server.inject({ url, headers: { accept: 'text/html,*/*', 'accept-encoding': 'br, gzip' } });
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode}`);
      bytes += r.rawPayload.length;
    }
    return { pages, firstVisitBytes: bytes, firstVisitRequests: FIRST_VISIT.length };
  } finally {
    await server.close();
    await app.close();
  }
}

/** Keeps the session cookie and CSRF token like a browser filling in the forms. */
class Browser {
  private jar = new Map<string, string>();
  private csrf = '';
  constructor(private server: FastifyInstance) {}

  private async request(method: 'GET' | 'POST', url: string, form?: Record<string, string>) {
    const r = await this.server.inject({
      method,
      url,
      payload: form ? new URLSearchParams({ _csrf: this.csrf, ...form }).toString() : undefined,
      headers: {
        accept: 'text/html',
        cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
    });
    for (const c of r.cookies) this.jar.set(c.name, c.value);
    const m = /name="_csrf" value="([^"]+)"/.exec(r.body);
    if (m) this.csrf = m[1];
    return r;
  }

  get(url: string) {
    return this.request('GET', url);
  }

  post(url: string, form: Record<string, string>) {
    return this.request('POST', url, form);
  }

  async time(page: string, url: string, runs: number): Promise<PageTiming> {
    for (let i = 0; i < 20; i++) await this.get(url);
    const ms: number[] = [];
    let htmlBytes = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const r = await this.get(url);
      ms.push(performance.now() - t);
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode}`);
      htmlBytes = r.body.length;
    }
    return { page, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), htmlBytes };
  }
}
