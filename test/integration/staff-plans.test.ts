// When plans change, through the back office: blocking time re-lanes what fits
// at the same time and lists the rest with a choice each (move to the nearest
// free time, cancel with the reason, keep as a conflict); the result page says
// what happened; closures and blocks are listed and removed again (the times
// reopen on the citizen API).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { importConfig } from '../../src/app/import-config.ts';
import { office } from '../fixtures/org-config.ts';
import { Client, loggedIn, staffTestEnv, type StaffTestEnv } from './staff-helpers.ts';

const DAY = '2026-12-02'; // a Wednesday; the clock stands at Monday 2026-11-30 08:00

describe('staff: when plans change', () => {
  let env: StaffTestEnv;
  let lead: Client;
  let n = 0;

  /** Books online at `time` on DAY (or `date`); online bookings take the lowest free lane. */
  async function book(time: string, date = DAY): Promise<string> {
    n++;
    const r = await bookAppointment(env.app.ctx, {
      office: 'a', services: [{ id: 'anmeldung', quantity: 1 }], startsAt: `${date}T${time}:00+01:00`,
      contact: { name: `Person ${n}`, email: `person-${n}@example.org`, phone: '' }, locale: 'de', consent: true,
    });
    return r.appointment.reference;
  }
  const row = (ref: string) => env.app.ctx.db.selectFrom('appointments').selectAll().where('reference', '=', ref.replace('-', '')).executeTakeFirstOrThrow();
  const mails = async (ref: string) => {
    const r = await row(ref);
    return env.app.ctx.db.selectFrom('outbox').select(['kind', 'payload']).where('appointment_id', '=', r.id).where('kind', '<>', 'booking_confirmation').execute();
  };
  const blockForm = (over: Record<string, string>) => ({ office: 'a', from: DAY, to: DAY, fromTime: '', toTime: '', counters: '1', reason: 'krank', ...over });

  before(async () => {
    env = await staffTestEnv();
    // office a gets three counters from 08:00 to 12:00
    const catalog = await env.app.ctx.catalog();
    const config = structuredClone(catalog.config);
    config.offices[0] = office('a', { name: 'Bürgeramt A', hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '12:00', counters: 3, online: 3, phone: 3 }] });
    await importConfig(env.app.ctx.db, { orgId: env.app.ctx.orgId, config, now: env.app.clock.now, actor: 'test' });
    env.app.ctx.invalidateCatalog();
    lead = await loggedIn(env.server, 'lead');
  });
  after(async () => { await env.close(); });

  test('blocking one of three counters: the appointment on lane 2 moves to the free lane 1 at the same time; nobody is affected', async () => {
    const [r0, r1, r2] = [await book('09:00'), await book('09:00'), await book('09:00')];
    assert.deepEqual([(await row(r0)).lane, (await row(r1)).lane, (await row(r2)).lane], [0, 1, 2]);
    await env.app.ctx.db.updateTable('appointments').set({ status: 'cancelled', cancelled_at: new Date() }).where('reference', '=', r1.replace('-', '')).execute();

    const form = await lead.get(`/staff/sperren?office=a&from=${DAY}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Wie viele Schalter fallen weg\?/);
    const preview = await lead.post('/staff/sperren', blockForm({ fromTime: '09:00', toTime: '10:00', step: 'preview' }));
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /1 Termin wird zur selben Zeit an einen freien Schalter gelegt/);
    assert.match(preview.body, /Keine gebuchten Termine betroffen/);
    assert.equal((await row(r2)).lane, 2, 'a preview changes nothing');

    const applied = await lead.post('/staff/sperren', blockForm({ fromTime: '09:00', toTime: '10:00', step: 'apply' }));
    assert.equal(applied.statusCode, 303);
    assert.match(String(applied.headers.location), /^\/staff\/plaene\/ergebnis\?office=a&id=\d+$/);
    const result = await lead.get(String(applied.headers.location));
    assert.match(result.body, /1 Termin an einen anderen Schalter zur selben Zeit gelegt/);

    const moved = await row(r2);
    assert.equal(moved.lane, 1);
    assert.equal(moved.conflict, null);
    assert.equal(moved.starts_at.toISOString(), '2026-12-02T08:00:00.000Z', 'same time');
    assert.deepEqual(await mails(r2), [], 'the citizen is not bothered');
    const office = (await env.app.ctx.catalog()).offices.get('a')!;
    assert.deepEqual(office.blocks, [{ from: DAY, to: DAY, fromTime: '09:00', toTime: '10:00', reason: { de: 'krank', en: 'krank' }, counters: 1 }]);
    const audit = await env.app.ctx.db.selectFrom('audit_log').select(['actor', 'action', 'details']).where('action', '=', 'config.import')
      .orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(audit.actor, 'staff:lead@example.org');
    assert.deepEqual((audit.details as Record<string, unknown>).relaned, [r2]);
    assert.equal((audit.details as Record<string, unknown>).change, 'block.add');

    // the day view says why; the citizen API offers no 09:00 any more (both remaining lanes are taken)
    const day = await lead.get(`/staff?office=a&date=${DAY}`);
    assert.match(day.body, /1 Schalter gesperrt 09:00–10:00: krank/);
    const times = (await env.server.inject({ url: `/api/v1/availability/${DAY}?office=a&services=anmeldung` })).json() as { times: { time: string }[] };
    assert.ok(!times.times.some((t) => t.time === '09:00'));
    assert.ok(times.times.some((t) => t.time === '09:15'));
  });

  test('more appointments than counters left: the rest are affected; moving and cancelling per choice, the reason in the mails', async () => {
    const refs = [await book('10:00'), await book('10:00'), await book('10:00')];
    const [, b, c] = refs;
    // two counters away from 10:00 to 10:30: lanes 1 and 2 are no longer staffed
    const preview = await lead.post('/staff/sperren', blockForm({ fromTime: '10:00', toTime: '10:30', counters: '2', reason: 'Schulung', step: 'preview' }));
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /2 gebuchte Termine betroffen/);
    for (const r of [b, c]) assert.ok(preview.body.includes(`name="c_${r}"`), r);
    assert.ok(!preview.body.includes(`name="c_${refs[0]}"`), 'lane 0 stays staffed');
    const suggested = [...preview.body.matchAll(/name="t_([A-Z0-9-]+)" value="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    assert.equal(suggested.length, 2, 'both get a suggested time');
    assert.match(preview.body, /Verschieben auf Mittwoch, 2\. Dezember 2026, \d\d:\d\d Uhr/, 'the suggested time in words');

    // "all: move" preselects moving for everyone
    const all = await lead.post('/staff/sperren', blockForm({ fromTime: '10:00', toTime: '10:30', counters: '2', reason: 'Schulung', step: 'preview', all: 'move' }));
    assert.equal((all.body.match(/value="move" checked/g) ?? []).length, 2);

    const tOf = new Map(suggested as [string, string][]);
    const applied = await lead.post('/staff/sperren', blockForm({
      fromTime: '10:00', toTime: '10:30', counters: '2', reason: 'Schulung', step: 'apply',
      [`c_${b}`]: 'move', [`t_${b}`]: tOf.get(b)!, [`c_${c}`]: 'cancel', [`t_${c}`]: tOf.get(c)!,
    }));
    assert.equal(applied.statusCode, 303);
    assert.match(String(applied.headers.location), /^\/staff\/plaene\/ergebnis\?office=a&id=\d+$/);
    const moved = await row(b);
    assert.equal(moved.starts_at.getTime(), Date.parse(tOf.get(b)!));
    assert.equal(moved.conflict, null);
    assert.equal((await row(c)).status, 'cancelled');
    assert.deepEqual((await mails(b)).map((m) => [m.kind, (m.payload as { reason?: string }).reason]), [['reschedule', 'Schulung']]);
    assert.deepEqual(await mails(c), [{ kind: 'staff_cancellation', payload: { reason: 'Schulung' } }]);
    const result = await lead.get(String(applied.headers.location));
    assert.match(result.body, new RegExp(`verschoben auf Mittwoch, 2\\. Dezember 2026, ${tOf.get(b)!.slice(11, 16)} Uhr`));
    assert.match(result.body, /abgesagt[\s\S]*?E-Mail mit Grund an/);
  });

  test('a suggested time that is gone when applying: the appointment is kept as a conflict, and the page says so', async () => {
    // three appointments on three counters, one counter away: one is affected
    const refs = [await book('11:00'), await book('11:00'), await book('11:00')];
    const preview = await lead.post('/staff/sperren', blockForm({ fromTime: '11:00', toTime: '11:15', counters: '1', step: 'preview' }));
    assert.match(preview.body, /1 gebuchter Termin betroffen/);
    const stranded = refs.find((r) => preview.body.includes(`name="c_${r}"`))!;
    assert.equal(stranded, refs[2], 'the one on lane 2');
    // the time offered is taken meanwhile: 09:00 is full
    const applied = await lead.post('/staff/sperren', blockForm({
      fromTime: '11:00', toTime: '11:15', counters: '1', step: 'apply', [`c_${stranded}`]: 'move', [`t_${stranded}`]: `${DAY}T09:00:00+01:00`,
    }));
    assert.equal(applied.statusCode, 303);
    const r = await row(stranded);
    assert.equal(r.status, 'booked');
    assert.equal(r.conflict, 'over_capacity');
    assert.match((await lead.get(String(applied.headers.location))).body, /inzwischen vergeben – behalten, als Konflikt markiert/);
    // the move could not be done: its history says it is kept as a conflict, once
    const history = (await lead.get(`/staff/termin/${stranded}`)).body;
    assert.equal(history.match(/Als Konflikt behalten/g)?.length, 1, 'one conflict entry in the history');
    const day = (await lead.get(`/staff?office=a&date=${DAY}`)).body;
    assert.match(day, /1 Termin passt nicht mehr zur Konfiguration/);
    assert.match(day, /nach einem Import, einer Schließung oder einer Sperre/, 'the banner does not blame the import');
    assert.doesNotMatch(day, /beim Import der Einstellungen/);
  });

  test('bad input: a clear message next to the field, nothing changes', async () => {
    const before = (await env.app.ctx.catalog()).offices.get('a')!.blocks?.length;
    for (const [over, field] of [[{ counters: '0' }, 'counters'], [{ counters: 'zwei' }, 'counters'], [{ reason: '' }, 'reason'],
      [{ fromTime: '10:00', toTime: '09:00' }, 'toTime'], [{ from: '2026-02-30' }, 'from']] as const) {
      const r = await lead.post('/staff/sperren', blockForm({ ...over, step: 'apply' }));
      assert.equal(r.statusCode, 400, JSON.stringify(over));
      assert.match(r.body, /Es gibt ein Problem/);
      assert.match(r.body, new RegExp(`href="#${field}"`));
      assert.match(r.body, new RegExp(`id="${field}-error"`));
    }
    assert.equal((await env.app.ctx.catalog()).offices.get('a')!.blocks?.length, before);
  });

  test('closures and blocks are listed and removed again; removing a closure reopens the times on the citizen API', async () => {
    const dayTimes = async (date: string) =>
      ((await env.server.inject({ url: `/api/v1/availability/${date}?office=a&services=anmeldung` })).json() as { times: unknown[] }).times.length;
    const kept = await book('08:00', '2026-12-14');
    assert.ok(await dayTimes('2026-12-14') > 0);
    const closed = await lead.post('/staff/schliessen', { office: 'a', from: '2026-12-14', to: '2026-12-14', fromTime: '', toTime: '', reason: 'Umzug', step: 'apply', [`c_${kept}`]: 'keep' });
    assert.equal(closed.statusCode, 303);
    assert.equal(await dayTimes('2026-12-14'), 0);
    assert.equal((await row(kept)).conflict, 'outside_hours');

    const list = await lead.get('/staff/plaene?office=a');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Mo\., 14\.12\.2026/, 'the day in words');
    assert.doesNotMatch(list.body, /2026-12-14/);
    assert.match(list.body, /Umzug/);
    assert.match(list.body, /09:00–10:00/, 'the blocks are listed too');
    const link = /href="(\/staff\/plaene\/entfernen\?office=a&amp;kind=closure&amp;key=[^"]+)"/.exec(list.body);
    assert.ok(link, 'a remove link for the closure');
    const confirm = await lead.get(link[1].replace(/&amp;/g, '&'));
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Wirklich entfernen\?/);
    assert.match(confirm.body, /Umzug/);
    const key = /name="key" value="([^"]+)"/.exec(confirm.body)![1];
    const removed = await lead.post('/staff/plaene/entfernen', { office: 'a', kind: 'closure', key });
    assert.equal(removed.headers.location, '/staff/plaene?office=a&removed=1');
    assert.match((await lead.get(String(removed.headers.location))).body, /Entfernt\. Die Zeiten sind wieder buchbar\./);
    assert.ok(await dayTimes('2026-12-14') > 0, 'the times are bookable again');
    assert.equal((await row(kept)).conflict, null, 'the kept appointment fits again');
    assert.ok(!(await env.app.ctx.catalog()).offices.get('a')!.closures.some((c) => c.from === '2026-12-14'));
    const audit = await env.app.ctx.db.selectFrom('audit_log').select(['actor', 'details']).where('action', '=', 'config.import').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(audit.actor, 'staff:lead@example.org');
    assert.equal((audit.details as Record<string, unknown>).change, 'closure.remove');
    // the same key again: gone (404), nothing changes
    assert.equal((await lead.post('/staff/plaene/entfernen', { office: 'a', kind: 'closure', key })).statusCode, 404);

    // a block: removing it gives the counters back
    const blocks = (await env.app.ctx.catalog()).offices.get('a')!.blocks!.length;
    const listed = await lead.get('/staff/plaene?office=a&lang=en');
    assert.match(listed.body, /Closures and blocks/);
    const blockKey = /kind=block&amp;key=([^"]+)"/.exec(listed.body)![1];
    const gone = await lead.post('/staff/plaene/entfernen', { office: 'a', kind: 'block', key: decodeURIComponent(blockKey) });
    assert.equal(gone.statusCode, 303);
    assert.equal((await env.app.ctx.catalog()).offices.get('a')!.blocks?.length ?? 0, blocks - 1);
    await lead.get('/staff?lang=de');
  });

  test('the Enter key never submits an "all" button: a preview without `all` keeps the choices; the choices form has apply as its only button', async () => {
    const D = '2026-12-03';
    const refs = [await book('10:00', D), await book('10:00', D), await book('10:00', D)];
    const form = blockForm({ from: D, to: D, fromTime: '10:00', toTime: '10:30', counters: '2', reason: 'Schulung', step: 'preview' });
    const first = await lead.post('/staff/sperren', form);
    const [b, c] = refs.filter((r) => first.body.includes(`name="c_${r}"`));
    assert.ok(b && c, 'two are affected');
    // the form that holds the radio buttons: its first (and only) submit button is apply, never "all"
    const forms = [...first.body.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)].map((m) => m[1]);
    const choicesForm = forms.find((f) => f.includes(`name="c_${b}"`))!;
    assert.ok(choicesForm);
    const buttons = [...choicesForm.matchAll(/<button\b[^>]*>/g)].map((m) => m[0]);
    assert.equal(buttons.length, 1, 'one submit button');
    assert.match(buttons[0], /name="step" value="apply"/);
    assert.doesNotMatch(choicesForm, /name="all"/);
    const allForm = forms.find((f) => f.includes('name="all"'))!;
    assert.doesNotMatch(allForm, /name="c_/, 'the "all" buttons only preselect, in a form of their own');
    // a preview posted with choices and no `all` keeps them
    const again = await lead.post('/staff/sperren', { ...form, [`c_${b}`]: 'cancel', [`c_${c}`]: 'keep' });
    assert.match(again.body, new RegExp(`id="c-${b}-cancel" name="c_${b}" value="cancel" checked`));
    assert.match(again.body, new RegExp(`id="c-${c}-keep" name="c_${c}" value="keep" checked`));
    assert.equal((again.body.match(/value="move" checked/g) ?? []).length, 0);
    // tidy up: keep both (conflicts) so later tests see a clean office
    await lead.post('/staff/sperren', { ...form, step: 'apply', [`c_${b}`]: 'cancel', [`c_${c}`]: 'cancel' });
  });

  test('a period that ends before today is refused at the "to" field; one still running is accepted', async () => {
    const before = structuredClone((await env.app.ctx.catalog()).offices.get('a')!);
    for (const url of ['/staff/sperren', '/staff/schliessen']) {
      const r = await lead.post(url, blockForm({ from: '2026-11-20', to: '2026-11-27', step: 'apply' }));
      assert.equal(r.statusCode, 400, url);
      assert.match(r.body, /href="#to"/);
      assert.match(r.body, /id="to-error"[\s\S]*?Der Zeitraum endet vor heute/);
      const en = await lead.post(`${url}?lang=en`, blockForm({ from: '2026-11-20', to: '2026-11-29', step: 'preview' }));
      assert.match(en.body, /The period ends before today/);
      await lead.get('/staff?lang=de');
    }
    const after = (await env.app.ctx.catalog()).offices.get('a')!;
    assert.deepEqual([after.closures, after.blocks], [before.closures, before.blocks], 'nothing saved');
    const running = await lead.post('/staff/sperren', blockForm({ from: '2026-11-20', to: '2026-11-30', step: 'preview' }));
    assert.equal(running.statusCode, 200, 'ends today: accepted');
  });

  test('taking away more counters than the office has then: accepted, and the preview says so plainly', async () => {
    const r = await lead.post('/staff/sperren', blockForm({ from: '2026-12-04', to: '2026-12-04', counters: '5', step: 'preview' }));
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /höchstens 3 Schalter\. Die Sperre von 5 Schaltern nimmt alle weg/);
    const en = await lead.post('/staff/sperren?lang=en', blockForm({ from: '2026-12-04', to: '2026-12-04', counters: '5', step: 'preview' }));
    assert.match(en.body, /at most 3 counters in this period/);
    await lead.get('/staff?lang=de');
    const sunday = await lead.post('/staff/sperren', blockForm({ from: '2026-12-06', to: '2026-12-06', counters: '1', step: 'preview' }));
    assert.match(sunday.body, /ohnehin geschlossen/);
    const fine = await lead.post('/staff/sperren', blockForm({ from: '2026-12-04', to: '2026-12-04', counters: '2', step: 'preview' }));
    assert.doesNotMatch(fine.body, /höchstens|ohnehin geschlossen/);
  });

  test('the result page takes the outcomes from the server\'s record, never from its address', async () => {
    const D = '2026-12-07';
    const refs = [await book('10:00', D), await book('10:00', D), await book('10:00', D)];
    const form = blockForm({ from: D, to: D, fromTime: '10:00', toTime: '10:15', counters: '1', reason: 'Termin beim Arzt', step: 'apply' });
    const preview = await lead.post('/staff/sperren', { ...form, step: 'preview' });
    const stranded = refs.find((r) => preview.body.includes(`name="c_${r}"`))!;
    const applied = await lead.post('/staff/sperren', { ...form, [`c_${stranded}`]: 'keep' });
    const location = String(applied.headers.location);
    const id = /id=(\d+)$/.exec(location)![1];
    const record = await env.app.ctx.db.selectFrom('audit_log').select(['actor', 'action', 'details']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(record.action, 'plan.outcome');
    assert.equal(record.actor, 'staff:lead@example.org');
    assert.deepEqual((record.details as { outcomes: unknown }).outcomes, [{ reference: stranded, outcome: 'kept' }]);
    const result = await lead.get(location);
    assert.match(result.body, /behalten – als Konflikt markiert/);
    assert.ok(result.body.includes(`/staff?office=a&amp;date=${D}`) || result.body.includes(`/staff?office=a&date=${D}`), 'the day comes from the record');
    // a crafted address: the old query parameters are ignored, unknown or another kind of entry is 404
    const other = refs.find((r) => r !== stranded)!;
    assert.equal((await lead.get(`/staff/plaene/ergebnis?office=a&r=5&o=${other}~c`)).statusCode, 404);
    const crafted = /<main[\s\S]*<\/main>/.exec((await lead.get(`${location}&r=5&o=${other}~c`)).body)![0];
    assert.doesNotMatch(crafted, new RegExp(other));
    assert.doesNotMatch(crafted, /abgesagt|5 Termine/);
    assert.match(crafted, new RegExp(stranded));
    const importEntry = await env.app.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'config.import').executeTakeFirstOrThrow();
    assert.equal((await lead.get(`/staff/plaene/ergebnis?office=a&id=${importEntry.id}`)).statusCode, 404);
    assert.equal((await lead.get('/staff/plaene/ergebnis?office=a&id=x1')).statusCode, 404);
    // the record of office a under office b's name: 404 (and the lead may not see b anyway)
    const admin = await loggedIn(env.server, 'admin');
    assert.equal((await admin.get(`/staff/plaene/ergebnis?office=b&id=${id}`)).statusCode, 404);
    assert.equal((await admin.get(location)).statusCode, 200);
  });

  test('texts: the date hint follows the language; the list names each table once and each remove link by its entry', async () => {
    const en = await lead.get('/staff/sperren?office=a&lang=en');
    assert.match(en.body, /DD\.MM\.YYYY/);
    assert.doesNotMatch(en.body, /JJJJ/);
    const closeEn = await lead.get('/staff/schliessen?office=a&lang=en');
    assert.match(closeEn.body, /DD\.MM\.YYYY/);
    assert.doesNotMatch(closeEn.body, /JJJJ/);
    assert.match((await lead.get('/staff/schliessen?office=a&lang=de')).body, /TT\.MM\.JJJJ/); // and back to German
    const list = await lead.get('/staff/plaene?office=a');
    assert.equal((list.body.match(/Sperren \(weniger Schalter\)/g) ?? []).length, 1);
    assert.doesNotMatch(list.body, /<caption/);
    assert.match(list.body, /<table[^>]*aria-labelledby="blocks"/);
    assert.match(list.body, />Entfernen<span class="kern-sr-only">: Sperre \w\w\., \d\d\.12\.2026 \d\d:\d\d–\d\d:\d\d<\/span><\/a>/);
  });
  test('a closure over three bookings, one with only a phone number and one with nothing: each says how the citizen is told, and a call list', async () => {
    const date = '2026-12-09';
    const withMail = await book('09:00', date);
    const byCaller = async (time: string, channel: string, name: string, phone: string) => {
      const r = await lead.post('/staff/buchen', { office: 'a', channel, q_anmeldung: '1', startsAt: `${date}T${time}:00+01:00`, name, email: '', phone });
      assert.equal(r.statusCode, 303, r.body.slice(0, 300));
      return decodeURIComponent(String(r.headers.location).split('/').pop()!);
    };
    const byPhone = await byCaller('09:30', 'phone', 'Anna Anruf', '0341 555 0101');
    const nothing = await byCaller('10:00', 'counter', 'Otto Ohne', '');
    const applied = await lead.post('/staff/schliessen', {
      office: 'a', from: '09.12.2026', to: '9.12.2026', fromTime: '', toTime: '', reason: 'Wasserschaden', step: 'apply', // typed the German way
      [`c_${withMail}`]: 'cancel', [`c_${byPhone}`]: 'cancel', [`c_${nothing}`]: 'cancel',
    });
    assert.equal(applied.statusCode, 303, applied.body.slice(0, 500));
    const result = await lead.get(String(applied.headers.location));
    const rowOf = (ref: string) => new RegExp(`${ref}[\\s\\S]*?</tr>`).exec(result.body)?.[0] ?? '';
    assert.match(rowOf(withMail), /E-Mail mit Grund an person-\d+@example\.org/);
    assert.match(rowOf(byPhone), /keine E-Mail-Adresse – bitte anrufen: 0341 555 0101/);
    assert.doesNotMatch(rowOf(byPhone), /E-Mail mit Grund/);
    assert.match(rowOf(nothing), /kann nicht benachrichtigt werden/);
    // the call list: those without an address, with phone, the time and the reason
    const list = /id="anrufliste"[\s\S]*?<\/section>/.exec(result.body)?.[0] ?? '';
    assert.match(list, /Anna Anruf[\s\S]*0341 555 0101[\s\S]*Mittwoch, 9\. Dezember 2026, 09:30 Uhr[\s\S]*abgesagt/);
    assert.match(list, /Otto Ohne[\s\S]*keine Telefonnummer/);
    assert.match(list, /Wasserschaden/);
    assert.doesNotMatch(list, /person-\d+@example/);
    // printable alone; another office's lead or a clerk gets nothing
    const print = await lead.get(String(applied.headers.location).replace('/ergebnis', '/anrufliste'));
    assert.equal(print.statusCode, 200);
    assert.match(print.body, /<h1[^>]*>Anrufliste: Bürgeramt A<\/h1>/);
    assert.match(print.body, /Anna Anruf/);
    const clerk = await loggedIn(env.server, 'clerkA');
    assert.equal((await clerk.get(String(applied.headers.location).replace('/ergebnis', '/anrufliste'))).statusCode, 404);
  });
});
