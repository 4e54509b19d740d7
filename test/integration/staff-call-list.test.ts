// The call list's tick-off: after a closure moved or cancelled appointments of
// citizens without an e-mail address, staff record per citizen that they were
// reached by phone (or not, to try again, with a short note). Each tick is an
// `appointment.contacted` entry in the appointment's history, shown in words in
// the history ("Verlauf") and the audit log; the call list shows who is reached
// (by whom, when) and how many are left, the printed list a tick box per row.
// The appointment's own page offers the same tick where it says to call.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { importConfig } from '../../src/app/import-config.ts';
import { retentionJob } from '../../src/jobs/retention.ts';
import type { JobLogger } from '../../src/jobs/job.ts';
import { office } from '../fixtures/org-config.ts';
import { testDatabaseKinds } from '../helpers/database.ts';
import { Client, loggedIn, staffTestEnv, type StaffTestEnv } from './staff-helpers.ts';

const DATE = '2026-12-09'; // a Wednesday; the clock stands at Monday 2026-11-30 08:00
const log: JobLogger = { info() {}, warn() {}, error() {} };

for (const kind of testDatabaseKinds()) {
  describe(`the call list's tick-off on ${kind}`, () => {
    let env: StaffTestEnv;
    let lead: Client;
    let clerk: Client;
    let listUrl = '';
    const refs = { mail: '', anna: '', bert: '', otto: '' };

    const idOf = async (ref: string) =>
      (await env.app.ctx.db.selectFrom('appointments').select('id').where('reference', '=', ref.replace('-', '')).executeTakeFirstOrThrow()).id;
    const contacts = async (ref: string) => {
      const rows = await env.app.ctx.db.selectFrom('audit_log').select(['actor', 'actor_user_id', 'action', 'office_id', 'details'])
        .where('appointment_id', '=', await idOf(ref)).where('action', '=', 'appointment.contacted').orderBy('id').execute();
      return rows as unknown as { actor: string; actor_user_id: string | null; action: string; office_id: string; details: Record<string, unknown> }[];
    };
    const userId = async (email: string) =>
      (await env.app.ctx.db.selectFrom('staff_users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    /** The call list's row of a reference. */
    const rowOf = (html: string, ref: string) => new RegExp(`<tr[^>]*id="anruf-${ref}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';

    before(async () => {
      env = await staffTestEnv(kind);
      const config = structuredClone((await env.app.ctx.catalog()).config);
      config.offices[0] = office('a', { name: 'Bürgeramt A', hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '12:00', counters: 3, online: 3, phone: 3 }] });
      await importConfig(env.app.ctx.db, { orgId: env.app.ctx.orgId, config, now: env.app.clock.now, actor: 'test' });
      env.app.ctx.invalidateCatalog();
      lead = await loggedIn(env.server, 'lead');
      clerk = await loggedIn(env.server, 'clerkA');

      refs.mail = (await bookAppointment(env.app.ctx, {
        office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: `${DATE}T09:00:00+01:00`,
        contact: { name: 'Mia Mail', email: 'mia@example.org', phone: '' }, locale: 'de', consent: true,
      })).appointment.reference;
      const byCaller = async (time: string, name: string, phone: string) => {
        const r = await lead.post('/staff/buchen', { office: 'a', channel: 'phone', q_anmeldung: '1', startsAt: `${DATE}T${time}:00+01:00`, name, email: '', phone });
        assert.equal(r.statusCode, 303, r.body.slice(0, 300));
        return decodeURIComponent(String(r.headers.location).split('/').pop()!);
      };
      refs.anna = await byCaller('09:30', 'Anna Anruf', '0341 555 0101');
      refs.bert = await byCaller('10:00', 'Bert Besetzt', '0341 555 0202');
      refs.otto = await byCaller('10:30', 'Otto Ohne', '');
      // a closure of the morning: Bert is moved to the suggested time, the others cancelled
      const form = { office: 'a', from: DATE, to: DATE, fromTime: '09:00', toTime: '11:00', reason: 'Wasserschaden' };
      const preview = await lead.post('/staff/schliessen', { ...form, step: 'preview' });
      const suggested = new RegExp(`name="t_${refs.bert}" value="([^"]+)"`).exec(preview.body)?.[1];
      assert.ok(suggested, 'a suggested time for Bert');
      const applied = await lead.post('/staff/schliessen', {
        ...form, step: 'apply', [`c_${refs.mail}`]: 'cancel', [`c_${refs.anna}`]: 'cancel', [`c_${refs.bert}`]: 'move', [`t_${refs.bert}`]: suggested,
        [`c_${refs.otto}`]: 'cancel',
      });
      assert.equal(applied.statusCode, 303, applied.body.slice(0, 500));
      listUrl = String(applied.headers.location).replace('/ergebnis', '/anrufliste');
    });
    after(async () => { await env.close(); });

    test('the call list offers a tick-off form per citizen and says how many are left', async () => {
      const r = await lead.get(listUrl);
      assert.equal(r.statusCode, 200);
      assert.match(r.body, /0 von 3 erreicht – 3 offen/);
      for (const ref of [refs.anna, refs.bert, refs.otto]) {
        const row = rowOf(r.body, ref);
        assert.match(row, /<form method="post" action="\/staff\/plaene\/anrufliste"/, ref);
        assert.match(row, /name="_csrf"/, ref);
        assert.match(row, new RegExp(`name="reference" value="${ref}"`), ref);
        assert.match(row, /name="result" value="reached"/, ref);
        assert.match(row, /name="result" value="not_reached"/, ref);
        assert.match(row, /noch offen/, ref);
      }
      assert.equal(rowOf(r.body, refs.mail), '', 'the one with an e-mail address is not on the list');
      // the result page has the same list and forms
      const result = await lead.get(listUrl.replace('/anrufliste', '/ergebnis'));
      assert.match(rowOf(result.body, refs.anna), /name="back" value="ergebnis"/);
    });

    test('reached, with a note: an appointment.contacted entry by the lead; the list, the history and the audit log say so', async () => {
      const id = /[?&]id=(\d+)/.exec(listUrl)![1];
      const r = await lead.post('/staff/plaene/anrufliste', { office: 'a', id, reference: refs.anna, result: 'reached', note: 'Tochter am Telefon', back: 'anrufliste' });
      assert.equal(r.statusCode, 303, r.body.slice(0, 300));
      assert.match(String(r.headers.location), new RegExp(`^/staff/plaene/anrufliste\\?office=a&id=${id}&erreicht=${refs.anna}#anruf-${refs.anna}$`));
      const es = await contacts(refs.anna);
      assert.equal(es.length, 1);
      assert.deepEqual([es[0].actor, es[0].actor_user_id, es[0].office_id], ['staff', await userId('lead@example.org'), 'a']);
      assert.deepEqual(es[0].details, { reference: refs.anna, contact: 'reached', note: 'Tochter am Telefon' });
      assert.doesNotMatch(JSON.stringify(es), /0341|Anna/, 'no contact data in the history');

      const list = await lead.get(String(r.headers.location));
      assert.match(list.body, /Gespeichert: Anna Anruf – erreicht/);
      assert.match(list.body, /1 von 3 erreicht – 2 offen/);
      const row = rowOf(list.body, refs.anna);
      assert.match(row, /Erreicht von User lead am Mo\., 30\.11\.2026, 08:00/);
      assert.match(row, /Hinweis: „Tochter am Telefon“/);
      assert.match(row, /class="az-tick[^"]*az-tick--done"/);
      assert.doesNotMatch(rowOf(list.body, refs.bert), /az-tick--done/);

      const page = await lead.get(`/staff/termin/${refs.anna}`);
      const history = /id="verlauf"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
      assert.match(history, /User lead[\s\S]*Telefonisch erreicht[\s\S]*Hinweis: „Tochter am Telefon“/);
      const en = await lead.get(`/staff/termin/${refs.anna}?lang=en`);
      assert.match(en.body, /Reached by phone[\s\S]*Note: “Tochter am Telefon”/);
      await lead.get('/staff?lang=de'); // the language is remembered: back to German

      const audit = await lead.get('/staff/protokoll?action=appointment.contacted');
      assert.equal(audit.statusCode, 200);
      assert.match(audit.body, /Telefonisch erreicht/);
      assert.match(audit.body, new RegExp(`href="/staff/termin/${refs.anna}"`));
      assert.match(audit.body, /<option value="appointment.contacted" selected[^>]*>Telefonisch informiert/);
    });

    test('not reached: recorded to try again; the row stays open', async () => {
      const id = /[?&]id=(\d+)/.exec(listUrl)![1];
      const r = await lead.post('/staff/plaene/anrufliste', { office: 'a', id, reference: refs.bert, result: 'not_reached', note: 'Mailbox', back: 'ergebnis' });
      assert.equal(r.statusCode, 303);
      assert.match(String(r.headers.location), /^\/staff\/plaene\/ergebnis\?/);
      assert.deepEqual((await contacts(refs.bert)).map((e) => e.details.contact), ['not_reached']);
      const list = await lead.get(listUrl);
      const row = rowOf(list.body, refs.bert);
      assert.match(row, /Nicht erreicht \(User lead, Mo\., 30\.11\.2026, 08:00\) – bitte erneut versuchen/);
      assert.match(row, /Hinweis: „Mailbox“/);
      assert.match(list.body, /1 von 3 erreicht – 2 offen/);
      const page = await lead.get(`/staff/termin/${refs.bert}`);
      assert.match(page.body, /Telefonisch nicht erreicht – erneut versuchen/);
    });

    test('bad input: the page again with the message at the choice and the note kept; nothing is written', async () => {
      const id = /[?&]id=(\d+)/.exec(listUrl)![1];
      const none = await lead.post('/staff/plaene/anrufliste', { office: 'a', id, reference: refs.otto, note: 'war vor Ort', back: 'anrufliste' });
      assert.equal(none.statusCode, 400);
      assert.match(none.body, /class="kern-alert kern-alert--danger az-error-summary"/);
      assert.match(none.body, new RegExp(`href="#ergebnis-${refs.otto}"`));
      assert.match(none.body, /Bitte wählen Sie „erreicht“ oder „nicht erreicht“/);
      assert.match(rowOf(none.body, refs.otto), /value="war vor Ort"/);
      const long = await lead.post('/staff/plaene/anrufliste', { office: 'a', id, reference: refs.otto, result: 'reached', note: 'x'.repeat(301), back: 'anrufliste' });
      assert.equal(long.statusCode, 400);
      assert.match(long.body, /Der Hinweis darf höchstens 300 Zeichen lang sein/);
      const odd = await lead.post('/staff/plaene/anrufliste', { office: 'a', id, reference: refs.otto, result: 'maybe', back: 'anrufliste' });
      assert.equal(odd.statusCode, 400);
      assert.deepEqual(await contacts(refs.otto), []);
      // not on this call list (told by e-mail), an unknown record, another office's: 404
      assert.equal((await lead.post('/staff/plaene/anrufliste', { office: 'a', id, reference: refs.mail, result: 'reached' })).statusCode, 404);
      assert.equal((await lead.post('/staff/plaene/anrufliste', { office: 'a', id: '999999', reference: refs.otto, result: 'reached' })).statusCode, 404);
      assert.equal((await lead.post('/staff/plaene/anrufliste', { office: 'b', id, reference: refs.otto, result: 'reached' })).statusCode, 404);
      assert.deepEqual(await contacts(refs.mail), []);
      assert.deepEqual(await contacts(refs.otto), []);
    });

    test('the printed list keeps a tick box column', async () => {
      const r = await lead.get(listUrl);
      assert.match(r.body, /<th class="kern-table__header" scope="col">Erreicht<\/th>/);
      for (const ref of [refs.anna, refs.bert, refs.otto]) assert.match(rowOf(r.body, ref), /class="az-tick/, ref);
      assert.match(r.body, /@media print|staff\.css/);
      const css = await lead.get('/staff/staff.css');
      assert.match(css.body, /@media print[\s\S]*\.az-noprint[\s\S]*display: none/);
    });

    test('the appointment\'s page: where it says to call, the same tick (clerks too); not where an e-mail went', async () => {
      const page = await clerk.get(`/staff/termin/${refs.otto}`);
      assert.equal(page.statusCode, 200);
      const section = /id="anrufen"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
      assert.match(section, /Keine E-Mail-Adresse und keine Telefonnummer/);
      assert.match(section, new RegExp(`<form method="post" action="/staff/termin/${refs.otto}/erreicht"`));
      assert.match(section, /noch offen/);
      const r = await clerk.post(`/staff/termin/${refs.otto}/erreicht`, { result: 'reached', note: 'kam persönlich vorbei' });
      assert.equal(r.statusCode, 303);
      assert.equal(String(r.headers.location), `/staff/termin/${refs.otto}?ok=contacted#anrufen`);
      const es = await contacts(refs.otto);
      assert.deepEqual([es.length, es[0].actor_user_id, es[0].details.contact], [1, await userId('clerk-a@example.org'), 'reached']);
      const after = await clerk.get(`/staff/termin/${refs.otto}?ok=contacted`);
      assert.match(after.body, /Erreicht von User clerkA am/);
      assert.match((await lead.get(listUrl)).body, /2 von 3 erreicht – 1 offen/);
      // without a choice: the message at the field, nothing written
      const bad = await clerk.post(`/staff/termin/${refs.otto}/erreicht`, { note: 'x' });
      assert.equal(bad.statusCode, 303);
      const shown = await clerk.get(String(bad.headers.location));
      assert.equal(shown.statusCode, 400);
      assert.match(shown.body, /Bitte wählen Sie „erreicht“ oder „nicht erreicht“/);
      assert.equal((await contacts(refs.otto)).length, 1);
      // an appointment whose citizen got an e-mail: no tick offered, and none accepted
      const mail = await lead.get(`/staff/termin/${refs.mail}`);
      assert.doesNotMatch(mail.body, /id="anrufen"/);
      assert.equal((await lead.post(`/staff/termin/${refs.mail}/erreicht`, { result: 'reached' })).statusCode, 409);
      assert.deepEqual(await contacts(refs.mail), []);
      // another office's clerk: 404, nothing written
      const clerkB = await loggedIn(env.server, 'clerkB');
      await clerkB.get('/staff/suche');
      assert.equal((await clerkB.post(`/staff/termin/${refs.anna}/erreicht`, { result: 'reached' })).statusCode, 404);
      assert.equal((await contacts(refs.anna)).length, 1);
    });

    test('the retention job removes the notes with the personal data; the entries stay', async () => {
      await retentionJob.run(env.app.ctx.db, Date.parse(`${DATE}T12:00:00+01:00`) + 400 * 86_400_000, log);
      const es = await contacts(refs.anna);
      assert.equal(es.length, 1);
      assert.equal(es[0].details.contact, 'reached');
      assert.equal(es[0].details.note, undefined);
    });
  });
}
