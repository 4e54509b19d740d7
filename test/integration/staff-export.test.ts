// The CSV export through its routes, on each database: the file as German
// Excel reads it (UTF-8 with BOM, `;`, CRLF, German headers and words,
// TT.MM.JJJJ and HH:MM), cancellations with who and when, no personal data
// by default; with personal data only by a POST with CSRF token, recorded in
// the audit log; a bad period answers 400 with the form, in the user's language.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { cancelAppointment } from '../../src/app/cancel-appointment.ts';
import { csvRecords } from '../helpers/csv.ts';
import { testDatabaseKinds } from '../helpers/database.ts';
import { loggedIn, staffTestEnv, type Client, type StaffTestEnv } from './staff-helpers.ts';

/** The body as a spreadsheet opens it: BOM checked and removed, then records as objects by header. */
function readCsv(body: string): { header: string[]; records: Record<string, string>[] } {
  assert.equal(body.charCodeAt(0), 0xfeff, 'UTF-8 BOM');
  return csvRecords(body.slice(1));
}

for (const kind of testDatabaseKinds()) {
  describe(`staff CSV export (${kind})`, () => {
    let env: StaffTestEnv;
    let lead: Client;
    const refs: Record<string, string> = {};
    const book = (office: string, startsAt: string, name: string, phone = '', quantity = 1) => bookAppointment(env.app.ctx, {
      office, services: [{ id: 'anmeldung', quantity }], startsAt, locale: 'de', consent: true,
      contact: { name, email: `${name.replace(/\W/g, '').toLowerCase() || 'x'}@example.org`, phone },
    });
    const audit = () => env.app.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'export.personal_data').execute();

    before(async () => {
      env = await staffTestEnv(kind);
      lead = await loggedIn(env.server, 'lead');
      refs.kept = (await book('a', '2026-12-03T09:00:00+01:00', 'Erika Mustermann', '+49 341 555', 2)).appointment.reference;
      const hostile = await book('a', '2026-12-03T10:00:00+01:00', '=HYPERLINK("http://evil";"x")');
      refs.byCitizen = hostile.appointment.reference;
      await cancelAppointment(env.app.ctx, { reference: hostile.appointment.reference, token: hostile.manageToken });
      refs.byOffice = (await book('a', '2026-12-04T09:00:00+01:00', 'Otto Amtsabsage')).appointment.reference;
      await lead.get(`/staff/termin/${refs.byOffice}`);
      const cancel = await lead.post(`/staff/termin/${refs.byOffice}/absagen`, { reason: 'Krankheit' });
      assert.equal(cancel.statusCode, 303);
      refs.lapsed = (await book('a', '2026-12-04T10:00:00+01:00', 'Nie Bestaetigt')).appointment.reference;
      await env.app.ctx.db.updateTable('appointments')
        .set({ status: 'cancelled', cancel_reason: 'expired', cancelled_at: new Date('2026-11-30T08:10:00Z') })
        .where('reference', '=', refs.lapsed.replace('-', '')).execute();
      refs.otherOffice = (await book('b', '2026-12-03T09:00:00+01:00', 'Bea Anderesamt')).appointment.reference;
      refs.outside = (await book('a', '2026-11-30T10:00:00+01:00', 'Heute Termin')).appointment.reference;
    });
    after(async () => { await env.close(); });

    test('by default: BOM, `;`, German headers and words, dates and times, cancellations with who and when, no personal data', async () => {
      const r = await lead.get('/staff/export.csv?office=a&from=01.12.2026&to=2026-12-31');
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(r.headers['cache-control'], 'no-store');
      assert.equal(r.headers['content-disposition'], 'attachment; filename="termine-a-2026-12-01-2026-12-31.csv"');
      const { header, records } = readCsv(r.body);
      assert.deepEqual(header, ['Datum', 'Beginn', 'Ende', 'Amt', 'Anliegen', 'Kanal', 'Status', 'Buchungsnummer', 'Schalter', 'Konflikt', 'Abgesagt von', 'Abgesagt am']);
      const byRef = new Map(records.map((x) => [x.Buchungsnummer, x]));
      assert.deepEqual([...byRef.keys()].sort(), [refs.kept, refs.byCitizen, refs.byOffice, refs.lapsed].sort());
      assert.deepEqual(byRef.get(refs.kept), {
        Datum: '03.12.2026', Beginn: '09:00', Ende: '09:30', Amt: 'Bürgeramt A', Anliegen: '2 × Dienst anmeldung', Kanal: 'online',
        Status: 'gebucht', Buchungsnummer: refs.kept, Schalter: '1', Konflikt: '', 'Abgesagt von': '', 'Abgesagt am': '',
      });
      assert.equal(byRef.get(refs.byCitizen)!.Status, 'abgesagt durch Bürger/in');
      assert.equal(byRef.get(refs.byCitizen)!['Abgesagt von'], 'Bürger/in');
      assert.equal(byRef.get(refs.byCitizen)!['Abgesagt am'], '30.11.2026 08:00');
      assert.equal(byRef.get(refs.byCitizen)!.Schalter, '', 'a cancelled appointment holds no counter');
      assert.equal(byRef.get(refs.byOffice)!.Status, 'abgesagt durch Amt');
      assert.equal(byRef.get(refs.byOffice)!['Abgesagt von'], 'Amt', 'no staff name without personal data');
      assert.equal(byRef.get(refs.byOffice)!.Datum, '04.12.2026');
      assert.equal(byRef.get(refs.lapsed)!.Status, 'abgesagt durch System (nicht bestätigt)');
      assert.equal(byRef.get(refs.lapsed)!['Abgesagt von'], 'System');
      assert.equal(byRef.get(refs.lapsed)!['Abgesagt am'], '30.11.2026 09:10');
      assert.doesNotMatch(r.body, /Erika|Mustermann|@example\.org|341 555|HYPERLINK|Otto|User lead/, 'no personal data');
      assert.equal((await audit()).length, 0, 'an export without personal data is not recorded');
    });

    test('in English: English headers and words', async () => {
      const r = await lead.get('/staff/export.csv?office=a&from=2026-12-01&to=2026-12-31&lang=en');
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['content-disposition'], 'attachment; filename="appointments-a-2026-12-01-2026-12-31.csv"');
      const { header, records } = readCsv(r.body);
      assert.deepEqual(header.slice(0, 8), ['Date', 'Start', 'End', 'Office', 'Concerns', 'Channel', 'Status', 'Reference']);
      const byRef = new Map(records.map((x) => [x.Reference, x]));
      assert.equal(byRef.get(refs.kept)!.Status, 'booked');
      assert.equal(byRef.get(refs.kept)!.Date, '03.12.2026');
      assert.equal(byRef.get(refs.byCitizen)!['Cancelled by'], 'citizen');
      assert.equal(byRef.get(refs.byOffice)!.Status, 'cancelled by the office');
      await lead.get('/staff/export?office=a&lang=de'); // back to German for the other tests
    });

    test('with personal data: name, e-mail, phone and who cancelled, formulas defused, recorded in the audit log', async () => {
      const form = await lead.get('/staff/export?office=a');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /name="personal" value="nein"[^>]*checked/, 'without personal data is the default');
      const r = await lead.post('/staff/export.csv', { office: 'a', from: '01.12.2026', to: '31.12.2026', personal: 'ja' });
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['content-disposition'], 'attachment; filename="termine-a-2026-12-01-2026-12-31-mit-personendaten.csv"');
      const { header, records } = readCsv(r.body);
      assert.deepEqual(header.slice(-5), ['Abgesagt von', 'Abgesagt am', 'Name', 'E-Mail', 'Telefon']);
      const byRef = new Map(records.map((x) => [x.Buchungsnummer, x]));
      assert.equal(byRef.get(refs.kept)!.Name, 'Erika Mustermann');
      assert.equal(byRef.get(refs.kept)!['E-Mail'], 'erikamustermann@example.org');
      assert.equal(byRef.get(refs.kept)!.Telefon, "'+49 341 555", 'a leading + is defused');
      assert.equal(byRef.get(refs.byCitizen)!.Name, `'=HYPERLINK("http://evil";"x")`, 'a formula is defused');
      assert.equal(byRef.get(refs.byOffice)!['Abgesagt von'], 'User lead', 'the staff member who cancelled, from the history');
      const entries = await audit();
      assert.equal(entries.length, 1);
      assert.equal(entries[0].actor, 'staff:lead@example.org');
      assert.deepEqual(entries[0].details, { office: 'a', from: '2026-12-01', to: '2026-12-31', rows: 4 });

      const plain = await lead.post('/staff/export.csv', { office: 'a', from: '2026-12-01', to: '2026-12-31', personal: 'nein' });
      assert.equal(plain.statusCode, 200);
      assert.doesNotMatch(plain.body, /Erika/);
      assert.equal((await audit()).length, 1);
    });

    test('personal data never through a plain link: GET shows the form, a POST needs the CSRF token', async () => {
      const r = await lead.get('/staff/export.csv?office=a&from=2026-12-01&to=2026-12-31&personal=ja');
      assert.equal(r.statusCode, 200);
      assert.match(String(r.headers['content-type']), /^text\/html/);
      assert.match(r.body, /name="personal" value="ja"[^>]*checked/);
      const forged = await lead.post('/staff/export.csv', { office: 'a', from: '2026-12-01', to: '2026-12-31', personal: 'ja' }, { csrf: false });
      assert.equal(forged.statusCode, 403);
      assert.doesNotMatch(forged.body, /Erika/);
      assert.equal((await audit()).length, 1);
    });

    test('a bad period is a 400 with the form and what is wrong, in the user\'s language', async () => {
      const cases: [string, RegExp][] = [
        ['from=31.02.2026&to=2026-03-01', /„31\.02\.2026“ ist kein gültiges Datum/],
        ['from=&to=2026-03-01', /Bitte geben Sie ein Datum ein/],
        ['from=2026-12-02&to=01.12.2026', /„Bis“ darf nicht vor „Von“ liegen/],
        ['from=2026-01-01&to=2027-06-30', /höchstens 366 Tage/],
        ['from[]=x&to=2026-12-01', /Bitte geben Sie ein Datum ein/],
      ];
      for (const [q, message] of cases) {
        const r = await lead.get(`/staff/export.csv?office=a&${q}`);
        assert.equal(r.statusCode, 400, q);
        assert.match(String(r.headers['content-type']), /^text\/html/, q);
        assert.match(r.body, message, q);
        assert.match(r.body, /<form method="post" action="\/staff\/export\.csv"/, q);
      }
      const typed = await lead.post('/staff/export.csv', { office: 'a', from: '03.12.2026', to: '01.12.2026', personal: 'ja' });
      assert.equal(typed.statusCode, 400);
      assert.match(typed.body, /value="2026-12-03"/, 'a valid German date comes back as the date field\'s value');
      assert.match(typed.body, /name="personal" value="ja"[^>]*checked/, 'the choice is kept');
      const en = await lead.get('/staff/export.csv?office=a&from=32.12.2026&to=2026-12-31&lang=en');
      assert.equal(en.statusCode, 400);
      assert.match(en.body, /“32\.12\.2026” is not a valid date/);
      await lead.get('/staff/export?office=a&lang=de');
      assert.equal((await audit()).length, 1, 'nothing recorded for a refused export');
      const edge = await lead.get('/staff/export.csv?office=a&from=31.12.9998&to=31.12.9998');
      assert.equal(edge.statusCode, 200, 'the last supported day is an empty file, not an error');
      assert.equal(readCsv(edge.body).records.length, 0);
      assert.equal((await lead.get('/staff/export.csv?office=a&from=01.01.9999&to=01.01.9999')).statusCode, 400);
    });

    test('clerks and other offices: 404, nothing exported, nothing recorded', async () => {
      const clerk = await loggedIn(env.server, 'clerkA');
      assert.equal((await clerk.get('/staff/export.csv?office=a&from=2026-12-01&to=2026-12-31')).statusCode, 404);
      await clerk.get('/staff/suche');
      assert.equal((await clerk.post('/staff/export.csv', { office: 'a', from: '2026-12-01', to: '2026-12-31', personal: 'ja' })).statusCode, 404);
      assert.equal((await lead.get('/staff/export.csv?office=b&from=2026-12-01&to=2026-12-31')).statusCode, 404);
      await lead.get('/staff/export?office=a');
      assert.equal((await lead.post('/staff/export.csv', { office: 'b', from: '2026-12-01', to: '2026-12-31', personal: 'ja' })).statusCode, 404);
      assert.equal((await audit()).length, 1);
    });
  });
}
