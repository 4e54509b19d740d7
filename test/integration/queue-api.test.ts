// The counter queue through the staff API: check-in within the office's window
// (too early / too late / another day / twice: refused in words), walk-ins
// (off in office b), the call order (booked at their time first, walk-ins fill
// the gaps, late ones behind, deferred last), the actions on a called ticket and
// their history, access by role and office, and the OpenAPI document.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { at, queueTestEnv, type QueueTestEnv } from './queue-helpers.ts';

describe('counter queue API', () => {
  let env: QueueTestEnv;
  before(async () => { env = await queueTestEnv(); });
  after(async () => { await env.close(); });

  test('check-in: only on the day within 30 minutes before to 15 after, once; refusals say what to do', async () => {
    at(env, '08:00');
    const ref = await env.book('10:00');
    let r = await env.call('POST', `/api/v1/staff/appointments/${ref}/check-in`, 'clerkA');
    assert.equal(r.statusCode, 409, r.body);
    assert.equal(r.json().message, 'Zu früh: Die Anmeldung ist ab 09:30 Uhr möglich.');
    at(env, '10:16');
    r = await env.call('POST', `/api/v1/staff/appointments/${ref}/check-in?lang=en`, 'clerkA');
    assert.equal(r.statusCode, 409);
    assert.equal(r.json().message, 'Too late to check in: please go to the front desk.');
    at(env, '09:45', '2026-12-01');
    r = await env.call('POST', `/api/v1/staff/appointments/${ref}/check-in`, 'clerkA');
    assert.equal(r.statusCode, 409);
    assert.equal(r.json().message, 'Der Termin ist nicht heute.');
    at(env, '09:30');
    r = await env.call('POST', `/api/v1/staff/appointments/${ref}/check-in`, 'clerkA');
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json().number, 'T001');
    assert.equal(r.json().status, 'waiting');
    assert.equal(r.json().reference, ref);
    const appt = await env.call('GET', `/api/v1/staff/day?office=a&date=2026-11-30`, 'clerkA');
    assert.equal(appt.json().list.find((i: { reference: string }) => i.reference === ref).status, 'checked_in');
    r = await env.call('POST', `/api/v1/staff/appointments/${ref}/check-in`, 'clerkA');
    assert.equal(r.statusCode, 409);
    assert.equal(r.json().message, 'Bereits angemeldet: Wartenummer T001.');
    // tidy up: served, so the next tests start with an empty queue
    assert.equal((await env.call('POST', '/api/v1/staff/queue/a/call-next', 'clerkA', { desk: 'platz-1' })).json().ticket.number, 'T001');
    assert.equal((await env.call('POST', '/api/v1/staff/queue/a/tickets/T001/finish', 'clerkA')).json().status, 'done');
  });

  test('walk-ins get W numbers for their concerns; off in office b; bad concerns and desks are 422', async () => {
    at(env, '10:20');
    const r = await env.call('POST', '/api/v1/staff/queue/a/walk-ins', 'clerkA', { concerns: [{ id: 'ausweis', quantity: 2 }] });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json().number, 'W001');
    assert.deepEqual(r.json().concerns.map((c: { id: string; quantity: number }) => [c.id, c.quantity]), [['ausweis', 2]]);
    const off = await env.call('POST', '/api/v1/staff/queue/b/walk-ins', 'clerkB', { concerns: [{ id: 'ausweis', quantity: 1 }] });
    assert.equal(off.statusCode, 409);
    assert.equal(off.json().message, 'Diese Dienststelle gibt keine Wartenummern ohne Termin aus.');
    assert.equal((await env.call('POST', '/api/v1/staff/queue/a/walk-ins', 'clerkA', { concerns: [{ id: 'nope', quantity: 1 }] })).statusCode, 422);
    assert.equal((await env.call('POST', '/api/v1/staff/queue/a/walk-ins', 'clerkA', { concerns: 'x' })).statusCode, 422);
    const desk = await env.call('POST', '/api/v1/staff/queue/a/call-next', 'clerkA', { desk: 'platz-9' });
    assert.equal(desk.statusCode, 422);
    assert.match(desk.json().message, /platz-1, platz-2/);
    // served
    assert.equal((await env.call('POST', '/api/v1/staff/queue/a/call-next', 'clerkA', { desk: 'platz-1' })).json().ticket.number, 'W001');
    assert.equal((await env.call('POST', '/api/v1/staff/queue/a/tickets/w1/finish', 'clerkA')).json().status, 'done');
  });

  test('the order: booked at their time first, walk-ins fill the gaps, a late one behind, deferred last; estimated waits', async () => {
    at(env, '10:30');
    const r1100 = await env.book('11:00');
    const r1115 = await env.book('11:15');
    const r1045 = await env.book('10:45');
    at(env, '10:40');
    const w2 = (await env.call('POST', '/api/v1/staff/queue/a/walk-ins', 'clerkA', { concerns: [{ id: 'anmeldung', quantity: 1 }] })).json().number;
    at(env, '10:45');
    await env.call('POST', `/api/v1/staff/appointments/${r1100}/check-in`, 'clerkA'); // early: T002
    at(env, '10:52');
    await env.call('POST', `/api/v1/staff/appointments/${r1045}/check-in`, 'clerkA'); // 7 minutes late, past the grace: T003
    at(env, '10:56');
    const w3 = (await env.call('POST', '/api/v1/staff/queue/a/walk-ins', 'clerkA', { concerns: [{ id: 'anmeldung', quantity: 1 }] })).json().number;
    at(env, '11:17');
    await env.call('POST', `/api/v1/staff/appointments/${r1115}/check-in`, 'clerkA'); // 2 minutes late, within the grace: T004
    const q = (await env.call('GET', '/api/v1/staff/queue/a', 'clerkA')).json();
    assert.deepEqual(q.waiting.map((t: { number: string }) => t.number), ['T002', 'T004', w2, 'T003', w3]);
    assert.deepEqual(q.waiting.map((t: { position: number }) => t.position), [1, 2, 3, 4, 5]);
    assert.deepEqual(q.waiting.map((t: { estimatedWaitMinutes: number }) => t.estimatedWaitMinutes), [0, 15, 30, 45, 60], '15 minutes each; one desk called in the last hour');

    // called in that order; one is put back and comes last
    const next = async (desk: string) => (await env.call('POST', '/api/v1/staff/queue/a/call-next', 'clerkA', { desk })).json().ticket?.number ?? null;
    assert.equal(await next('platz-2'), 'T002');
    const deferred = await env.call('POST', '/api/v1/staff/queue/a/tickets/T002/defer', 'clerkA');
    assert.equal(deferred.json().status, 'deferred');
    assert.deepEqual([await next('platz-2'), await next('platz-1'), await next('platz-2'), await next('platz-1'), await next('platz-2'), await next('platz-1')],
      ['T004', w2, 'T003', w3, 'T002', null]);
  });

  test('a called ticket: recall, start, transfer, finish, no-show; wrong states are 409 in words; the history tells it', async () => {
    at(env, '11:20');
    const ref = await env.book('11:30');
    at(env, '11:25');
    assert.equal((await env.call('POST', `/api/v1/staff/appointments/${ref}/check-in`, 'lead')).json().number, 'T005');
    let r = await env.call('POST', '/api/v1/staff/queue/a/tickets/T005/start', 'lead');
    assert.equal(r.statusCode, 409);
    assert.equal(r.json().message, 'Nicht möglich: T005 wurde noch nicht aufgerufen.');
    at(env, '11:30');
    const called = (await env.call('POST', '/api/v1/staff/queue/a/call-next', 'lead', { desk: 'platz-2' })).json().ticket;
    assert.equal(called.number, 'T005');
    assert.deepEqual(called.desk, { id: 'platz-2', name: 'Platz 2' });
    at(env, '11:31');
    r = await env.call('POST', `/api/v1/staff/queue/a/tickets/${called.id}/recall`, 'lead');
    assert.equal(r.json().calls, 2);
    r = await env.call('POST', '/api/v1/staff/queue/a/tickets/T005/start', 'lead');
    assert.equal(r.json().status, 'serving');
    r = await env.call('POST', '/api/v1/staff/queue/a/tickets/T005/transfer', 'lead', { desk: 'platz-1' });
    assert.equal(r.json().status, 'called');
    assert.equal(r.json().desk.name, 'Platz 1');
    at(env, '11:40');
    r = await env.call('POST', '/api/v1/staff/queue/a/tickets/T005/finish', 'lead');
    assert.equal(r.json().status, 'done');
    assert.equal(r.json().finishedAt, '2026-11-30T10:40:00.000Z');
    r = await env.call('POST', '/api/v1/staff/queue/a/tickets/T005/no-show', 'lead');
    assert.equal(r.statusCode, 409);
    assert.equal(r.json().message, 'Nicht möglich: T005 ist bereits fertig.');
    assert.equal((await env.call('POST', '/api/v1/staff/queue/a/tickets/T999/finish', 'lead')).statusCode, 404);
    assert.equal((await env.call('POST', '/api/v1/staff/queue/a/tickets/nonsense/finish', 'lead')).statusCode, 404);

    const q = (await env.call('GET', '/api/v1/staff/queue/a', 'lead')).json();
    assert.deepEqual(q.lastCalls[0], { number: 'T005', desk: { id: 'platz-1', name: 'Platz 1' }, calledAt: '2026-11-30T10:31:00.000Z' }, 'the newest call first');
    assert.equal(q.lastCalls.length, 8, 'every ticket called today, once each');
    const day = (await env.call('GET', '/api/v1/staff/day?office=a&date=2026-11-30', 'lead')).json();
    assert.equal(day.list.find((i: { reference: string }) => i.reference === ref).status, 'completed');

    // the history in words
    const id = (await env.app.ctx.db.selectFrom('appointments').select('id').where('reference', '=', ref.replace('-', '')).executeTakeFirstOrThrow()).id;
    const actions = (await env.app.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('appointment_id', '=', id).orderBy('id').execute())
      .map((e) => e.action);
    assert.deepEqual(actions, ['appointment.book', 'appointment.attendance', 'appointment.queue_call', 'appointment.queue_call', 'appointment.queue_start',
      'appointment.queue_transfer', 'appointment.attendance']);
    const c = await (await import('./staff-helpers.ts')).loggedIn(env.server, 'lead');
    const page = await c.get(`/staff/termin/${ref}`);
    for (const words of ['Aufgerufen an Platz 2 (T005)', 'Erneut aufgerufen an Platz 2 (T005)', 'Bedienung begonnen an Platz 2 (T005)', 'An Platz 1 weitergegeben (T005)']) {
      assert.ok(page.body.includes(words), `${words} in the history`);
    }
  });

  test('no-show after the call ends the ticket and the appointment', async () => {
    at(env, '11:50');
    const ref = await env.book('12:00');
    assert.equal((await env.call('POST', `/api/v1/staff/appointments/${ref}/check-in`, 'admin')).statusCode, 201);
    at(env, '12:00');
    const t = (await env.call('POST', '/api/v1/staff/queue/a/call-next', 'admin', { desk: 'platz-1' })).json().ticket;
    const r = await env.call('POST', `/api/v1/staff/queue/a/tickets/${t.number}/no-show`, 'admin');
    assert.equal(r.json().status, 'no_show');
    const day = (await env.call('GET', '/api/v1/staff/day?office=a&date=2026-11-30', 'admin')).json();
    assert.equal(day.list.find((i: { reference: string }) => i.reference === ref).status, 'no_show');
  });

  test('access: anonymous 401; another office\'s clerk 404 everywhere; clerk, lead and admin of the office may', async () => {
    at(env, '12:10');
    const ref = await env.book('12:30');
    const urls: ['GET' | 'POST', string, unknown?][] = [
      ['GET', '/api/v1/staff/queue/a'], ['POST', '/api/v1/staff/queue/a/walk-ins', { concerns: [{ id: 'anmeldung', quantity: 1 }] }],
      ['POST', '/api/v1/staff/queue/a/call-next', { desk: 'platz-1' }], ['POST', `/api/v1/staff/appointments/${ref}/check-in`],
      ['POST', '/api/v1/staff/queue/a/tickets/T001/recall'], ['POST', '/api/v1/staff/queue/a/tickets/T001/transfer', { desk: 'platz-1' }],
    ];
    for (const [method, url, body] of urls) {
      assert.equal((await env.call(method, url, null, body ?? (method === 'POST' ? {} : undefined))).statusCode, 401, url);
      assert.equal((await env.call(method, url, 'clerkB', body ?? (method === 'POST' ? {} : undefined))).statusCode, 404, `clerkB ${url}`);
    }
    assert.equal((await env.call('GET', '/api/v1/staff/queue/nowhere', 'admin')).statusCode, 404);
    for (const who of ['clerkA', 'lead', 'admin'] as const) {
      assert.equal((await env.call('GET', '/api/v1/staff/queue/a', who)).statusCode, 200, who);
      assert.equal((await env.call('POST', '/api/v1/staff/queue/a/walk-ins', who, { concerns: [{ id: 'anmeldung', quantity: 1 }] })).statusCode, 201, who);
    }
    assert.equal((await env.call('GET', '/api/v1/staff/queue/b', 'clerkB')).statusCode, 200);
  });

  test('bad input is 4xx with a message, never 5xx', async () => {
    at(env, '12:40');
    const raw = (url: string, payload: string, type = 'application/json') => env.server.inject({
      method: 'POST', url, headers: { authorization: `Bearer ${env.tokens.clerkA}`, 'content-type': type }, payload,
    });
    const answers = [
      await raw('/api/v1/staff/queue/a/call-next', '{not json'),
      await raw('/api/v1/staff/queue/a/call-next', '{}'),
      await raw('/api/v1/staff/queue/a/call-next', JSON.stringify({ desk: 'x'.repeat(5000) })),
      await raw('/api/v1/staff/queue/a/call-next', JSON.stringify({ desk: 1, extra: true })),
      await raw('/api/v1/staff/queue/a/walk-ins', JSON.stringify({ concerns: [{ id: 'anmeldung', quantity: -1 }] })),
      await raw('/api/v1/staff/queue/a/walk-ins', JSON.stringify({ concerns: [{ id: 'anmeldung', quantity: 99 }] })),
      await raw('/api/v1/staff/queue/a/walk-ins', JSON.stringify({ concerns: [] })),
      await raw('/api/v1/staff/queue/a/walk-ins', 'concerns=x', 'application/x-www-form-urlencoded'),
      await raw('/api/v1/staff/queue/a/tickets/W0/finish', ''),
      await raw(`/api/v1/staff/queue/a/tickets/${encodeURIComponent("W1'; DROP TABLE queue_tickets;--")}/finish`, ''),
      await raw('/api/v1/staff/queue/a/tickets/W99999999/recall', ''),
      await raw('/api/v1/staff/queue/a/tickets/00000000-0000-0000-0000-000000000000/start', ''),
      await raw('/api/v1/staff/queue/a/tickets/T001/transfer', JSON.stringify({})),
      await raw('/api/v1/staff/appointments/%00%00/check-in', ''),
    ];
    for (const r of answers) {
      assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${r.statusCode} ${r.body}`);
      assert.equal(typeof r.json().message, 'string');
    }
  });

  test('the OpenAPI document has the queue paths', async () => {
    const doc = (await env.server.inject({ url: '/api/openapi.json' })).json();
    for (const p of ['/api/v1/staff/appointments/{reference}/check-in', '/api/v1/staff/queue/{officeId}', '/api/v1/staff/queue/{officeId}/walk-ins',
      '/api/v1/staff/queue/{officeId}/call-next', '/api/v1/staff/queue/{officeId}/tickets/{ticket}/recall', '/api/v1/staff/queue/{officeId}/tickets/{ticket}/transfer']) {
      assert.ok(doc.paths[p], p);
    }
    for (const s of ['StaffTicket', 'StaffQueue', 'StaffCallNext', 'StaffWalkInRequest', 'StaffDeskRequest']) assert.ok(doc.components.schemas[s], s);
  });
});
