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
    assert.match(preview.body, /1 Termin\(e\) werden zur selben Zeit an einen freien Schalter gelegt/);
    assert.match(preview.body, /Keine gebuchten Termine betroffen/);
    assert.equal((await row(r2)).lane, 2, 'a preview changes nothing');

    const applied = await lead.post('/staff/sperren', blockForm({ fromTime: '09:00', toTime: '10:00', step: 'apply' }));
    assert.equal(applied.statusCode, 303);
    assert.equal(applied.headers.location, `/staff/plaene/ergebnis?office=a&date=${DAY}&r=1`);
    const result = await lead.get(String(applied.headers.location));
    assert.match(result.body, /1 Termin\(e\) an einen anderen Schalter zur selben Zeit gelegt/);

    const moved = await row(r2);
    assert.equal(moved.lane, 1);
    assert.equal(moved.conflict, null);
    assert.equal(moved.starts_at.toISOString(), '2026-12-02T08:00:00.000Z', 'same time');
    assert.deepEqual(await mails(r2), [], 'the citizen is not bothered');
    const office = (await env.app.ctx.catalog()).offices.get('a')!;
    assert.deepEqual(office.blocks, [{ from: DAY, to: DAY, fromTime: '09:00', toTime: '10:00', reason: { de: 'krank', en: 'krank' }, counters: 1 }]);
    const audit = await env.app.ctx.db.selectFrom('audit_log').select(['actor', 'action', 'details']).orderBy('at', 'desc').executeTakeFirstOrThrow();
    assert.equal(audit.actor, 'staff:lead@example.org');
    assert.equal(audit.action, 'config.import');
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
    assert.match(preview.body, /2 gebuchte\(r\) Termin\(e\) betroffen/);
    for (const r of [b, c]) assert.ok(preview.body.includes(`name="c_${r}"`), r);
    assert.ok(!preview.body.includes(`name="c_${refs[0]}"`), 'lane 0 stays staffed');
    const suggested = [...preview.body.matchAll(/name="t_([A-Z0-9-]+)" value="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    assert.equal(suggested.length, 2, 'both get a suggested time');
    assert.match(preview.body, /Verschieben auf 2026-12-02 \d\d:\d\d/);

    // "all: move" preselects moving for everyone
    const all = await lead.post('/staff/sperren', blockForm({ fromTime: '10:00', toTime: '10:30', counters: '2', reason: 'Schulung', step: 'preview', all: 'move' }));
    assert.equal((all.body.match(/value="move" checked/g) ?? []).length, 2);

    const tOf = new Map(suggested as [string, string][]);
    const applied = await lead.post('/staff/sperren', blockForm({
      fromTime: '10:00', toTime: '10:30', counters: '2', reason: 'Schulung', step: 'apply',
      [`c_${b}`]: 'move', [`t_${b}`]: tOf.get(b)!, [`c_${c}`]: 'cancel', [`t_${c}`]: tOf.get(c)!,
    }));
    assert.equal(applied.statusCode, 303);
    assert.match(String(applied.headers.location), new RegExp(`o=${b}~m,${c}~c$|o=${c}~c,${b}~m$`));
    const moved = await row(b);
    assert.equal(moved.starts_at.getTime(), Date.parse(tOf.get(b)!));
    assert.equal(moved.conflict, null);
    assert.equal((await row(c)).status, 'cancelled');
    assert.deepEqual((await mails(b)).map((m) => [m.kind, (m.payload as { reason?: string }).reason]), [['reschedule', 'Schulung']]);
    assert.deepEqual(await mails(c), [{ kind: 'staff_cancellation', payload: { reason: 'Schulung' } }]);
    const result = await lead.get(String(applied.headers.location));
    assert.match(result.body, new RegExp(`verschoben auf ${tOf.get(b)!.slice(0, 10)} ${tOf.get(b)!.slice(11, 16)}`));
    assert.match(result.body, /abgesagt \(E-Mail mit Grund\)/);
  });

  test('a suggested time that is gone when applying: the appointment is kept as a conflict, and the page says so', async () => {
    // three appointments on three counters, one counter away: one is affected
    const refs = [await book('11:00'), await book('11:00'), await book('11:00')];
    const preview = await lead.post('/staff/sperren', blockForm({ fromTime: '11:00', toTime: '11:15', counters: '1', step: 'preview' }));
    assert.match(preview.body, /1 gebuchte\(r\) Termin\(e\) betroffen/);
    const stranded = refs.find((r) => preview.body.includes(`name="c_${r}"`))!;
    assert.equal(stranded, refs[2], 'the one on lane 2');
    // the time offered is taken meanwhile: 09:00 is full
    const applied = await lead.post('/staff/sperren', blockForm({
      fromTime: '11:00', toTime: '11:15', counters: '1', step: 'apply', [`c_${stranded}`]: 'move', [`t_${stranded}`]: `${DAY}T09:00:00+01:00`,
    }));
    assert.match(String(applied.headers.location), new RegExp(`o=${stranded}~g$`));
    const r = await row(stranded);
    assert.equal(r.status, 'booked');
    assert.equal(r.conflict, 'over_capacity');
    assert.match((await lead.get(String(applied.headers.location))).body, /inzwischen vergeben – behalten, als Konflikt markiert/);
    assert.match((await lead.get(`/staff?office=a&date=${DAY}`)).body, /passen nicht mehr zur Konfiguration/);
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
    assert.match(list.body, /2026-12-14/);
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
    const audit = await env.app.ctx.db.selectFrom('audit_log').select(['actor', 'details']).orderBy('at', 'desc').executeTakeFirstOrThrow();
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
});
