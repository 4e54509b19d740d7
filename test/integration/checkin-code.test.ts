// The kiosk check-in code on the citizen pages (inject, no browser): the
// confirmation page and the manage page of a booked appointment carry the QR
// code as inline SVG named for screen readers, and it decodes to the
// reference; a cancelled appointment's pages carry none.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import jsqr from 'jsqr';
import { buildServer } from '../../src/http/server.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { office, orgConfig, service } from '../fixtures/org-config.ts';

const jsQR = jsqr.default;

class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly server: FastifyInstance) {}
  private store(r: LightMyRequestResponse) {
    for (const c of r.cookies) {
      if (c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(r.body);
    if (m) this.csrf = m[1];
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

/** The check-in code's SVG in a page, painted into pixels and read by a QR decoder. */
function decodeCodeIn(html: string): { label: string; data: string | undefined } | null {
  const svg = /<svg\b([^>]*class="az-checkin__code"[^>]*)>([\s\S]*?)<\/svg>/.exec(html);
  if (!svg) return null;
  assert.match(svg[1], /role="img"/);
  const label = /aria-label="([^"]*)"/.exec(svg[1])![1];
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg[1])![1]);
  const path = /<path d="([^"]+)"/.exec(svg[2])![1];
  const scale = 4;
  const width = size * scale;
  const px = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y, n] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = Number(x) * scale; i < (Number(x) + Number(n)) * scale; i++) {
      for (let j = Number(y) * scale; j < (Number(y) + 1) * scale; j++) px.fill(0, (j * width + i) * 4, (j * width + i) * 4 + 3);
    }
  }
  return { label, data: jsQR(px, width, width)?.data };
}

describe('kiosk check-in code on the citizen pages', () => {
  let app: TestApp;
  let server: FastifyInstance;
  before(async () => {
    app = await createTestApp({ config: orgConfig({
      services: [service('urkunde', 10, 1)],
      offices: [office('buergeramt', { services: ['urkunde'] }), office('standesamt', { services: ['urkunde'], booking: { confirmByEmail: true } })],
    }) });
    server = await buildServer({ ctx: app.ctx, rateLimitPerMinute: 0, trustProxy: true });
  });
  after(async () => {
    await server.close();
    await app.close();
  });

  async function book(c: Client, lang = '', where = 'buergeramt') {
    await c.get(`/buchen/anliegen${lang}`);
    await c.post('/buchen/anliegen', { 'anzahl-urkunde': '1' });
    const toOffice = await c.get('/buchen/termin');
    if (toOffice.statusCode === 303) {
      await c.get(toOffice.headers.location as string);
      await c.post(String(toOffice.headers.location).split('?')[0], { office: where });
      await c.get('/buchen/termin');
    }
    await c.post('/buchen/termin/fruehester', { startsAt: '2026-11-30T09:15:00+01:00' });
    await c.get('/buchen/kontakt');
    await c.post('/buchen/kontakt', { name: 'Anna Beispiel', email: 'anna@example.org', consent: 'ja' });
    await c.get('/buchen/pruefen');
    const booked = await c.post('/buchen/pruefen', {});
    assert.equal(booked.headers.location, '/buchen/bestaetigung');
    const done = await c.get('/buchen/bestaetigung');
    const reference = /<strong class="az-reference">([A-Z0-9]{4}-[A-Z0-9]{4})<\/strong>/.exec(done.body)![1];
    const link = /class="kern-link az-manage-link" href="([^"]+)"/.exec(done.body)![1].replace(/&amp;/g, '&');
    return { done, reference, link };
  }

  test('the confirmation and manage pages carry the code with the reference, named for screen readers; cancelled: none', async () => {
    const c = new Client(server);
    const { done, reference, link } = await book(c);
    const code = decodeCodeIn(done.body);
    assert.ok(code, 'the confirmation page has the check-in code');
    assert.equal(code.label, `QR-Code mit Ihrer Buchungsnummer ${reference} zum Einchecken am Terminal`);
    assert.equal(code.data, reference, 'the code holds exactly the reference');
    assert.match(done.body, /Am Tag des Termins: Code am Terminal im Wartebereich scannen oder Buchungsnummer eingeben/);
    assert.doesNotMatch(code.data!, /token|http/);

    const manage = await c.get(link);
    assert.equal(decodeCodeIn(manage.body)?.data, reference, 'the manage page of the booked appointment has it too');

    const token = new URL(link, 'http://x').searchParams.get('token')!;
    await c.get(link.replace('?', '/absagen?'));
    const cancelled = await c.post(`/termin/${reference}/absagen`, { token });
    assert.equal(cancelled.statusCode, 303);
    const after = await c.get(link);
    assert.match(after.body, /abgesagt/);
    assert.equal(decodeCodeIn(after.body), null, 'a cancelled appointment has no check-in code');
    assert.doesNotMatch(after.body, /az-checkin/);
    const doneAfter = await c.get('/buchen/bestaetigung');
    assert.doesNotMatch(doneAfter.body, /az-checkin/, 'nor has its confirmation page');
  });

  test('a booking that awaits confirmation by e-mail has no code yet; once confirmed, its manage page has it', async () => {
    const c = new Client(server);
    const { done, reference, link } = await book(c, '', 'standesamt');
    assert.match(done.body, /Bitte bestätigen Sie Ihren Termin/);
    assert.doesNotMatch(done.body, /az-checkin/);
    assert.doesNotMatch((await c.get(link)).body, /az-checkin/);
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const confirmed = await c.post(`/termin/${reference}/bestaetigen`, { token });
    assert.equal(confirmed.statusCode, 303);
    assert.equal(decodeCodeIn((await c.get(link)).body)?.data, reference);
  });

  test('in English', async () => {
    const c = new Client(server);
    const { done, reference } = await book(c, '?lang=en');
    const code = decodeCodeIn(done.body);
    assert.equal(code?.label, `QR code with your reference ${reference} for checking in at the kiosk`);
    assert.equal(code?.data, reference);
    assert.match(done.body, /On the day of the appointment: scan the code at the kiosk/);
  });
});
