// A closure's stranded appointments, one citizen at a time: besides the suggested
// time, cancel and keep, "another time from the calendar" opens the month
// calendar for that appointment under the NEW configuration (the plan's form and
// the other rows' choices kept, without script), and returns to the preview with
// the chosen time preselected. Applying re-checks that time: taken meanwhile (or
// inside the closure) it is kept as a conflict and the result says so. The
// suggestion prefers the same time of day on another day to a time hours earlier.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { importConfig } from '../../src/app/import-config.ts';
import { office } from '../fixtures/org-config.ts';
import { testDatabaseKinds } from '../helpers/database.ts';
import { Client, loggedIn, staffTestEnv, type StaffTestEnv } from './staff-helpers.ts';
import { formAround } from './page-forms.ts';
import { unescapeHtml } from './staff-settings-form.ts';

for (const kind of testDatabaseKinds()) {
  describe(`staff: another time from the calendar for one citizen of a closure (${kind})`, () => {
    let env: StaffTestEnv;
    let lead: Client;
    let n = 0;

    async function book(date: string, time: string, contact: { email?: string; phone?: string } = {}): Promise<string> {
      n++;
      const r = await bookAppointment(env.app.ctx, {
        office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: `${date}T${time}:00+01:00`,
        contact: { name: `Person ${n}`, email: contact.email ?? `person-${n}@example.org`, phone: contact.phone ?? '' }, locale: 'de', consent: true,
      });
      return r.appointment.reference;
    }
    const row = (ref: string) => env.app.ctx.db.selectFrom('appointments').selectAll().where('reference', '=', ref.replace('-', '')).executeTakeFirstOrThrow();
    const history = async (ref: string) => env.app.ctx.db.selectFrom('audit_log').select(['action', 'details'])
      .where('appointment_id', '=', (await row(ref)).id).orderBy('id').execute();
    const closure = (date: string, reason = 'Wasserschaden') => ({ office: 'a', from: date, to: date, fromTime: '', toTime: '', reason });

    before(async () => {
      env = await staffTestEnv(kind);
      // office a: 08:00-12:00 on weekdays and Tuesday afternoons 13:00-16:00, two counters
      const catalog = await env.app.ctx.catalog();
      const config = structuredClone(catalog.config);
      config.offices[0] = office('a', {
        name: 'Bürgeramt A',
        hours: [
          { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '12:00', counters: 2, online: 2, phone: 2 },
          { days: ['tue'], from: '13:00', to: '16:00', counters: 2, online: 2, phone: 2 },
        ],
      });
      await importConfig(env.app.ctx.db, { orgId: env.app.ctx.orgId, config, now: env.app.clock.now, actor: 'test' });
      env.app.ctx.invalidateCatalog();
      lead = await loggedIn(env.server, 'lead');
    });
    after(async () => { await env.close(); });

    test('choose a time from the calendar for one citizen (no script): the plan is kept, the time preselected, then moved with the reason in its history', async () => {
      const D = '2026-12-09'; // a Wednesday
      const picked = await book(D, '09:00');
      const cancelled = await book(D, '10:00');
      const preview = await lead.post('/staff/schliessen', { ...closure(D), step: 'preview' });
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /2 gebuchte Termine betroffen/);
      // the new choice, per citizen
      assert.match(preview.body, new RegExp(`id="c-${picked}-calendar" name="c_${picked}" value="calendar"`));
      assert.match(preview.body, /Andere Zeit im Kalender wählen/);

      // apply with "calendar" for one and "cancel" for the other: nothing is applied, the calendar opens for the first
      const choices = formAround(preview.body, `name="c_${picked}"`);
      const step = await lead.post('/staff/schliessen', { ...choices.values, [`c_${picked}`]: 'calendar', [`c_${cancelled}`]: 'cancel', step: 'apply' });
      assert.equal(step.statusCode, 200, step.body.slice(0, 300));
      assert.equal((await row(picked)).status, 'booked');
      assert.equal((await env.app.ctx.catalog()).offices.get('a')!.closures.length, 0, 'nothing applied yet');
      assert.match(step.body, new RegExp(`<h1[^>]*>Andere Zeit für ${picked} wählen</h1>`));
      assert.match(step.body, /Mittwoch, 9\. Dezember 2026, 09:00 Uhr/, 'the current time in words');
      // the calendar is under the new configuration: the closed day is no link any more
      assert.doesNotMatch(step.body, /href="[^"]*tag=2026-12-09/);
      const dayLink = /href="([^"]*tag=2026-12-15[^"]*)"/.exec(step.body);
      assert.ok(dayLink, 'Tuesday 15th is a link');
      const url = unescapeHtml(dayLink[1]!);
      assert.match(url, /^\/staff\/schliessen\/zeit\?/);
      for (const kept of ['reason=Wasserschaden', `c_${cancelled}=cancel`, `fuer=${picked}`]) assert.ok(url.includes(kept), `${kept} in ${url}`);

      // the day's times; the afternoon only
      const day = await lead.get(url.replace('#zeiten', '') + '&tageszeit=afternoon');
      assert.equal(day.statusCode, 200);
      assert.match(day.body, /Freie Zeiten am Dienstag, 15\. Dezember 2026/);
      const times = [...day.body.matchAll(/name="startsAt" value="([^"]+)"/g)].map((m) => m[1]!);
      assert.ok(times.length > 0 && times.every((t) => t.startsWith('2026-12-15T1')), times.join());
      assert.ok(times.every((t) => Number(t.slice(11, 13)) >= 13), 'afternoon times only');
      const chosen = '2026-12-15T14:30:00+01:00';
      assert.ok(times.includes(chosen));

      // taking it returns to the preview with the time preselected and the other choice kept
      const take = formAround(day.body, 'name="startsAt"');
      assert.equal(take.action, '/staff/schliessen');
      const back = await lead.post(take.action, { ...take.values, startsAt: chosen });
      assert.equal(back.statusCode, 200);
      assert.match(back.body, new RegExp(`id="c-${picked}-pick" name="c_${picked}" value="pick" checked`));
      assert.match(back.body, /Verschieben auf Dienstag, 15\. Dezember 2026, 14:30 Uhr \(im Kalender gewählt\)/);
      assert.match(back.body, new RegExp(`id="c-${cancelled}-cancel" name="c_${cancelled}" value="cancel" checked`));

      // apply: moved to the chosen time, the other cancelled
      const apply = formAround(back.body, `name="c_${picked}"`);
      const applied = await lead.post('/staff/schliessen', { ...apply.values, step: 'apply' });
      assert.equal(applied.statusCode, 303, applied.body.slice(0, 300));
      assert.equal((await row(picked)).starts_at.getTime(), Date.parse(chosen));
      assert.equal((await row(picked)).conflict, null);
      assert.equal((await row(cancelled)).status, 'cancelled');
      const result = await lead.get(String(applied.headers.location));
      assert.match(result.body, /verschoben auf Dienstag, 15\. Dezember 2026, 14:30 Uhr/);
      const moves = (await history(picked)).filter((h) => h.action === 'appointment.move');
      assert.equal(moves.length, 1);
      const move = moves[0]!.details as Record<string, unknown>;
      assert.equal(move.reason, 'Wasserschaden');
      assert.equal(move.cause, 'closure.add');
      assert.equal(Date.parse(String(move.toStart)), Date.parse(chosen));
      assert.equal(Date.parse(String(move.fromStart)), Date.parse(`${D}T09:00:00+01:00`));
      const cancels = (await history(cancelled)).filter((h) => h.action === 'appointment.cancel');
      assert.equal((cancels[0]!.details as Record<string, unknown>).reason, 'Wasserschaden');
    });

    test('the chosen time is taken meanwhile: the citizen is kept as a conflict and the result says so; a time inside the closure is refused the same way', async () => {
      const D = '2026-12-10'; // a Thursday
      const a = await book(D, '09:00');
      const b = await book(D, '09:30');
      const preview = await lead.post('/staff/schliessen', { ...closure(D, 'Stromausfall'), step: 'preview' });
      const values = formAround(preview.body, `name="c_${a}"`).values;
      const step = await lead.post('/staff/schliessen', { ...values, [`c_${a}`]: 'calendar', [`c_${b}`]: 'calendar', step: 'apply' });
      assert.match(step.body, new RegExp(`Andere Zeit für ${a} wählen`), 'the first one first');
      const chosen = '2026-12-14T10:00:00+01:00';
      const take = formAround(step.body.replace(/<form\b[^>]*method="get"[\s\S]*?<\/form>/g, ''), 'name="startsAt"');
      assert.ok(!take.values.startsAt, 'no time preselected');
      // without a time: the page again, with the message
      const none = await lead.post(take.action, take.values);
      assert.equal(none.statusCode, 400);
      assert.match(none.body, /Bitte wählen Sie eine Zeit/);
      const next = await lead.post(take.action, { ...take.values, tag: '14.12.2026', startsAt: chosen });
      // the second one still waits for its time: its calendar follows
      assert.equal(next.statusCode, 200);
      assert.match(next.body, new RegExp(`Andere Zeit für ${b} wählen`));
      const takeB = formAround(next.body.replace(/<form\b[^>]*method="get"[\s\S]*?<\/form>/g, ''), 'name="startsAt"');
      // crafted: a time inside the closure (the server re-checks it when applying)
      const back = await lead.post(takeB.action, { ...takeB.values, startsAt: `${D}T11:00:00+01:00` });
      assert.equal(back.statusCode, 200);
      assert.match(back.body, new RegExp(`id="c-${a}-pick" name="c_${a}" value="pick" checked`));
      // meanwhile both counters at the chosen time are booked
      await book('2026-12-14', '10:00');
      await book('2026-12-14', '10:00');
      const applied = await lead.post('/staff/schliessen', { ...formAround(back.body, `name="c_${a}"`).values, step: 'apply' });
      assert.equal(applied.statusCode, 303);
      for (const ref of [a, b]) {
        const r = await row(ref);
        assert.equal(r.status, 'booked', ref);
        assert.equal(r.conflict, 'outside_hours', ref);
        assert.equal(r.starts_at.toISOString().slice(0, 10), D);
        assert.equal((await history(ref)).filter((h) => h.action === 'appointment.move').length, 0);
      }
      const result = await lead.get(String(applied.headers.location));
      assert.equal((result.body.match(/die gewählte Zeit war inzwischen vergeben – behalten, als Konflikt markiert/g) ?? []).length, 2);
      const en = await lead.get(`${String(applied.headers.location)}&lang=en`);
      assert.match(en.body, /the chosen time had been taken meanwhile – kept, marked as a conflict/);
      await lead.get('/staff?lang=de');
    });

    test('the suggestion prefers the same time of day on another day to a time hours earlier', async () => {
      const D = '2026-12-16'; // a Wednesday; 08:00 is free that day, 11:00 is taken by the closure's part
      const late = await book(D, '11:00');
      const r = await lead.post('/staff/schliessen', { ...closure(D), fromTime: '10:00', toTime: '12:00', step: 'preview' });
      assert.equal(r.statusCode, 200);
      const t = new RegExp(`name="t_${late}" value="([^"]+)"`).exec(r.body)?.[1];
      assert.equal(t, '2026-12-17T11:00:00+01:00', 'Thursday at 11:00, not Wednesday at 09:45');
    });

    test('bookmark-safe: the calendar step of another office or an appointment not stranded answers 404; a clerk gets 404', async () => {
      const D = '2026-12-11';
      const ref = await book(D, '09:00');
      const q = new URLSearchParams({ ...closure(D), fuer: ref }).toString();
      assert.equal((await lead.get(`/staff/schliessen/zeit?${q}`)).statusCode, 200);
      const other = await book('2026-12-18', '09:00');
      assert.equal((await lead.get(`/staff/schliessen/zeit?${q.replace(ref, other)}`)).statusCode, 404, 'not stranded by this closure');
      assert.equal((await lead.get(`/staff/schliessen/zeit?${q.replace('office=a', 'office=b')}`)).statusCode, 404);
      const clerk = await loggedIn(env.server, 'clerkA');
      assert.equal((await clerk.get(`/staff/schliessen/zeit?${q}`)).statusCode, 404);
      assert.equal((await lead.get(`/staff/sperren/zeit?${new URLSearchParams({ ...closure(D), counters: '2', fuer: ref })}`)).statusCode, 200, 'blocks too');
    });
  });
}
