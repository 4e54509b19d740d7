// The phone booking form's concern search, without JavaScript: the citizens'
// finder (everyday words, typos) as a GET search in the booking form. The
// matching concerns come first, best first; the others wait folded away
// ("Weitere Anliegen"), and every quantity already entered is kept. After the
// search the page lands at the concerns, after "Freie Zeiten suchen" at the times.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { addUser } from '../../src/app/staff/add-user.ts';
import { loadDemoConfig } from '../../src/config/demo.ts';
import { buildServer } from '../../src/http/server.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { Client, PASSWORD } from './staff-helpers.ts';

const OFFICE = 'einwohnermeldeamt';

describe('staff: the concern search on the booking form (no JavaScript)', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let clerk: Client;
  before(async () => {
    app = await createTestApp({ config: loadDemoConfig().config, now: Date.parse('2026-11-30T08:00:00+01:00') });
    await addUser(app.ctx, { email: 'clerk@example.org', name: 'Clara Clerk', role: 'clerk', offices: [OFFICE], password: PASSWORD });
    server = await buildServer({ ctx: app.ctx, rateLimitPerMinute: 0 });
    clerk = new Client(server);
    assert.equal((await clerk.login('clerk@example.org')).statusCode, 303);
  });
  after(async () => {
    await server.close();
    await app.close();
  });

  /** The ids of the quantity fields in page order, split at the folded "others". */
  const rows = (html: string) => {
    const fieldset = /<fieldset[^>]*id="concerns"[\s\S]*?<\/fieldset>/.exec(html)?.[0] ?? '';
    const [shown, folded = ''] = fieldset.split(/<details/);
    const ids = (s: string) => [...s.matchAll(/<input[^>]*id="q_([^"]+)"/g)].map((m) => m[1]);
    return { shown: ids(shown), folded: ids(folded) };
  };
  const value = (html: string, id: string) => new RegExp(`<input[^>]*id="q_${id}"[^>]*value="(\\d+)"`).exec(html)?.[1];

  test('the form has a search field with its own button, which lands at the concerns', async () => {
    const r = await clerk.get('/staff/buchen');
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /<label class="kern-label" for="suche">Anliegen suchen<\/label>/);
    assert.match(r.body, /<input[^>]*type="search"[^>]*id="suche"[^>]*name="suche"/);
    assert.match(r.body, /<button type="submit"[^>]*name="aktion" value="suchen"[^>]*formaction="\/staff\/buchen#anliegen"/);
    // every concern of the office, none folded away
    assert.equal(rows(r.body).shown.length, 11);
    assert.equal(rows(r.body).folded.length, 0);
  });

  test('a search shows the matching concerns first, best first, folds the others away and keeps the quantities entered', async () => {
    const r = await clerk.get(`/staff/buchen?office=${OFFICE}&channel=phone&q_anmeldung=2&q_beglaubigung=0&suche=reisepas&aktion=suchen`);
    assert.equal(r.statusCode, 200, 'a search is no error: no concern chosen yet is fine');
    assert.doesNotMatch(r.body, /az-error-summary/);
    assert.doesNotMatch(r.body, /id="zeiten"/, 'no time search');
    const { shown, folded } = rows(r.body);
    assert.equal(shown[0], 'reisepass', shown.join(' '));
    assert.ok(shown.includes('anmeldung'), 'a concern already chosen stays in view');
    assert.equal(value(r.body, 'anmeldung'), '2');
    assert.ok(folded.includes('fuehrungszeugnis') && folded.includes('beglaubigung'), folded.join(' '));
    assert.equal(shown.length + folded.length, 11, 'nothing is left out of the form');
    assert.match(r.body, /<details class="az-more"[^>]*><summary[^>]*>Weitere Anliegen \(\d+\)<\/summary>/);
    assert.match(r.body, /id="suche"[^>]*value="reisepas"/);
    assert.match(r.body, /<p class="kern-body az-finder__status" id="suche-status" role="status">\d+ Anliegen (passt|passen) zu „reisepas“/);
  });

  test('nothing found: said plainly, and every concern stays in view', async () => {
    const r = await clerk.get(`/staff/buchen?office=${OFFICE}&channel=phone&suche=qqqxxx&aktion=suchen`);
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /Kein Anliegen passt zu „qqqxxx“/);
    assert.equal(rows(r.body).shown.length, 11);
  });

  test('"Freie Zeiten suchen" with a search typed: the times, the list still sorted, the search kept in the calendar links and the booking form', async () => {
    const r = await clerk.get(`/staff/buchen?office=${OFFICE}&channel=phone&q_reisepass=1&suche=reisepass`);
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /id="zeiten"/);
    assert.equal(rows(r.body).shown[0], 'reisepass');
    assert.match(r.body, /<form method="get" action="\/staff\/buchen#zeiten"/);
    assert.match(r.body, /href="\/staff\/buchen\?[^"]*suche=reisepass[^"]*#zeiten"/);
    assert.match(r.body, /<input type="hidden" name="suche" value="reisepass"/);
  });

  test('English', async () => {
    const r = await clerk.get(`/staff/buchen?office=${OFFICE}&channel=phone&suche=passport&aktion=suchen&lang=en`);
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /for="suche">Search concerns<\/label>/);
    assert.equal(rows(r.body).shown[0], 'reisepass');
    assert.match(r.body, /More concerns \(\d+\)/);
  });
});
