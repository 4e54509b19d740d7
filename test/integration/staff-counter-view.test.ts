// The counter view /staff/schalter through its forms (no JavaScript): arrivals
// by reference (a wrong one answered at the field), a walk-in ticket shown big,
// two clerks at Platz 1 and Platz 2 calling in turn and getting different
// citizens in queue order, the actions on the called ticket (only at its own
// desk), nobody waiting and walk-ins off as messages, and access (another
// office 404, anonymous to the login page).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { at, queueTestEnv, type QueueTestEnv } from './queue-helpers.ts';
import { loggedIn, type Client } from './staff-helpers.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&[^;]+;/g, ' ').replace(/\s+/g, ' ');

describe('counter view (/staff/schalter)', () => {
  let env: QueueTestEnv;
  let clerk1: Client;
  let clerk2: Client;
  const desk1 = '/staff/schalter?office=a&platz=platz-1';
  const desk2 = '/staff/schalter?office=a&platz=platz-2';
  const form = (platz: string) => ({ office: 'a', platz });
  /** the test clock jumps ahead; the back-office sessions would have expired */
  const now = async (time: string) => {
    at(env, time);
    clerk1 = await loggedIn(env.server, 'clerkA');
    clerk2 = await loggedIn(env.server, 'lead');
  };

  before(async () => {
    env = await queueTestEnv();
    clerk1 = await loggedIn(env.server, 'clerkA');
    clerk2 = await loggedIn(env.server, 'lead');
  });
  after(async () => { await env.close(); });

  test('anonymous: to the login page; a clerk of another office: 404, and nothing is called', async () => {
    const anon = await env.server.inject({ url: desk1, headers: { accept: 'text/html' } });
    assert.equal(anon.statusCode, 303);
    assert.match(String(anon.headers.location), /^\/staff\/login\?reason=login&next=/);
    const other = await loggedIn(env.server, 'clerkB');
    assert.equal((await other.get(desk1)).statusCode, 404);
    at(env, '08:00');
    await env.call('POST', '/api/v1/staff/queue/a/walk-ins', 'clerkA', { concerns: [{ id: 'ausweis', quantity: 1 }] });
    await other.get('/staff/schalter?office=b&platz=platz-1'); // a CSRF token of its own
    const r = await other.post('/staff/schalter/aufrufen', form('platz-1'));
    assert.equal(r.statusCode, 404);
    assert.equal((await env.call('GET', '/api/v1/staff/queue/a', 'clerkA')).json().waiting.length, 1);
    // office b takes no walk-ins: said in words on the page and when posted anyway
    const b = await other.get('/staff/schalter?office=b&platz=platz-1');
    assert.equal(b.statusCode, 200);
    assert.match(text(b.body), /Diese Dienststelle gibt keine Wartenummern ohne Termin aus\./);
    const off = await other.post('/staff/schalter/wartemarke', { office: 'b', platz: 'platz-1', q_ausweis: '1' });
    assert.equal(off.statusCode, 409);
    assert.match(text(off.body), /keine Wartenummern ohne Termin/);
    // tidy up: that walk-in is served
    assert.equal((await env.call('POST', '/api/v1/staff/queue/a/call-next', 'clerkA', { desk: 'platz-1' })).json().ticket.number, 'W001');
    assert.equal((await env.call('POST', '/api/v1/staff/queue/a/tickets/W001/finish', 'clerkA')).statusCode, 200);
  });

  test('the desk: a select of the office\'s desks kept in the URL; an unknown desk is said at the select', async () => {
    const page = await clerk1.get('/staff/schalter');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<option value="platz-1"[^>]*>Platz 1<\/option>/);
    assert.match(text(page.body), /Bitte wählen Sie Ihren Platz/);
    assert.doesNotMatch(page.body, /Nächste\/n aufrufen/);
    const chosen = await clerk1.get(desk1);
    assert.match(chosen.body, /<option value="platz-1" selected[^>]*>Platz 1/);
    assert.match(chosen.body, /Nächste\/n aufrufen/);
    assert.match(chosen.body, /href="\/staff\/schalter"[^>]*>Schalter \/ Aufruf/);
    // the waiting list and the last calls refresh themselves with script; without it, a reload link for this desk
    assert.match(chosen.body, /id="az-refresh" data-region="az-queue" data-seconds="15"/);
    assert.match(chosen.body, /<div id="az-queue">\s*<h2[^>]*id="wartend-titel"/);
    assert.match(chosen.body, /<noscript> · Ohne JavaScript aktualisiert sich die Seite nicht von selbst: <a class="kern-link" href="\/staff\/schalter\?office=a&amp;platz=platz-1">neu laden<\/a>/);
    assert.match(chosen.body, /<script src="\/static\/staff-refresh\.js\?v=[^"]+" defer=""><\/script>/);
    const bad = await clerk1.get('/staff/schalter?office=a&platz=platz-9');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="platz-error"/);
    assert.match(text(bad.body), /Unbekannter Platz\. Plätze dieser Dienststelle: platz-1, platz-2\./);
  });

  test('arrival with a wrong reference: the message at the field, the input kept', async () => {
    await clerk1.get(desk1);
    const r = await clerk1.post('/staff/schalter/ankunft', { ...form('platz-1'), referenz: 'ZZZZ-9999' });
    assert.equal(r.statusCode, 422);
    assert.match(r.body, /<p class="kern-error" id="referenz-error">/);
    assert.match(r.body, /id="referenz"[^>]*value="ZZZZ-9999"|value="ZZZZ-9999"[^>]*id="referenz"/);
    assert.match(r.body, /aria-invalid="true"/);
    assert.match(text(r.body), /Zu dieser Vorgangsnummer gibt es keinen Termin/);
    assert.match(r.body, /href="#referenz"/); // the error summary links to the field
    const empty = await clerk1.post('/staff/schalter/ankunft', { ...form('platz-1'), referenz: ' ' });
    assert.equal(empty.statusCode, 422);
    assert.match(text(empty.body), /Bitte geben Sie die Vorgangsnummer ein\./);
  });

  test('arrivals, a walk-in ticket, and two clerks calling in turn get different citizens in queue order', async () => {
    await now('08:00');
    const early = await env.book('09:00');
    const later = await env.book('09:15');
    // too early: said at the field
    await clerk1.get(desk1);
    let r = await clerk1.post('/staff/schalter/ankunft', { ...form('platz-1'), referenz: early });
    assert.equal(r.statusCode, 409);
    assert.match(text(r.body), /Zu früh: Die Anmeldung ist ab 08:30 Uhr möglich\./);
    assert.match(r.body, /id="referenz-error"/);

    await now('08:45');
    r = await clerk1.post('/staff/schalter/ankunft', { ...form('platz-1'), referenz: early });
    assert.equal(r.statusCode, 303);
    r = await clerk1.get(String(r.headers.location));
    assert.match(text(r.body), /Angemeldet – Wartenummer: T001/);
    r = await clerk1.post('/staff/schalter/ankunft', { ...form('platz-1'), referenz: later.toLowerCase() });
    assert.equal(r.statusCode, 303);

    await now('08:50');
    await clerk1.get(desk1);
    r = await clerk1.post('/staff/schalter/wartemarke', { ...form('platz-1'), q_ausweis: '2', q_anmeldung: '0' });
    assert.equal(r.statusCode, 303, r.body);
    assert.match(String(r.headers.location), /ok=walkin&nr=W002/);
    r = await clerk1.get(String(r.headers.location));
    assert.match(r.body, /<p class="az-desk-big">W002<\/p>/);
    assert.match(text(r.body), /Neue Wartenummer: W002/);
    // no quantity: said at the concerns
    const none = await clerk1.post('/staff/schalter/wartemarke', { ...form('platz-1'), q_ausweis: '0' });
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /id="anliegen-error"/);

    // the waiting list: number, since, concerns, booked time, name only for the booked, estimate
    await now('09:15');
    const list = await clerk2.get(desk2);
    const rows = [...list.body.matchAll(/<tr class="kern-table__row"><th class="kern-table__header" scope="row">([TW]\d+)[^<]*<\/th>(.*?)<\/tr>/g)];
    assert.deepEqual(rows.slice(0, 3).map((m) => m[1]), ['T001', 'T002', 'W002']);
    assert.match(text(rows[0]![2]!), /08:45 1 × Dienst anmeldung 09:00 Bürger 09:00 ca\. 0 Min\./);
    assert.match(text(rows[2]![2]!), /08:50 2 × Dienst ausweis ohne Termin ca\. \d+ Min\./);
    assert.doesNotMatch(rows[2]![2]!, /Bürger/);

    // Platz 1 and Platz 2 in turn
    r = await clerk1.post('/staff/schalter/aufrufen', form('platz-1'));
    assert.equal(r.statusCode, 303);
    assert.equal(r.headers.location, `${desk1}&ok=called&nr=T001`);
    const shown = await clerk1.get(String(r.headers.location));
    assert.match(text(shown.body), /Aufgerufen: T001/);
    assert.match(shown.body, /<p class="az-desk-big">T001<\/p>/);
    assert.match(shown.body, /Erneut aufrufen/);
    r = await clerk2.post('/staff/schalter/aufrufen', form('platz-2'));
    assert.equal(r.headers.location, `${desk2}&ok=called&nr=T002`);

    // an action on another desk's ticket is refused in words, and changes nothing
    r = await clerk2.post('/staff/schalter/aktion', { ...form('platz-2'), nummer: 'T001', aktion: 'finish' });
    assert.equal(r.statusCode, 409);
    assert.match(text(r.body), /T001 ist nicht an Ihrem Platz aufgerufen/);
    const q = (await env.call('GET', '/api/v1/staff/queue/a', 'clerkA')).json();
    assert.deepEqual(q.called.map((t: { number: string; desk: { id: string } }) => [t.number, t.desk.id]), [['T001', 'platz-1'], ['T002', 'platz-2']]);

    // the actions at Platz 1: again, begin, done; then the next is the walk-in
    await clerk1.get(desk1);
    for (const [aktion, said] of [['recall', /T001 wurde erneut aufgerufen\./], ['start', /Gespräch mit T001 begonnen\./], ['finish', /T001 ist fertig\./]] as const) {
      r = await clerk1.post('/staff/schalter/aktion', { ...form('platz-1'), nummer: 'T001', aktion });
      assert.equal(r.statusCode, 303, `${aktion}: ${r.body.slice(0, 200)}`);
      assert.match(text((await clerk1.get(String(r.headers.location))).body), said);
    }
    r = await clerk1.post('/staff/schalter/aufrufen', form('platz-1'));
    assert.equal(r.headers.location, `${desk1}&ok=called&nr=W002`);
    // Platz 2 passes its citizen to Platz 1
    await clerk2.get(desk2);
    r = await clerk2.post('/staff/schalter/aktion', { ...form('platz-2'), nummer: 'T002', aktion: 'transfer', ziel: 'platz-1' });
    assert.equal(r.statusCode, 303);
    assert.match(text((await clerk2.get(String(r.headers.location))).body), /T002 wurde an Platz 1 gegeben\./);
    const mine = await clerk1.get(desk1);
    assert.match(mine.body, /<p class="az-desk-big" id="nr-T002">T002<\/p>/);
    // the last calls, newest first (the test clock stands still at 09:15: the calls of that minute in any order)
    const calls = text(mine.body).split('Letzte Aufrufe Nummer Platz Uhrzeit')[1] ?? '';
    assert.match(calls, /^ T002 Platz 1 09:15 /);
    assert.match(calls, /W002 Platz 1 09:15/);
    assert.match(calls, /T001 Platz 1 09:15/);
    assert.match(calls, /W001 Platz 1 08:00 $/);

    // nobody waiting now: a message, not an error
    r = await clerk2.post('/staff/schalter/aufrufen', form('platz-2'));
    assert.equal(r.headers.location, `${desk2}&ok=nobody`);
    const nobody = await clerk2.get(String(r.headers.location));
    assert.equal(nobody.statusCode, 200);
    assert.match(text(nobody.body), /Niemand wartet: Es gibt gerade niemanden zum Aufrufen\./);
  });

  test('English texts; a forged POST without CSRF token is refused', async () => {
    const en = await clerk1.get(`${desk1}&lang=en`);
    assert.match(en.body, /Call next/);
    assert.match(en.body, /Record arrival/);
    const forged = await clerk1.post('/staff/schalter/aufrufen', form('platz-1'), { csrf: false });
    assert.equal(forged.statusCode, 403);
  });
});
