// The finder, the guided assistant and the help pages of the demo city
// through Fastify's inject (no browser): GET form results best first, "not
// offered here" answers, the fragment for filtering as you type, the API,
// the assistant's question pages, its result taken into the journey, the FAQ.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { loadDemoConfig } from '../../src/config/demo.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { buildCatalog } from '../../src/app/catalog.ts';
import { concernSummary } from '../../src/http/web/steps/review.ts';
import { texts } from '../../src/http/views/texts.ts';

class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly server: FastifyInstance) {}
  private store(r: LightMyRequestResponse) {
    for (const c of r.cookies) this.cookies.set(c.name, c.value);
    const m = /name="_csrf" value="([^"]+)"/.exec(r.body);
    if (m) this.csrf = m[1]!;
  }
  private get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async get(url: string) {
    const r = await this.server.inject({ url, headers: { accept: 'text/html', cookie: this.cookieHeader } });
    this.store(r);
    return r;
  }
  async post(url: string, form: Record<string, string>) {
    const r = await this.server.inject({
      method: 'POST', url, payload: new URLSearchParams({ _csrf: this.csrf, ...form }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie: this.cookieHeader },
    });
    this.store(r);
    return r;
  }
}

/** The ids of the finder's results in the page, in their order. */
function resultIds(html: string): string[] {
  const m = /id="finder-results"[^>]*data-ids="([^"]*)"/.exec(html);
  return m ? m[1]!.split(' ').filter(Boolean) : [];
}

describe('finder and assistant (demo city)', () => {
  let app: TestApp;
  let server: FastifyInstance;
  before(async () => {
    app = await createTestApp({ config: loadDemoConfig().config });
    server = await buildServer({ ctx: app.ctx, rateLimitPerMinute: 0, trustProxy: true });
  });
  after(async () => {
    await server.close();
    await app.close();
  });

  test('step 1 has the search form, help that opens in place, and a link to the assistant', async () => {
    const r = await new Client(server).get('/buchen/anliegen');
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /<form method="get" action="\/buchen\/anliegen" id="finder-form"/);
    assert.match(r.body, /<details class="kern-accordion az-help"/);
    assert.match(r.body, /href="\/buchen\/assistent"/);
    assert.match(r.body, /src="\/static\/finder\.js/);
    assert.deepEqual(resultIds(r.body), []);
  });

  test('the GET form finds everyday words without JavaScript, best first, and hides the rest', async () => {
    const r = await new Client(server).get('/buchen/anliegen?q=perso');
    assert.equal(r.statusCode, 200);
    assert.equal(resultIds(r.body)[0], 'personalausweis');
    assert.match(r.body, /passende Anliegen für „perso“|passendes Anliegen für „perso“/);
    assert.match(r.body, /<div class="az-concern"[^>]*data-id="sterbeurkunde" hidden/);
    assert.doesNotMatch(r.body, /<div class="az-concern"[^>]*data-id="personalausweis" hidden/);
    const en = await new Client(server).get('/buchen/anliegen?q=I%20moved%20here&lang=en');
    assert.equal(resultIds(en.body)[0], 'anmeldung');
    assert.match(en.body, /matching concern/);
  });

  test('nothing offered: said plainly, with where to go instead when configured', async () => {
    const tax = await new Client(server).get('/buchen/anliegen?q=Hundesteuer');
    assert.deepEqual(resultIds(tax.body), []);
    assert.match(tax.body, /Für „Hundesteuer“ haben wir kein passendes Anliegen gefunden/);
    assert.match(tax.body, /Steuerabteilung/);
    const none = await new Client(server).get('/buchen/anliegen?q=xyzzy');
    assert.match(none.body, /kein passendes Anliegen/);
    assert.match(none.body, /Rufen Sie uns an \(0341 35330\)/);
    // nothing hidden when nothing matched: the whole list is there to choose from
    assert.doesNotMatch(none.body, /class="az-concern"[^>]* hidden/);
  });

  test('the results fragment for filtering as you type', async () => {
    const r = await server.inject({ url: '/buchen/anliegen/suche?q=fuhrungszeugnis' });
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /text\/html/);
    assert.ok(r.body.startsWith('<div id="finder-results"'));
    assert.equal(resultIds(r.body)[0], 'fuehrungszeugnis');
  });

  test('the API answers best first', async () => {
    const r = await server.inject({ url: '/api/v1/services?q=reisepas' });
    assert.equal(r.statusCode, 200);
    assert.equal(r.json()[0].id, 'reisepass');
    const none = await server.inject({ url: '/api/v1/services?q=xyzzy' });
    assert.deepEqual(none.json(), []);
  });

  test('the assistant: one question per page, back links, an answer required, the way out', async () => {
    const c = new Client(server);
    const first = await c.get('/buchen/assistent');
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /<h1 class="kern-heading-large">Worum geht es\?<\/h1>/);
    assert.match(first.body, /name="pfad" value="0"/);
    assert.match(first.body, /href="\/buchen\/anliegen">Zurück</);
    const missing = await c.get('/buchen/assistent?von=0');
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Bitte wählen Sie eine Antwort/);
    assert.match(missing.body, /Wohin ziehen Sie\?/);
    const abroad = await c.get('/buchen/assistent?pfad=0-0');
    assert.match(abroad.body, /Ziehen Sie aus dem Ausland zu\?/);
    assert.match(abroad.body, /href="\/buchen\/assistent\?pfad=0">Zurück</);
    assert.match(abroad.body, /Assistent verlassen/);
    const wrong = await c.get('/buchen/assistent?pfad=0-7-3');
    assert.equal(wrong.statusCode, 303);
    assert.equal(wrong.headers.location, '/buchen/assistent?pfad=0');
  });

  test('the result goes into the journey: step 2 with the concerns preselected', async () => {
    const c = new Client(server);
    const result = await c.get('/buchen/assistent?pfad=0-0-0');
    assert.equal(result.statusCode, 200);
    assert.match(result.body, /Wohnungsgeberbestätigung/);
    assert.match(result.body, /<select[^>]*id="anzahl-anmeldung"/);
    const post = await c.post('/buchen/assistent', { pfad: '0-0-0', 'anzahl-anmeldung': '2', ziel: 'termin' });
    assert.equal(post.statusCode, 303);
    assert.equal(post.headers.location, '/buchen/termin');
    const time = await c.get('/buchen/termin');
    assert.equal(time.statusCode, 200);
    const step1 = await c.get('/buchen/anliegen');
    assert.match(step1.body, /<option value="2" selected="">2<\/option>|<option value="2" selected>2<\/option>/);
  });

  test('the result with nothing chosen stays on the page with a message; "adjust" goes to step 1', async () => {
    const c = new Client(server);
    await c.get('/buchen/assistent?pfad=1-0');
    const none = await c.post('/buchen/assistent', { pfad: '1-0', ziel: 'termin' });
    assert.equal(none.statusCode, 303);
    assert.equal(none.headers.location, '/buchen/assistent?pfad=1-0');
    const again = await c.get('/buchen/assistent?pfad=1-0');
    assert.match(again.body, /Bitte wählen Sie mindestens ein Anliegen/);
    const adjust = await c.post('/buchen/assistent', { pfad: '1-0', 'anzahl-ausweis-verlust': '1', 'anzahl-personalausweis': '1', ziel: 'anliegen' });
    assert.equal(adjust.headers.location, '/buchen/anliegen');
    const step1 = await c.get('/buchen/anliegen');
    assert.match(step1.body, /id="anzahl-ausweis-verlust"[^>]*checked/);
  });

  test('in English: the assistant and its result', async () => {
    const c = new Client(server);
    const q = await c.get('/buchen/assistent?lang=en');
    assert.match(q.body, /<h1 class="kern-heading-large">What is it about\?<\/h1>/);
    const r = await c.get('/buchen/assistent?pfad=1-0');
    assert.match(r.body, /These concerns match your answers/);
    assert.match(r.body, /Reporting a lost or stolen ID card or passport/);
    assert.match(r.body, /police report/);
    const faq = await c.get('/hilfe');
    assert.match(faq.body, /Frequently asked questions/);
  });

  test('review and confirmation use one checklist: each document once, per person where booked several times', () => {
    const catalog = buildCatalog('default', loadDemoConfig().config);
    const { documents } = concernSummary(catalog, [
      { id: 'personalausweis', quantity: 2 },
      { id: 'meldebescheinigung', quantity: 1 },
      { id: 'fuehrungszeugnis', quantity: 1 },
    ], 'de', texts('de'));
    assert.equal(documents.filter((d) => /^Personalausweis oder Reisepass$/.test(d)).length, 1);
    assert.ok(documents.includes('je Person (2×): bisheriger Personalausweis oder Reisepass'), documents.join('\n'));
    const en = concernSummary(catalog, [{ id: 'reisepass', quantity: 3 }], 'en', texts('en')).documents;
    assert.ok(en.includes('per person (3×): your current passport or ID card'), en.join('\n'));
  });

  test('the FAQ page, linked from every page footer', async () => {
    const c = new Client(server);
    const faq = await c.get('/hilfe');
    assert.equal(faq.statusCode, 200);
    assert.match(faq.body, /Häufige Fragen/);
    assert.match(faq.body, /<details class="kern-accordion az-help" id="frage-1"/);
    for (const url of ['/', '/buchen/anliegen', '/buchen/assistent', '/impressum']) {
      assert.match((await c.get(url)).body, /<a class="kern-link" href="\/hilfe">/, url);
    }
  });
});
