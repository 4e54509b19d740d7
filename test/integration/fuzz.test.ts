// Fuzzing the whole server in-process (inject): requests generated from the
// OpenAPI document (test/fuzz/openapi.ts), the citizen's and the back office's
// forms read from their pages (test/fuzz/forms.ts), with hostile values
// (test/fuzz/values.ts). No answer may be a 5xx (the database is up, so not
// even a 503), each must come within 10 s and carry the security headers, and
// afterwards the server is healthy and a booking still works.
//
// A fixed seed by default; FUZZ_SEED and FUZZ_RUNS explore more (FUZZ_RUNS is
// the number of API requests; the forms get half and a third of it). Inputs
// that ever gave a 5xx live in test/fuzz/regressions.json and are replayed
// first; FUZZ_RECORD=1 appends a new find there (then write its note).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { testDatabaseKinds } from '../helpers/database.ts';
import { PASSWORD, USERS, staffTestEnv, type StaffTestEnv } from './staff-helpers.ts';
import { Actors, STEP_PAGES } from '../fuzz/actors.ts';
import { parseForms, formRequest, links, type Form } from '../fuzz/forms.ts';
import { openApiRequests, type ApiHints } from '../fuzz/openapi.ts';
import { CITIZEN_STEPS, counter, FuzzFailure, percentEncode, type Actor, type FuzzRequest, type Regression } from '../fuzz/request.ts';
import { hostileShortString, ODD_DATES, ODD_INSTANTS } from '../fuzz/values.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 700);
const RECORD = process.env.FUZZ_RECORD === '1';
const REGRESSIONS = new URL('../fuzz/regressions.json', import.meta.url);

/** Bookable starts of the fixture: weekdays 2026-11-30 … 2026-12-29, 09:00–11:45 (Berlin, +01:00), every 15 minutes. */
function starts(): string[] {
  const out: string[] = [];
  for (let d = 0; d < 30; d++) {
    const day = new Date(Date.UTC(2026, 10, 30 + d));
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    const date = day.toISOString().slice(0, 10);
    if (date === '2026-12-25') continue;
    for (let m = 9 * 60; m < 12 * 60; m += 15) out.push(`${date}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+01:00`);
  }
  // interleave days so that consecutive holds spread over the month
  return out.sort((a, b) => a.slice(11).localeCompare(b.slice(11)) || a.localeCompare(b));
}

const QUERY_NAMES = ['office', 'date', 'from', 'to', 'q', 'lang', 'monat', 'tag', 'pfad', 'token', 'next', 'reason', 'ok', 'fehler', 'services', 'channel'];

/** GET (and HEAD) of known pages with a hostile query. */
function pageRequests(pages: string[], as: Actor): fc.Arbitrary<FuzzRequest> {
  const param = fc.tuple(fc.constantFrom(...QUERY_NAMES), fc.oneof(fc.constantFrom(...ODD_DATES, 'de', 'en', 'a', 'b', '2026-12', '0-1-2', '{token}'), hostileShortString));
  return fc.record({
    page: fc.constantFrom(...pages), params: fc.array(param, { maxLength: 3 }), head: fc.integer({ min: 0, max: 4 }).map((n) => n === 0), html: fc.boolean(),
  }).map(({ page, params, head, html }): FuzzRequest => {
    const query = params.map(([k, v]) => `${k}=${percentEncode(v)}`).join('&');
    const url = query ? `${page}${page.includes('?') ? '&' : '?'}${query}` : page;
    return { method: head ? 'HEAD' : 'GET', url, as, headers: { accept: html ? 'text/html' : '*/*' } };
  });
}

for (const kind of testDatabaseKinds()) {
  describe(`fuzz on ${kind}`, () => {
    const runs = kind === 'postgres' ? Math.ceil(RUNS / 2) : RUNS;
    let env: StaffTestEnv;
    let actors: Actors;
    const found: Regression[] = [];
    let startedAt = 0;
    let startCount = 0;

    before(async () => {
      startedAt = Date.now();
      startCount = counter.requests;
      phase = { at: startedAt, count: startCount };
      env = await staffTestEnv(kind);
      const setup = env.server;
      const services = [{ id: 'anmeldung', quantity: 1 }];
      const all = starts();
      // an appointment and a hold for the placeholders, at times the citizens' holds do not use
      const booked = await setup.inject({
        method: 'POST', url: '/api/v1/appointments',
        payload: { office: 'b', services, startsAt: '2026-12-29T11:45:00+01:00', contact: { name: 'Erika Mustermann', email: 'erika@example.org' }, consent: true },
      });
      assert.equal(booked.statusCode, 201, booked.body);
      const hold = await setup.inject({ method: 'POST', url: '/api/v1/holds', payload: { office: 'b', services, startsAt: '2026-12-29T11:30:00+01:00' } });
      assert.equal(hold.statusCode, 201, hold.body);
      actors = new Actors({
        server: setup, admin: { email: USERS.admin.email, password: PASSWORD }, starts: all, service: 'anmeldung', office: 'a',
        vars: { ref: booked.json().reference, token: booked.json().manageToken, holdId: hold.json().holdId },
      });
    });

    after(async () => {
      const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
      console.log(`fuzz on ${kind}: seed ${SEED}, ${counter.requests - startCount} requests in ${seconds} s, ${found.length} failing`);
      if (found.length > 0) {
        console.log(`inputs that failed (add them to test/fuzz/regressions.json with a note, or rerun with FUZZ_RECORD=1):\n${JSON.stringify(found, null, 2)}`);
        if (RECORD) {
          const file = JSON.parse(readFileSync(REGRESSIONS, 'utf8')) as { cases: Regression[] };
          file.cases.push(...found);
          writeFileSync(REGRESSIONS, `${JSON.stringify(file, null, 2)}\n`);
        }
      }
      await env?.close();
    });

    /** Sends one request; a failed check is kept for the regression file, then fails the property. */
    async function check(req: FuzzRequest, note: string): Promise<void> {
      try {
        await actors.send(req);
      } catch (e) {
        if (e instanceof FuzzFailure && !found.some((f) => f.request === req)) found.push({ note: `${note}: ${e.problem.slice(0, 200)} (describe the cause and the fix)`, request: req });
        throw e;
      }
    }

    const assertOptions = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: process.env.FUZZ_SHRINK !== '1' });
    let phase = { at: 0, count: 0 };
    const phaseDone = (name: string) => {
      console.log(`  ${name}: ${counter.requests - phase.count} requests in ${((Date.now() - phase.at) / 1000).toFixed(1)} s`);
      if (process.env.FUZZ_STATS === '1') {
        console.log(`    statuses ${JSON.stringify(counter.statuses)}\n    slowest ${counter.slowest.map((x) => `${x.ms.toFixed(0)} ms ${x.what}`).join('\n            ')}`);
        counter.statuses = {};
        counter.slowest = [];
      }
      phase = { at: Date.now(), count: counter.requests };
    };

    test('the inputs that once gave a 5xx (test/fuzz/regressions.json) answer 4xx now', async () => {
      phaseDone('set-up');
      const { cases } = JSON.parse(readFileSync(REGRESSIONS, 'utf8')) as { cases: Regression[] };
      assert.ok(cases.length >= 5);
      for (const c of cases) await check(c.request, `regression "${c.note.slice(0, 60)}"`);
      phaseDone('regressions');
    });

    test('the API, from its OpenAPI document', async () => {
      const doc = (await env.server.inject({ url: '/api/openapi.json' })).json();
      const h = (valid: unknown[], invalid: unknown[] = []) => ({ valid, invalid });
      const dates = h(['2026-11-30', '2026-12-01', '2026-12-15', '2026-12-29', '2027-01-05'], ODD_DATES);
      const token = h(['{token}'], ['wrong', '', '{token}x']);
      const hints: ApiHints = {
        params: {
          office: h(['a', 'b'], ['c', 'A', ' a']),
          services: h(['anmeldung', 'anmeldung:2', 'anmeldung:1,ausweis:1', 'ausweis:3'],
            ['ausweis:4', 'anmeldung:0', 'anmeldung:-1', 'anmeldung:1e3', 'anmeldung:99999999999999999999', ':', 'anmeldung,,', 'anmeldung:1,anmeldung:1', 'nope']),
          from: dates, to: dates, date: dates,
          ref: h(['{ref}'], ['AAAA-BBBB', 'K7Q2-9XMD', '{ref}x']),
          id: h(['{holdId}'], ['00000000-0000-0000-0000-000000000000', 'nope']),
          token, 'X-Manage-Token': token,
          'Idempotency-Key': h(['key-1', 'key-2', 'key-3'], ['x'.repeat(300), '']),
          lang: h(['de', 'en'], ['fr']),
          channel: h(['phone', 'counter'], ['walk-in']),
          q: h(['umzug', 'perso', 'ausweis', 'anmeldung ausweis'], ['ß', '*', '%', '']),
        },
        body: {
          office: h(['a', 'b'], ['c']),
          id: h(['anmeldung', 'ausweis'], ['nope']),
          quantity: h([1, 1, 2], [0, -1, 4, 1000, 1.5]),
          startsAt: h(starts().slice(0, 80), ODD_INSTANTS),
          holdId: h(['{holdId}'], ['nope']),
          name: h(['Erika Mustermann', 'Ömer Öztürk', 'Zoë d\'Arc'], ['', 'x'.repeat(500)]),
          email: h(Array.from({ length: 40 }, (_, n) => `fuzz-api-${n}@example.org`), ['a@b', '@', 'erika@example.org ']),
          phone: h(['0341 123456', '+49 341 1', null], ['abc', '1'.repeat(101)]),
          consent: h([true], [false]),
          locale: h(['de', 'en'], ['fr']),
          channel: h(['phone', 'counter'], ['online']),
        },
      };
      await fc.assert(fc.asyncProperty(openApiRequests(doc, hints), (req) => check(req, 'API')), assertOptions(runs));
      phaseDone('API');
    });

    test('the citizen\'s forms and pages, at every step of the journey', async () => {
      env.app.clock.advanceMinutes(11); // the API's holds expire
      const templates: { form: Form; step: (typeof CITIZEN_STEPS)[number] }[] = [];
      const pages: FuzzRequest[] = [];
      for (const step of CITIZEN_STEPS) {
        const s = (await actors.session(`citizen:${step}`))!;
        for (const page of STEP_PAGES[step]) {
          const url = page.replace('{ref}', s.vars.ref ?? '').replace('{token}', s.vars.token ?? '');
          const r = await s.get(url);
          assert.ok(r.statusCode === 200 || r.statusCode === 303, `${step}: ${url}: ${r.statusCode}`);
          const generic = (text: string) => (s.vars.ref ? text.replaceAll(s.vars.token, '{token}').replaceAll(s.vars.ref, '{ref}') : text);
          for (const form of parseForms(r.body, url)) {
            templates.push({ step, form: { ...form, action: generic(form.action), fields: form.fields.map((f) => ({ ...f, values: f.values.map(generic) })) } });
          }
          pages.push({ method: 'GET', url: page, as: `citizen:${step}` });
        }
      }
      assert.ok(templates.length >= 10, `only ${templates.length} forms found`);
      const arb = fc.oneof(
        // forms with more fields get more tries; the review step's (no fields, and each valid one books) fewer
        { weight: 5, arbitrary: fc.oneof(...templates.map(({ form, step }) => ({ weight: 1 + Math.min(form.fields.length, 4), arbitrary: formRequest(form, `citizen:${step}`) }))) },
        { weight: 1, arbitrary: fc.oneof(...CITIZEN_STEPS.map((step) => pageRequests(STEP_PAGES[step], `citizen:${step}`))) },
      );
      await fc.assert(fc.asyncProperty(arb, (req) => check(req, 'citizen form')), assertOptions(Math.ceil(runs / 2)));
      phaseDone('citizen forms');
    });

    test('the back office\'s forms and pages, as the admin', async () => {
      env.app.clock.advanceMinutes(11);
      const admin = (await actors.session('admin'))!;
      const queue = ['/staff', '/staff?office=a&date=2026-11-30', `/staff/termin/${actors.vars.ref}`, '/staff/buchen?office=a', '/staff/einstellungen', '/staff/benutzer', '/staff/konto', '/staff/kalender?office=a', '/staff/export?office=a', '/staff/plaene', '/staff/schliessen', '/staff/sperren', '/staff/protokoll', '/staff/suche?q=Erika'];
      const seen = new Set<string>();
      const forms: Form[] = [];
      while (queue.length > 0 && seen.size < 45) {
        const url = queue.shift()!;
        if (seen.has(url)) continue;
        seen.add(url);
        const r = await admin.get(url);
        if (r.statusCode !== 200) continue;
        forms.push(...parseForms(r.body, url).filter((f) => !/\/staff\/(logout|login)\b/.test(f.action)));
        for (const link of links(r.body, '/staff')) {
          if (!/logout|\/feed\/|\.csv|\.css/.test(link) && !seen.has(link)) queue.push(link);
        }
      }
      assert.ok(forms.length >= 10, `only ${forms.length} forms found on ${seen.size} pages`);
      const arb = fc.oneof(
        { weight: 5, arbitrary: fc.oneof(...forms.map((form) => formRequest(form, 'admin'))) },
        { weight: 1, arbitrary: pageRequests([...seen, '/staff/export.csv?office=a', '/staff/druck?office=a'], 'admin') },
        { weight: 1, arbitrary: formRequest({ page: '/staff/login', action: '/staff/login', method: 'POST', fields: [{ name: 'email', type: 'email', values: [USERS.clerkA.email] }, { name: 'password', type: 'password', values: ['wrong'] }] }, 'anonymous') },
      );
      await fc.assert(fc.asyncProperty(arb, (req) => check(req, 'staff form')), assertOptions(Math.ceil(runs / 3)));
      phaseDone('staff forms');
    });

    test('afterwards the server is healthy and a booking still works', async () => {
      env.app.clock.advanceMinutes(11);
      const server = env.server;
      const health = await server.inject({ url: '/healthz' });
      assert.equal(health.statusCode, 200, health.body);
      let booked = false;
      for (const office of ['a', 'b']) {
        for (const service of ['anmeldung', 'ausweis']) {
          if (booked) continue;
          const r = await server.inject({ url: `/api/v1/availability?office=${office}&services=${service}` });
          const earliest = r.statusCode === 200 ? r.json().earliest : null;
          if (!earliest) continue;
          const b = await server.inject({
            method: 'POST', url: '/api/v1/appointments',
            payload: { office, services: [{ id: service, quantity: 1 }], startsAt: earliest.startsAt, contact: { name: 'Nach Dem Fuzz', email: 'after-fuzz@example.org' }, consent: true },
          });
          assert.equal(b.statusCode, 201, b.body);
          const read = await server.inject({ url: `/api/v1/appointments/${b.json().reference}`, headers: { 'x-manage-token': b.json().manageToken } });
          assert.equal(read.statusCode, 200);
          booked = true;
        }
      }
      assert.ok(booked, 'no office had a free time left to book');
      // and a citizen can still book through the pages
      const citizen = await actors.citizen('booked');
      assert.ok(citizen.vars.ref);
    });
  });
}
