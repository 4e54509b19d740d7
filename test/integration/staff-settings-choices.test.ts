// Changing opening hours strands appointments: the settings page offers per
// citizen the suggested time, another time from the calendar (under the new
// hours, without script), cancel with a reason, or keep as a conflict; the
// result page says per citizen what happened and who must be called, and each
// move or cancellation is in the appointment's history with the reason.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { loadOrgConfig } from '../../src/db/repositories/organization-repo.ts';
import { ORG } from '../fixtures/test-app.ts';
import { testDatabaseKinds } from '../helpers/database.ts';
import { loggedIn, staffTestEnv, type Client, type StaffTestEnv } from './staff-helpers.ts';
import { formAround } from './page-forms.ts';
import { formValues, unescapeHtml } from './staff-settings-form.ts';

const HOURS_A = '/staff/einstellungen/amt/a/zeiten';
const D = '2026-12-02'; // a Wednesday; the clock stands at Monday 2026-11-30 08:00

for (const kind of testDatabaseKinds()) {
  describe(`staff settings: choices for the appointments a change of hours strands (${kind})`, () => {
    let env: StaffTestEnv;
    let lead: Client;
    before(async () => {
      env = await staffTestEnv(kind);
      lead = await loggedIn(env.server, 'lead');
    });
    after(async () => { await env.close(); });

    const row = (ref: string) => env.app.ctx.db.selectFrom('appointments').selectAll().where('reference', '=', ref.replace('-', '')).executeTakeFirstOrThrow();
    const history = async (ref: string) => env.app.ctx.db.selectFrom('audit_log').select(['action', 'details'])
      .where('appointment_id', '=', (await row(ref)).id).orderBy('id').execute();
    const online = async (time: string, name: string) => (await bookAppointment(env.app.ctx, {
      office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: `${D}T${time}:00+01:00`,
      contact: { name, email: `${name.toLowerCase().replace(/\W/g, '')}@example.org`, phone: '' }, locale: 'de', consent: true,
    })).appointment.reference;

    test('suggested time, a time from the calendar, cancel: the result page tells per citizen and lists whom to call', async () => {
      const byPhone = await lead.post('/staff/buchen', { office: 'a', channel: 'phone', q_anmeldung: '1', startsAt: `${D}T11:00:00+01:00`, name: 'Anna Anruf', email: '', phone: '0341 555 0101' });
      assert.equal(byPhone.statusCode, 303, byPhone.body.slice(0, 300));
      const caller = decodeURIComponent(String(byPhone.headers.location).split('/').pop()!);
      const picked = await online('11:30', 'Olga Online');
      const cancelled = await online('11:45', 'Otto Online');

      // the office closes at 11:00 from now on: three appointments no longer fit
      const values = { ...formValues((await lead.get(HOURS_A)).body), 'h0-to': '11:00' };
      const shown = await lead.post(HOURS_A, values);
      assert.equal(shown.statusCode, 409);
      for (const ref of [caller, picked, cancelled]) {
        for (const v of ['move', 'calendar', 'cancel', 'keep']) assert.match(shown.body, new RegExp(`name="c_${ref}" value="${v}"`), `${ref} ${v}`);
      }
      // the nearest time that day within an hour (10:45), not a time hours away
      assert.match(shown.body, new RegExp(`name="t_${caller}" value="${D}T10:45:00\\+01:00"`));
      assert.match(shown.body, /Verschieben auf Mittwoch, 2\. Dezember 2026, 10:45 Uhr/);
      assert.match(shown.body, /keine E-Mail-Adresse: bitte anrufen/);

      // cancelling needs a reason: the message at the field, nothing saved
      const form = formValues(shown.body);
      assert.ok(form.confirm === undefined, 'the confirm button is not a field');
      const confirm = /name="confirm" value="([^"]+)"/.exec(shown.body)![1]!;
      const noReason = await lead.post(HOURS_A, { ...form, confirm, reason: '', [`c_${cancelled}`]: 'cancel' });
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.body, /href="#reason"/);
      assert.match(noReason.body, /id="reason-error"/);
      assert.equal((await loadOrgConfig(env.app.ctx.db, ORG))!.offices[0]!.hours[0]!.to, '12:00', 'nothing saved');
      assert.equal((await row(cancelled)).status, 'booked');

      // another time from the calendar for one of them: the calendar under the new hours
      const step = await lead.post(HOURS_A, {
        ...form, confirm, reason: 'Neue Öffnungszeiten',
        [`c_${caller}`]: 'move', [`c_${picked}`]: 'calendar', [`c_${cancelled}`]: 'cancel',
      });
      assert.equal(step.statusCode, 200, step.body.slice(0, 300));
      assert.match(step.body, new RegExp(`Andere Zeit für ${picked} wählen`));
      assert.equal((await loadOrgConfig(env.app.ctx.db, ORG))!.offices[0]!.hours[0]!.to, '12:00', 'still nothing saved');
      const link = /href="([^"]*tag=2026-12-04[^"]*)"/.exec(step.body);
      assert.ok(link, 'Friday 4th is a link');
      const url = unescapeHtml(link[1]!).replace('#zeiten', '');
      assert.match(url, /^\/staff\/einstellungen\/amt\/a\/zeiten\/zeit\?/);
      assert.ok(url.includes('h0-to=11%3A00') || url.includes('h0-to=11:00'), url);
      const day = await lead.get(url);
      assert.equal(day.statusCode, 200);
      const times = [...day.body.matchAll(/name="startsAt" value="([^"]+)"/g)].map((m) => m[1]!);
      assert.ok(times.length > 0 && times.every((t) => t.startsWith('2026-12-04T') && t.slice(11, 16) < '11:00'), `under the new hours: ${times.join()}`);
      const take = formAround(day.body, 'name="startsAt"');
      assert.equal(take.action, HOURS_A);
      const back = await lead.post(take.action, { ...take.values, startsAt: '2026-12-04T09:15:00+01:00' });
      assert.equal(back.statusCode, 409);
      assert.match(back.body, new RegExp(`id="c-${picked}-pick" name="c_${picked}" value="pick" checked`));
      assert.match(back.body, new RegExp(`id="c-${cancelled}-cancel" name="c_${cancelled}" value="cancel" checked`));
      assert.match(back.body, /Freitag, 4\. Dezember 2026, 09:15 Uhr \(im Kalender gewählt\)/);
      assert.equal(formValues(back.body)['h0-to'], '11:00', 'the form\'s change is kept');

      // apply
      const applied = await lead.post(HOURS_A, { ...formValues(back.body), confirm: /name="confirm" value="([^"]+)"/.exec(back.body)![1]! });
      assert.equal(applied.statusCode, 303, applied.body.slice(0, 400));
      assert.match(String(applied.headers.location), /^\/staff\/plaene\/ergebnis\?office=a&id=\d+$/);
      assert.equal((await loadOrgConfig(env.app.ctx.db, ORG))!.offices[0]!.hours[0]!.to, '11:00');
      assert.equal((await row(caller)).starts_at.getTime(), Date.parse(`${D}T10:45:00+01:00`));
      assert.equal((await row(picked)).starts_at.getTime(), Date.parse('2026-12-04T09:15:00+01:00'));
      assert.equal((await row(cancelled)).status, 'cancelled');
      for (const ref of [caller, picked]) assert.equal((await row(ref)).conflict, null);

      const result = await lead.get(String(applied.headers.location));
      assert.equal(result.statusCode, 200);
      const rowOf = (ref: string) => new RegExp(`${ref}[\\s\\S]*?</tr>`).exec(result.body)?.[0] ?? '';
      assert.match(rowOf(caller), /verschoben auf Mittwoch, 2\. Dezember 2026, 10:45 Uhr[\s\S]*keine E-Mail-Adresse – bitte anrufen: 0341 555 0101/);
      assert.match(rowOf(picked), /verschoben auf Freitag, 4\. Dezember 2026, 09:15 Uhr[\s\S]*E-Mail mit Grund an olgaonline@example\.org/);
      assert.match(rowOf(cancelled), /abgesagt[\s\S]*E-Mail mit Grund an ottoonline@example\.org/);
      const calls = /id="anrufliste"[\s\S]*?<\/section>/.exec(result.body)?.[0] ?? '';
      assert.match(calls, /Anna Anruf[\s\S]*0341 555 0101/);
      assert.match(calls, /Neue Öffnungszeiten/);
      assert.doesNotMatch(calls, /Olga Online|Otto Online/);
      assert.equal((await lead.get(String(applied.headers.location).replace('/ergebnis', '/anrufliste'))).statusCode, 200);
      // the calendar step is the settings page's: another office's, a clerk's or an anonymous request get nothing
      assert.equal((await lead.get(url.replace('/amt/a/', '/amt/b/'))).statusCode, 404);
      assert.equal((await (await loggedIn(env.server, 'clerkA')).get(url)).statusCode, 404);
      const anonymous = await env.server.inject({ url, headers: { accept: 'text/html' } });
      assert.equal(anonymous.statusCode, 303);
      assert.match(String(anonymous.headers.location), /^\/staff\/login/);

      // the history of each, with the reason and the cause
      const move = (await history(caller)).find((h) => h.action === 'appointment.move')!.details as Record<string, unknown>;
      assert.deepEqual([move.reason, move.cause], ['Neue Öffnungszeiten', 'settings']);
      const pickedMove = (await history(picked)).find((h) => h.action === 'appointment.move')!.details as Record<string, unknown>;
      assert.equal(Date.parse(String(pickedMove.toStart)), Date.parse('2026-12-04T09:15:00+01:00'));
      const cancel = (await history(cancelled)).find((h) => h.action === 'appointment.cancel')!.details as Record<string, unknown>;
      assert.deepEqual([cancel.reason, cancel.cause], ['Neue Öffnungszeiten', 'settings']);
      // and the mails carry the reason
      const mails = await env.app.ctx.db.selectFrom('outbox').select(['kind', 'payload']).where('appointment_id', '=', (await row(picked)).id).where('kind', '=', 'reschedule').execute();
      assert.equal((mails[0]!.payload as { reason?: string }).reason, 'Neue Öffnungszeiten');
    });

    test('keep as a conflict still works as before; English texts', async () => {
      const ref = await online('10:45', 'Kim Keep');
      const values = { ...formValues((await lead.get(`${HOURS_A}?lang=en`)).body), 'h0-to': '10:30' };
      const shown = await lead.post(HOURS_A, values);
      assert.equal(shown.statusCode, 409);
      assert.match(shown.body, /Choose another time in the calendar/);
      const confirm = /name="confirm" value="([^"]+)"/.exec(shown.body)![1]!;
      const kept = await lead.post(HOURS_A, { ...formValues(shown.body), confirm });
      assert.equal(kept.statusCode, 303);
      // Kim and the caller moved to 10:45 above: both kept; nobody to tell, so the settings page with its notice
      assert.equal(kept.headers.location, `${HOURS_A}?gespeichert=2`);
      assert.equal((await row(ref)).conflict, 'outside_hours');
      await lead.get('/staff?lang=de');
    });
  });
}
