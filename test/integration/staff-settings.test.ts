// Settings in the back office: a lead changes the hours of their office and the
// citizen API follows; bad input gets the import's message at the field and
// changes nothing; a stale form is refused; a change that strands an
// appointment is shown and applied only when confirmed; every change is in the
// audit log with its diff; concerns (admins); the audit log viewer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { configVersion } from '../../src/app/config-version.ts';
import { importConfig } from '../../src/app/import-config.ts';
import { renderMessage } from '../../src/config/messages.ts';
import { loadOrgConfig } from '../../src/db/repositories/organization-repo.ts';
import { ORG } from '../fixtures/test-app.ts';
import { loggedIn, staffTestEnv, type StaffTestEnv, type Client } from './staff-helpers.ts';
import { formValues, unescapeHtml } from './staff-settings-form.ts';

describe('staff settings', () => {
  let env: StaffTestEnv;
  let lead: Client;
  let admin: Client;
  before(async () => {
    env = await staffTestEnv();
    lead = await loggedIn(env.server, 'lead');
    admin = await loggedIn(env.server, 'admin');
  });
  after(async () => { await env.close(); });

  const HOURS_A = '/staff/einstellungen/amt/a/zeiten';
  const config = async () => (await loadOrgConfig(env.app.ctx.db, ORG))!;
  const audit = () => env.app.ctx.db.selectFrom('audit_log').selectAll().where('org_id', '=', ORG).orderBy('id', 'desc').execute();
  const lastTimeOn = async (date: string) => {
    const r = await env.server.inject({ url: `/api/v1/availability/${date}?office=a&services=anmeldung` });
    assert.equal(r.statusCode, 200, r.body);
    const times = r.json().times as { startsAt: string }[];
    return times[times.length - 1]?.startsAt;
  };
  async function form(c: Client, url: string) {
    const r = await c.get(url);
    assert.equal(r.statusCode, 200, r.body);
    return formValues(r.body);
  }
  const fieldError = (html: string, id: string) => {
    const at = html.indexOf(`id="${id}-error"`);
    const m = at < 0 ? null : /<span class="kern-body">([^<]*)<\/span>/.exec(html.slice(at));
    return m ? unescapeHtml(m[1]!) : undefined;
  };

  test('a lead changes the hours of their office: the citizen API follows, the audit log has the diff', async () => {
    assert.equal(await lastTimeOn('2026-12-01'), '2026-12-01T11:45:00+01:00');
    const values = await form(lead, HOURS_A);
    assert.equal(values['h0-to'], '12:00');
    assert.equal(values['h0-mon'], 'ja');
    const r = await lead.post(HOURS_A, { ...values, 'h0-to': '16:00' });
    assert.equal(r.statusCode, 303, r.body);
    assert.equal(r.headers.location, `${HOURS_A}?gespeichert=0`);
    assert.equal(await lastTimeOn('2026-12-01'), '2026-12-01T15:45:00+01:00');
    assert.match((await lead.get(String(r.headers.location))).body, /Gespeichert\./);

    const [entry] = await audit();
    assert.equal(entry!.actor, 'staff:lead@example.org');
    assert.equal(entry!.action, 'settings.office.hours');
    assert.deepEqual(entry!.details, {
      office: 'a', changes: [{ path: 'offices[a].hours[0].to', old: '12:00', new: '16:00' }], keptConflicts: 0,
    });
  });

  test('an added row and an extra day; saving the same again changes nothing', async () => {
    const values = await form(lead, HOURS_A);
    const r = await lead.post(HOURS_A, {
      ...values, 'h1-sat': 'ja', 'h1-from': '09:00', 'h1-to': '12:00', 'h1-counters': '1',
      'x0-date': '2026-12-20', 'x0-from': '10:00', 'x0-to': '14:00', 'x0-counters': '1',
    });
    assert.equal(r.statusCode, 303, r.body);
    const office = (await config()).offices.find((o) => o.id === 'a')!;
    assert.deepEqual(office.hours[1], { days: ['sat'], from: '09:00', to: '12:00', counters: 1, online: 1, phone: 1 });
    assert.deepEqual(office.extraHours, [{ date: '2026-12-20', from: '10:00', to: '14:00', counters: 1, online: 1, phone: 1 }]);
    const count = (await audit()).length;
    const again = await lead.post(HOURS_A, await form(lead, HOURS_A));
    assert.equal(again.headers.location, `${HOURS_A}?gespeichert=keine`);
    assert.equal((await audit()).length, count);
    // removing the rows again
    const back = await form(lead, HOURS_A);
    assert.equal((await lead.post(HOURS_A, { ...back, 'h1-remove': 'ja', 'x0-remove': 'ja' })).statusCode, 303);
    const after = (await config()).offices.find((o) => o.id === 'a')!;
    assert.equal(after.hours.length, 1);
    assert.deepEqual(after.extraHours, []);
  });

  test('invalid input: the import\'s message at the field, in the page\'s language, and nothing changes', async () => {
    const before = configVersion(await config());
    const count = (await audit()).length;
    const values = await form(lead, HOURS_A);
    const r = await lead.post(HOURS_A, { ...values, 'h0-online': '5', 'h0-to': '07:00', 'h0-counters': 'zwei' });
    assert.equal(r.statusCode, 400);
    // in the form's words: its labels, not the config file's keys
    assert.equal(fieldError(r.body, 'h0-to'), 'muss später sein als „Von“ (08:00)');
    assert.equal(fieldError(r.body, 'h0-counters'), 'muss eine ganze Zahl sein');
    assert.match(r.body, /class="az-error-summary|az-error-summary/);
    assert.match(r.body, /href="#h0-to"/);
    // the form keeps what was entered
    assert.match(r.body, /id="h0-to" name="h0-to" type="text" value="07:00"/);

    const over = await lead.post(`${HOURS_A}?lang=en`, { ...values, 'h0-online': '5' });
    assert.equal(over.statusCode, 400);
    const counters = Number(values['h0-counters']);
    assert.equal(fieldError(over.body, 'h0-online'), `must not be more than "Counters" (${counters})`);
    const huge = await lead.post(`${HOURS_A}?lang=en`, { ...values, 'h0-counters': '99999999999999999999' });
    assert.equal(huge.statusCode, 400);
    assert.match(fieldError(huge.body, 'h0-counters')!, /^too large \(at most \d+\)$/);
    await lead.get('/staff?lang=de');
    const noDays = await lead.post(HOURS_A, { ...values, 'h0-mon': '', 'h0-tue': '', 'h0-wed': '', 'h0-thu': '', 'h0-fri': '', 'h0-sat': '', 'h0-sun': '' });
    assert.equal(noDays.statusCode, 400);
    assert.equal(fieldError(noDays.body, 'h0-days'), 'Bitte mindestens einen Tag wählen.');
    const lastValid = await lead.post(HOURS_A, { ...values, 'h0-validFrom': '2027-02-01', 'h0-validTo': '2027-01-01' });
    assert.equal(fieldError(lastValid.body, 'h0-validTo'), 'darf nicht vor „Gültig ab“ liegen (2027-02-01)');
    for (const page of [r.body, over.body, huge.body, noDays.body, lastValid.body]) {
      assert.doesNotMatch(unescapeHtml(page), /„(from|counters|phone|validFrom)“|"(counters|from)"|offices\[|muss eine Zahl sein/);
    }
    assert.equal(configVersion(await config()), before);
    assert.equal((await audit()).length, count);
  });

  test('booking rules and office details: defaults when empty, errors at the field', async () => {
    const url = '/staff/einstellungen/amt/a/regeln';
    const values = await form(lead, url);
    assert.equal(values['b-leadMinutes'], '60');
    const bad = await lead.post(url, { ...values, 'b-leadMinutes': '100000' });
    assert.equal(bad.statusCode, 400);
    assert.ok(fieldError(bad.body, 'b-leadMinutes'));
    const ok = await lead.post(url, { ...values, 'b-leadMinutes': '', 'b-confirmByEmail': 'true' });
    assert.equal(ok.statusCode, 303, ok.body);
    const office = (await config()).offices.find((o) => o.id === 'a')!;
    assert.equal(office.booking.leadMinutes, 1440);
    assert.equal(office.booking.confirmByEmail, true);
    const reset = await form(lead, url);
    assert.equal((await lead.post(url, { ...reset, 'b-leadMinutes': '60', 'b-confirmByEmail': 'false' })).statusCode, 303);

    const details = '/staff/einstellungen/amt/a/angaben';
    const d = await form(lead, details);
    assert.equal(d['svc-anmeldung'], 'ja');
    const noMail = await lead.post(details, { ...d, 'o-email': 'kein-at' });
    assert.equal(noMail.statusCode, 400);
    assert.ok(fieldError(noMail.body, 'o-email'));
    const { ['svc-anmeldung']: _a, ['svc-ausweis']: _b, ...none } = d;
    const empty = await lead.post(details, none);
    assert.equal(empty.statusCode, 400);
    assert.ok(fieldError(empty.body, 'o-services'));
    const renamed = await lead.post(details, { ...d, 'o-name': 'Bürgeramt Mitte' });
    assert.equal(renamed.statusCode, 303);
    assert.equal((await config()).offices.find((o) => o.id === 'a')!.name, 'Bürgeramt Mitte');
  });

  test('a stale form is refused and shows the current values', async () => {
    const mine = await form(lead, HOURS_A);
    const theirs = await form(admin, HOURS_A);
    assert.equal((await admin.post(HOURS_A, { ...theirs, 'h0-from': '07:30' })).statusCode, 303);
    const before = configVersion(await config());
    const r = await lead.post(HOURS_A, { ...mine, 'h0-from': '09:00' });
    assert.equal(r.statusCode, 409);
    assert.match(r.body, /inzwischen geändert/);
    assert.equal(formValues(r.body)['h0-from'], '07:30');
    assert.equal(configVersion(await config()), before);
    // with the current version it goes through
    assert.equal((await lead.post(HOURS_A, { ...formValues(r.body), 'h0-from': '08:00' })).statusCode, 303);
  });

  test('a change stranding an appointment is shown and applied only when confirmed', async () => {
    const booked = await bookAppointment(env.app.ctx, {
      office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: '2026-12-02T11:00:00+01:00',
      contact: { name: 'Erika Muster', email: 'erika@example.org', phone: '' }, locale: 'de', consent: true, channel: 'phone',
    });
    const ref = booked.appointment.reference;
    const before = configVersion(await config());
    const values = { ...(await form(lead, HOURS_A)), 'h0-to': '11:00' };
    const r = await lead.post(HOURS_A, values);
    assert.equal(r.statusCode, 409);
    assert.match(r.body, new RegExp(ref));
    assert.match(r.body, /Außerhalb der Öffnungszeiten/);
    assert.equal(configVersion(await config()), before);

    // a confirmation covers only the appointments that were shown
    const other = await lead.post(HOURS_A, { ...formValues(r.body), confirm: 'AAAA-BBBB' });
    assert.equal(other.statusCode, 409);
    assert.match(other.body, new RegExp(ref));
    assert.equal(configVersion(await config()), before);

    const confirmed = await lead.post(HOURS_A, { ...formValues(r.body), confirm: ref });
    assert.equal(confirmed.statusCode, 303, confirmed.body);
    assert.equal(confirmed.headers.location, `${HOURS_A}?gespeichert=1`);
    const row = await env.app.ctx.db.selectFrom('appointments').select(['conflict', 'status']).where('reference', '=', ref.replace('-', '')).executeTakeFirstOrThrow();
    assert.equal(row.conflict, 'outside_hours');
    assert.equal(row.status, 'booked');
    const [entry] = await audit();
    assert.equal((entry!.details as { keptConflicts: number }).keptConflicts, 1);
    // a later change while it is still in conflict keeps no new conflict: the entry counts only what it newly kept
    const rules = '/staff/einstellungen/amt/a/regeln';
    const later = await lead.post(rules, { ...(await form(lead, rules)), 'b-reminderHours': '12' });
    assert.equal(later.statusCode, 303, later.body);
    assert.equal(later.headers.location, `${rules}?gespeichert=0`);
    const [next] = await audit();
    assert.equal(next!.action, 'settings.office.booking');
    assert.equal((next!.details as { keptConflicts: number }).keptConflicts, 0);
    assert.equal((await lead.post(rules, { ...(await form(lead, rules)), 'b-reminderHours': '24' })).statusCode, 303);
    // back to the old hours; the appointment fits again (no new conflicts, no question)
    assert.equal((await lead.post(HOURS_A, { ...(await form(lead, HOURS_A)), 'h0-to': '12:00' })).statusCode, 303);
  });

  test('a lead cannot edit another office or the concerns; the scope is checked on the server', async () => {
    const theirs = await form(admin, '/staff/einstellungen/amt/b/zeiten');
    assert.equal((await lead.get('/staff/einstellungen/amt/b/zeiten')).statusCode, 404);
    assert.equal((await lead.post('/staff/einstellungen/amt/b/zeiten', { ...theirs, 'h0-to': '16:00' })).statusCode, 404);
    assert.equal((await lead.get('/staff/einstellungen/anliegen')).statusCode, 404);
    assert.equal((await lead.get('/staff/einstellungen/anliegen/anmeldung')).statusCode, 404);
    assert.equal((await lead.post('/staff/einstellungen/anliegen/anmeldung', { version: theirs.version!, 's-minutes': '99' })).statusCode, 404);
    assert.equal((await lead.get('/staff/protokoll?office=b')).statusCode, 404);
    assert.equal((await config()).offices.find((o) => o.id === 'b')!.hours[0]!.to, '12:00');
  });

  test('admin: a concern\'s duration and documents, a new concern, removing one with its appointment shown first', async () => {
    const url = '/staff/einstellungen/anliegen/ausweis';
    const values = await form(admin, url);
    assert.equal(values['s-minutes'], '20');
    assert.equal(values['s-documents-de'], 'Dokument für ausweis\nPersonalausweis');
    const bad = await admin.post(url, { ...values, 's-minutes': '0', 's-name-en': '' });
    assert.equal(bad.statusCode, 400);
    assert.equal(fieldError(bad.body, 's-minutes'), renderMessage('de', 'min', { min: 1, value: 0 }));
    assert.ok(fieldError(bad.body, 's-name-en'));
    const ok = await admin.post(url, { ...values, 's-minutes': '30', 's-documents-de': 'Personalausweis\nGeburtsurkunde\n', 'off-b': '' });
    assert.equal(ok.statusCode, 303, ok.body);
    const c = await config();
    const s = c.services.find((x) => x.id === 'ausweis')!;
    assert.equal(s.minutes, 30);
    assert.deepEqual(s.documents.de, ['Personalausweis', 'Geburtsurkunde']);
    assert.deepEqual(c.offices.find((o) => o.id === 'b')!.services, ['anmeldung']);
    const [entry] = await audit();
    assert.equal(entry!.action, 'settings.service.update');
    const changes = (entry!.details as { changes: { path: string }[] }).changes.map((x) => x.path);
    assert.deepEqual(changes, ['services[ausweis].minutes', 'services[ausweis].documents.de', 'offices[b].services']);

    // a new concern, offered in office a
    const add = await form(admin, '/staff/einstellungen/neues-anliegen');
    const dup = await admin.post('/staff/einstellungen/neues-anliegen', { ...add, 's-id': 'ausweis', 's-name-de': 'X', 's-name-en': 'X', 's-area-de': 'Y', 's-area-en': 'Y', 's-minutes': '10' });
    assert.equal(dup.statusCode, 400);
    assert.ok(fieldError(dup.body, 's-id'));
    const made = await admin.post('/staff/einstellungen/neues-anliegen', {
      ...add, 's-id': 'reisepass', 's-name-de': 'Reisepass', 's-name-en': 'Passport', 's-area-de': 'Ausweise', 's-area-en': 'ID', 's-minutes': '25', 'off-a': 'ja',
    });
    assert.equal(made.statusCode, 303, made.body);
    assert.equal(made.headers.location, '/staff/einstellungen/anliegen/reisepass?gespeichert=0');
    assert.ok((await config()).offices.find((o) => o.id === 'a')!.services.includes('reisepass'));
    const list = await admin.get('/staff/einstellungen/anliegen');
    assert.match(list.body, /Reisepass/);

    // removing a concern with a booked appointment
    const booked = await bookAppointment(env.app.ctx, {
      office: 'a', services: [{ id: 'reisepass', quantity: 1 }], startsAt: '2026-12-03T09:00:00+01:00',
      contact: { name: 'Max Muster', email: 'max@example.org', phone: '' }, locale: 'de', consent: true, channel: 'phone',
    });
    const rm = '/staff/einstellungen/anliegen/reisepass/entfernen';
    const shown = await admin.post(rm, await form(admin, rm));
    assert.equal(shown.statusCode, 409);
    assert.match(shown.body, new RegExp(booked.appointment.reference));
    assert.ok((await config()).services.some((x) => x.id === 'reisepass'));
    const gone = await admin.post(rm, { ...formValues(shown.body), confirm: booked.appointment.reference });
    assert.equal(gone.statusCode, 303, gone.body);
    assert.ok(!(await config()).services.some((x) => x.id === 'reisepass'));
    assert.equal((await admin.get('/staff/einstellungen/anliegen/reisepass')).statusCode, 404);
  });

  test('the audit log: newest first, in words, filters; leads see their offices\' entries only', async () => {
    const r = await admin.get('/staff/protokoll?action=settings.*');
    assert.equal(r.statusCode, 200);
    const first = r.body.indexOf('Anliegen entfernt: ');
    const older = r.body.indexOf('Öffnungszeiten und Kapazität geändert: Bürgeramt Mitte'); // office a, renamed above: entries name it as it is now
    assert.ok(first > 0 && older > first, 'newest first');
    assert.match(r.body, /User lead/, 'the staff member by name');
    assert.doesNotMatch(r.body, /staff:|lead@example\.org/, 'no actor keys or e-mail addresses');
    assert.match(r.body, /Bürgeramt Mitte › Wöchentliche Öffnungszeiten, Zeile 1 › Bis/, 'the setting in words');
    assert.match((await admin.get('/staff/protokoll?action=config.import')).body, /Konfiguration importiert: 2 Dienststellen, 2 Anliegen/); // the test set-up's import
    const leadId = /<option value="([0-9a-f-]{36})">User lead<\/option>/.exec(r.body)![1];
    const filtered = await admin.get(`/staff/protokoll?action=settings.office.booking&person=${leadId}`);
    assert.doesNotMatch(filtered.body, /Öffnungszeiten und Kapazität geändert/);
    assert.match(filtered.body, /Buchungsregeln geändert: Bürgeramt Mitte/);
    const nobody = await admin.get('/staff/protokoll?from=01.01.2030');
    assert.match(nobody.body, /Keine Einträge/);
    const en = await admin.get('/staff/protokoll?action=settings.*&lang=en');
    assert.match(en.body, /Audit log/);
    assert.match(en.body, /Opening hours and capacity changed: Bürgeramt Mitte/);
    await admin.get('/staff?lang=de');
    const mine = await lead.get('/staff/protokoll?action=settings.*');
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, /Öffnungszeiten und Kapazität geändert: Bürgeramt Mitte/);
    assert.doesNotMatch(mine.body, /Anliegen entfernt|Konfiguration importiert/, 'organization-wide entries: admins only');
  });

  test('concern problems in the form\'s words; removing a concern the assistant still suggests says what to do', async () => {
    const url = '/staff/einstellungen/anliegen/ausweis';
    const values = await form(admin, url);
    const leika = await admin.post(url, { ...values, 's-leika': '123' });
    assert.equal(leika.statusCode, 400);
    assert.equal(fieldError(leika.body, 's-leika'), 'muss ein LeiKa-Schlüssel aus 14 Ziffern sein');
    const NEW = '/staff/einstellungen/neues-anliegen';
    const name = (await config()).services.find((x) => x.id === 'ausweis')!.name.de;
    const dup = await admin.post(NEW, { ...(await form(admin, NEW)), 's-id': 'ausweis', 's-name-de': 'X', 's-name-en': 'X', 's-area-de': 'Y', 's-area-en': 'Y', 's-minutes': '10' });
    assert.equal(dup.statusCode, 400);
    assert.equal(fieldError(dup.body, 's-id'), `diese Kennung hat schon das Anliegen „${name}“`);
    assert.doesNotMatch(unescapeHtml(dup.body), /services\[/);

    // the assistant (changed only by `config import`) still suggests "anmeldung"
    const current = await config();
    const withAssistant = {
      ...current,
      assistant: {
        questions: [{
          id: 'umzug', text: { de: 'Wohin ziehen Sie?', en: 'Where are you moving to?' },
          answers: [
            { label: { de: 'Innerhalb der Stadt', en: 'Within the city' }, services: [{ id: 'ausweis', quantity: 1 }] },
            { label: { de: 'Aus dem Ausland', en: 'From abroad' }, services: [{ id: 'anmeldung', quantity: 1 }] },
          ],
        }],
        redirects: [],
      },
    };
    const imported = await importConfig(env.app.ctx.db, { orgId: ORG, config: withAssistant, now: env.app.ctx.now(), keepConflicts: true });
    assert.ok(imported.applied);
    env.app.ctx.invalidateCatalog();
    try {
      const before = configVersion(await config());
      const rm = '/staff/einstellungen/anliegen/anmeldung/entfernen';
      const r = await admin.post(rm, await form(admin, rm));
      assert.equal(r.statusCode, 400, r.body);
      const page = unescapeHtml(r.body);
      assert.match(page, /Der Buchungsassistent schlägt dieses Anliegen noch vor: Frage „Wohin ziehen Sie\?“, Antwort „Aus dem Ausland“\./);
      assert.match(page, /amtszeit config import/);
      assert.doesNotMatch(page, /meinten Sie|assistant\.questions|unbekanntes Anliegen/);
      assert.equal(configVersion(await config()), before);
      const en = unescapeHtml((await admin.post(`${rm}?lang=en`, await form(admin, `${rm}?lang=en`))).body);
      assert.match(en, /The booking assistant still suggests this concern: question "Where are you moving to\?", answer "From abroad"\./);
    } finally {
      await importConfig(env.app.ctx.db, { orgId: ORG, config: { ...current }, now: env.app.ctx.now(), keepConflicts: true });
      env.app.ctx.invalidateCatalog();
      await admin.get('/staff?lang=de');
    }
  });
});
