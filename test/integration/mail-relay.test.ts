// The outbox relay against a real SMTP server (smtp-server on 127.0.0.1) and a
// real database (PGlite; PostgreSQL too when TEST_DATABASE_URL is set).
// Mails are parsed with mailparser, calendar files with ical.js.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import ICAL from 'ical.js';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { sql } from 'kysely';
import { bookAppointment, type BookInput } from '../../src/app/book-appointment.ts';
import { cancelAppointment } from '../../src/app/cancel-appointment.ts';
import { confirmAppointment } from '../../src/app/confirm-appointment.ts';
import { rescheduleAppointment } from '../../src/app/reschedule-appointment.ts';
import { openDatabase } from '../../src/db/connection.ts';
import type { Database } from '../../src/db/schema.ts';
import { createOutboxRelay, type RelayOptions } from '../../src/jobs/outbox-relay.ts';
import { createSmtpTransport } from '../../src/mail/smtp-transport.ts';
import type { MailTransport } from '../../src/mail/transport.ts';
import { buildServer } from '../../src/http/server.ts';
import { BOOKING, office, orgConfig, service } from '../fixtures/org-config.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { testDatabaseKinds } from '../helpers/database.ts';
import type { Kysely } from 'kysely';

// ---------------------------------------------------------------------------
// a catching SMTP server

interface Catcher {
  port: number;
  mails: ParsedMail[];
  raw: string[];
  close(): Promise<void>;
}

async function startCatcher(port = 0): Promise<Catcher> {
  const mails: ParsedMail[] = [];
  const raw: string[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const buf = Buffer.concat(chunks);
        raw.push(buf.toString('utf8'));
        simpleParser(buf).then(
          (m) => {
            mails.push(m);
            callback();
          },
          (e: Error) => callback(e),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    mails,
    raw,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (taken and released). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

// ---------------------------------------------------------------------------

const FRIDAY = '2026-10-23T09:00:00+02:00'; // before the clocks go back (CEST)
const MONDAY = '2026-10-26T09:00:00+01:00'; // the day after (CET)
const NOW = Date.parse('2026-10-19T08:00:00+02:00'); // a Monday, a week before

const config = orgConfig({
  services: [
    { ...service('anmeldung', 15, 5), fee: { de: 'gebührenfrei', en: 'free of charge' } },
    { ...service('ausweis', 20, 3), fee: { de: '37,00 €', en: 'EUR 37.00' } },
  ],
  offices: [office('buergeramt', { booking: { ...BOOKING, reminderHours: 24 } }), office('standesamt', { booking: { ...BOOKING, confirmByEmail: true, confirmMinutes: 30 } })],
});

let n = 0;
function input(over: Partial<BookInput> = {}): BookInput {
  n++;
  return {
    office: 'buergeramt',
    services: [{ id: 'anmeldung', quantity: 1 }],
    startsAt: MONDAY,
    contact: { name: `Erika Mustermann ${n}`, email: `erika${n}@example.org` },
    locale: 'de',
    consent: true,
    ...over,
  };
}

/**
 * enqueueMail (src/db/repositories/outbox-repo.ts) leaves created_at and
 * next_attempt_at to the database's now(), not the use case's clock; with the
 * tests' fixed clock in the past the rows would not be due yet. Put them on
 * the test clock.
 */
async function alignOutbox(db: Kysely<Database>, now: number): Promise<void> {
  await sql`UPDATE outbox SET created_at = ${new Date(now)}, next_attempt_at = ${new Date(now)} WHERE status = 'pending' AND attempts = 0`.execute(db);
}

async function outbox(db: Kysely<Database>) {
  const r = await sql<{ id: string; kind: string; status: string; attempts: number; payload: Record<string, unknown>; last_error: string | null; sent_at: Date | null; next_attempt_at: Date }>`
    SELECT id, kind, status, attempts, payload, last_error, sent_at, next_attempt_at FROM outbox ORDER BY id`.execute(db);
  return r.rows;
}

function icsOf(m: ParsedMail): string {
  const a = m.attachments.find((x) => x.filename?.endsWith('.ics'));
  assert.ok(a, `no .ics attachment in "${m.subject}"`);
  return a.content.toString('utf8');
}

function eventOf(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return { comp, event: new ICAL.Event(comp.getFirstSubcomponent('vevent')!) };
}

for (const kind of testDatabaseKinds()) {
  describe(`mail relay on ${kind}`, () => {
    let app: TestApp;
    let smtp: Catcher;
    let transport: MailTransport;
    const relay = (over: Partial<RelayOptions> = {}) =>
      createOutboxRelay({ db: app.db.db, transport, now: () => app.clock.now, mailFrom: '"Teststadt" <termine@example.org>', ...over });

    before(async () => {
      app = await createTestApp({ kind, config, now: NOW });
      smtp = await startCatcher();
      transport = createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`, { timeoutMs: 2000 });
    });
    after(async () => {
      await transport.close();
      await smtp.close();
      await app.close();
    });

    async function reset() {
      await app.db.db.deleteFrom('outbox').execute();
      await app.db.db.deleteFrom('appointments').execute();
      smtp.mails.length = 0;
      smtp.raw.length = 0;
      app.clock.set(NOW);
    }

    test('confirmation: content, language, headers, calendar file with 09:00 local on both sides of the DST change', async () => {
      await reset();
      const fri = await bookAppointment(app.ctx, input({ startsAt: FRIDAY, services: [{ id: 'anmeldung', quantity: 1 }, { id: 'ausweis', quantity: 2 }] }));
      const mon = await bookAppointment(app.ctx, input({ startsAt: MONDAY, locale: 'en' }));
      await alignOutbox(app.db.db, app.clock.now);
      const run = await relay().runOnce();
      assert.deepEqual(run, { sent: 2, retried: 0, failed: 0, skipped: 0 });
      assert.equal(smtp.mails.length, 2);

      const de = smtp.mails.find((m) => m.text?.includes(fri.appointment.reference))!;
      assert.ok(de, 'German confirmation arrived');
      assert.match(de.subject!, /^Terminbestätigung: Freitag, 23\. Oktober 2026, 09:00 Uhr/);
      assert.equal((de.to as { value: { address: string }[] }).value[0].address, fri.appointment.contact.email);
      assert.equal(de.from!.value[0].address, 'termine@example.org');
      assert.equal(de.replyTo!.value[0].address, 'buergeramt@example.org');
      for (const s of ['Freitag', '23. Oktober 2026', '09:00 Uhr', '1 Stunde', '1 × Dienst anmeldung', '2 × Dienst ausweis',
        'Dokument für anmeldung', 'Dokument für ausweis', '37,00 €', 'Rathausplatz 1, 04416 Markkleeberg', '0341 0000',
        `http://localhost:3000/termin/${fri.appointment.reference}?token=${fri.manageToken}`,
        `http://localhost:3000/api/v1/appointments/${fri.appointment.reference}/calendar.ics?token=${fri.manageToken}`]) {
        assert.ok(de.text!.includes(s), `text lacks ${s}: ${de.text}`);
        assert.ok((de.html as string).includes(s.replace(/&/g, '&amp;')), `html lacks ${s}`);
      }
      // "Personalausweis" is asked for by both concerns: listed once, per person as the ID card is for two
      assert.equal(de.text!.match(/^- .*Personalausweis$/gm)?.length, 1);
      assert.match(de.text!, /^- je Person \(2×\): Personalausweis$/m);
      // nothing external: the one image is the kiosk check-in code, sent inline (mailparser puts it in as a data: URL)
      assert.doesNotMatch(de.html as string, /<script/i);
      assert.deepEqual([...(de.html as string).matchAll(/src="([a-z]+):/gi)].map((m) => m[1]), ['data']);
      const code = de.attachments.find((a) => a.contentType === 'image/png');
      assert.equal(code?.contentDisposition, 'inline');
      assert.match(code?.cid ?? '', /^checkin-[2-9A-Z]{4}-[2-9A-Z]{4}@localhost$/);
      const id = (await outbox(app.db.db)).find((r) => r.kind === 'booking_confirmation' && de.messageId?.includes(`outbox-${r.id}@`));
      assert.ok(id, `Message-ID ${de.messageId} names its outbox row`);
      assert.equal(de.messageId, `<outbox-${id.id}@localhost>`);
      assert.equal(de.headers.get('auto-submitted'), 'auto-generated');

      const en = smtp.mails.find((m) => m.text?.includes(mon.appointment.reference))!;
      assert.match(en.subject!, /^Appointment confirmed: Monday, 26 October 2026, 09:00 \(/);
      assert.ok(en.text!.includes('Please bring'));
      assert.doesNotMatch(en.text!, /Bitte mitbringen/);

      // calendar files: 09:00 Europe/Berlin on Friday (UTC+2) and Monday (UTC+1)
      for (const [m, booked, utc] of [[de, fri, '2026-10-23T07:00:00Z'], [en, mon, '2026-10-26T08:00:00Z']] as const) {
        const ics = icsOf(m);
        assert.match(ics, /METHOD:REQUEST/);
        assert.match(ics, /BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin/);
        assert.match(ics, /DTSTART;TZID=Europe\/Berlin:202610(23|26)T090000/);
        const { event } = eventOf(ics);
        assert.equal(event.startDate.hour, 9);
        assert.equal(event.startDate.zone?.tzid, 'Europe/Berlin');
        assert.equal(event.startDate.toUnixTime() * 1000, Date.parse(utc));
        const row = await app.db.db.selectFrom('appointments').select(['id', 'sequence']).where('reference', '=', booked.appointment.reference.replace('-', '')).executeTakeFirstOrThrow();
        assert.equal(event.uid, `${row.id}@amtszeit`);
        assert.equal(event.sequence, row.sequence);
        assert.doesNotMatch(ics, /token=/);
        // also sent as the text/calendar alternative calendar apps act on
        assert.match(smtp.raw.find((r) => r.includes(booked.appointment.reference))!, /Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
      }

      // after sending, the database keeps no usable token
      const rows = await outbox(app.db.db);
      assert.ok(rows.every((r) => r.status === 'sent' && r.sent_at !== null && !('manageToken' in r.payload)));
      // nothing due: a second run sends nothing
      assert.deepEqual(await relay().runOnce(), { sent: 0, retried: 0, failed: 0, skipped: 0 });
      assert.equal(smtp.mails.length, 2);
    });

    test('move and cancel: same UID, SEQUENCE raised, old and new time; cancellation is METHOD:CANCEL', async () => {
      await reset();
      const a = await bookAppointment(app.ctx, input({ startsAt: FRIDAY }));
      await rescheduleAppointment(app.ctx, { reference: a.appointment.reference, token: a.manageToken, startsAt: MONDAY });
      await alignOutbox(app.db.db, app.clock.now);
      await relay().runOnce();
      await cancelAppointment(app.ctx, { reference: a.appointment.reference, token: a.manageToken });
      await alignOutbox(app.db.db, app.clock.now);
      await relay().runOnce();
      assert.equal(smtp.mails.length, 3);
      const [conf, moved, cancelled] = smtp.mails;
      assert.match(moved.subject!, /^Termin verschoben auf Montag, 26\. Oktober 2026, 09:00 Uhr/);
      assert.ok(moved.text!.includes('Freitag, 23. Oktober 2026, 09:00 Uhr'), 'the old time');
      assert.match(cancelled.subject!, /^Termin abgesagt/);
      const e1 = eventOf(icsOf(conf));
      const e2 = eventOf(icsOf(moved));
      const e3 = eventOf(icsOf(cancelled));
      assert.equal(e1.event.uid, e2.event.uid);
      assert.equal(e2.event.uid, e3.event.uid);
      assert.ok(e2.event.sequence > e1.event.sequence || (e1.event.sequence === 1 && e2.event.sequence === 1), 'a move raises SEQUENCE');
      assert.equal(e2.event.sequence, 1);
      assert.ok(e3.event.sequence >= e2.event.sequence);
      assert.equal(e3.comp.getFirstPropertyValue('method'), 'CANCEL');
      assert.equal(e3.comp.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status'), 'CANCELLED');
      assert.equal(e2.event.startDate.hour, 9);
      // these mails had no token in their payload: they link to the tokenless page
      assert.ok(moved.text!.includes('keinen persönlichen Link'));
    });

    test('confirm by e-mail: the request carries the confirm link and deadline; the confirmation follows', async () => {
      await reset();
      const a = await bookAppointment(app.ctx, input({ office: 'standesamt', startsAt: MONDAY }));
      assert.equal(a.appointment.status, 'pending');
      await alignOutbox(app.db.db, app.clock.now);
      await relay().runOnce();
      const req = smtp.mails[0];
      assert.match(req.subject!, /^Bitte bestätigen Sie Ihren Termin/);
      assert.ok(req.text!.includes(`http://localhost:3000/termin/${a.appointment.reference}/bestaetigen?token=${a.manageToken}`));
      assert.ok(req.text!.includes('Montag, 19. Oktober 2026, 08:30 Uhr'), 'deadline = now + 30 min');
      await confirmAppointment(app.ctx, { reference: a.appointment.reference, token: a.manageToken });
      await alignOutbox(app.db.db, app.clock.now);
      await relay().runOnce();
      assert.match(smtp.mails[1].subject!, /^Terminbestätigung/);
      assert.equal(smtp.mails.length, 2);
    });

    test('a cancelled appointment\'s unsent confirmation is skipped, not sent', async () => {
      await reset();
      const a = await bookAppointment(app.ctx, input());
      await cancelAppointment(app.ctx, { reference: a.appointment.reference, token: a.manageToken });
      await alignOutbox(app.db.db, app.clock.now);
      const run = await relay().runOnce();
      assert.deepEqual(run, { sent: 1, retried: 0, failed: 0, skipped: 1 });
      assert.deepEqual(smtp.mails.map((m) => m.subject!.split(':')[0]), ['Termin abgesagt']);
      const rows = await outbox(app.db.db);
      assert.equal(rows[0].status, 'skipped');
      assert.ok(!('manageToken' in rows[0].payload));
    });

    test('mail server down: bookings succeed, retries back off, and once it is up every mail arrives exactly once', async () => {
      await reset();
      const port = await freePort();
      const down = createSmtpTransport(`smtp://127.0.0.1:${port}`, { timeoutMs: 1000 });
      assert.equal((await down.verify()).state, 'unreachable');
      assert.match(down.health().reason!, /ECONNREFUSED/);
      const refs: string[] = [];
      for (const t of ['08:00', '08:15', '08:30']) refs.push((await bookAppointment(app.ctx, input({ startsAt: `2026-10-26T${t}:00+01:00` }))).appointment.reference);
      await alignOutbox(app.db.db, app.clock.now);
      const r = createOutboxRelay({ db: app.db.db, transport: down, now: () => app.clock.now });
      assert.deepEqual(await r.runOnce(), { sent: 0, retried: 3, failed: 0, skipped: 0 });
      let rows = await outbox(app.db.db);
      assert.ok(rows.every((x) => x.status === 'pending' && x.attempts === 1 && x.last_error && x.next_attempt_at.getTime() === NOW + 30_000));
      // not due before the backoff
      app.clock.advanceMinutes(0.25);
      assert.deepEqual(await r.runOnce(), { sent: 0, retried: 0, failed: 0, skipped: 0 });
      app.clock.advanceMinutes(0.5);
      assert.equal((await r.runOnce()).retried, 3);
      rows = await outbox(app.db.db);
      assert.ok(rows.every((x) => x.attempts === 2 && x.next_attempt_at.getTime() === app.clock.now + 60_000), 'second retry after 60 s');
      // the server comes up on that port
      const late = await startCatcher(port);
      try {
        app.clock.advanceMinutes(1);
        assert.equal((await r.runOnce()).sent, 3);
        assert.equal(down.health().state, 'ok');
        app.clock.advanceMinutes(120);
        await r.runOnce();
        assert.equal(late.mails.length, 3);
        assert.deepEqual(late.mails.map((m) => refs.find((ref) => m.text!.includes(ref))).sort(), [...refs].sort());
      } finally {
        await down.close();
        await late.close();
      }
    });

    test('retries end after 24 h: the row is failed, with the reason, and its token removed', async () => {
      await reset();
      const port = await freePort();
      const down = createSmtpTransport(`smtp://127.0.0.1:${port}`, { timeoutMs: 1000 });
      await bookAppointment(app.ctx, input());
      await alignOutbox(app.db.db, app.clock.now);
      const r = createOutboxRelay({ db: app.db.db, transport: down, now: () => app.clock.now });
      let attempts = 0;
      for (let i = 0; i < 100 && (await outbox(app.db.db))[0].status === 'pending'; i++) {
        attempts += (await r.runOnce()).retried;
        app.clock.advanceMinutes(61);
      }
      const [row] = await outbox(app.db.db);
      assert.equal(row.status, 'failed');
      assert.match(row.last_error!, /ECONNREFUSED/);
      assert.ok(!('manageToken' in row.payload));
      assert.ok(attempts >= 24 && attempts <= 40, `${attempts} retries in 24 h (30 s doubling, at most hourly)`);
      await down.close();
    });

    test('relay killed while sending: nothing lost, nothing sent twice', async () => {
      await reset();
      const refs: string[] = [];
      for (const t of ['08:00', '08:15', '08:30', '08:45', '09:00']) refs.push((await bookAppointment(app.ctx, input({ startsAt: `2026-10-26T${t}:00+01:00` }))).appointment.reference);
      await alignOutbox(app.db.db, app.clock.now);
      // The first relay sends one mail, then "dies" while handing over the others (those promises never settle).
      let calls = 0;
      const dying: MailTransport = {
        ...transport,
        kind: 'smtp',
        send: (m) => (++calls === 1 ? transport.send(m) : new Promise<void>(() => {})),
      };
      void relay({ transport: dying }).runOnce();
      // the one mail it handed over is marked sent (its own statement, just after the hand-over)
      await waitFor(async () => calls >= 2 && smtp.mails.length === 1 && (await outbox(app.db.db)).some((r) => r.status === 'sent'));
      // another relay (or the restarted one) before the lease ends: nothing is due
      const second = relay();
      assert.equal((await second.runOnce()).sent, 0);
      // after the 30-second lease the rest goes out
      app.clock.advanceMinutes(0.55);
      assert.equal((await second.runOnce()).sent, 4);
      assert.equal(smtp.mails.length, 5);
      const got = smtp.mails.map((m) => refs.find((ref) => m.text!.includes(ref)));
      assert.deepEqual([...got].sort(), [...refs].sort(), 'each exactly once');
      assert.ok((await outbox(app.db.db)).every((r) => r.status === 'sent'));
    });

    test('killed after the server accepted but before marking sent: sent again, with the same Message-ID (the at-least-once window)', async () => {
      await reset();
      await bookAppointment(app.ctx, input());
      await alignOutbox(app.db.db, app.clock.now);
      let handedOver = false;
      const dying: MailTransport = { ...transport, kind: 'smtp', send: async (m) => { await transport.send(m); handedOver = true; await new Promise(() => {}); } };
      void relay({ transport: dying }).runOnce();
      await waitFor(() => handedOver);
      app.clock.advanceMinutes(0.55);
      assert.equal((await relay().runOnce()).sent, 1);
      assert.equal(smtp.mails.length, 2);
      assert.equal(smtp.mails[0].messageId, smtp.mails[1].messageId);
    });

    if (kind === 'postgres') {
      test('two relays on two connections pools at once: every mail exactly once', async () => {
        await reset();
        const refs: string[] = [];
        for (const day of ['26', '27']) {
          for (let h = 8; h < 12; h++) {
            for (const m of ['00', '15', '30', '45']) {
              for (let lane = 0; lane < 2; lane++) {
                refs.push((await bookAppointment(app.ctx, input({ startsAt: `2026-10-${day}T${String(h).padStart(2, '0')}:${m}:00+01:00` }))).appointment.reference);
              }
            }
          }
        }
        await alignOutbox(app.db.db, app.clock.now);
        const other = await openDatabase({ databaseUrl: app.db.url!, poolSize: 3 });
        const otherTransport = createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`);
        try {
          const runs = await Promise.all([
            relay({ batchSize: 3 }).runOnce(),
            createOutboxRelay({ db: other.db, transport: otherTransport, now: () => app.clock.now, batchSize: 3 }).runOnce(),
            relay({ batchSize: 5 }).runOnce(),
          ]);
          assert.equal(runs.reduce((s, r) => s + r.sent, 0), refs.length, JSON.stringify({ runs, rows: (await outbox(app.db.db)).map((r) => [r.status, r.attempts, r.last_error]) }));
          assert.ok(runs.filter((r) => r.sent > 0).length >= 2, `the relays shared the work: ${JSON.stringify(runs)}`);
          assert.equal(smtp.mails.length, refs.length);
          const ids = smtp.mails.map((m) => m.messageId);
          assert.equal(new Set(ids).size, refs.length, 'no Message-ID twice');
        } finally {
          await otherTransport.close();
          await other.close();
        }
      });
    }

    test('/healthz: degraded with the reason while the mail server is unreachable, ok when it answers; still 200', async () => {
      const port = await freePort();
      const down = createSmtpTransport(`smtp://127.0.0.1:${port}`, { timeoutMs: 1000 });
      await down.verify();
      const server = await buildServer({ ctx: app.ctx, mailHealth: () => down.health() });
      try {
        const r = await server.inject({ url: '/healthz' });
        assert.equal(r.statusCode, 200);
        const body = r.json();
        assert.equal(body.status, 'degraded');
        assert.equal(body.database, 'ok');
        assert.equal(body.mail.state, 'unreachable');
        assert.match(body.reason, /mail server unreachable: .*ECONNREFUSED/);
        const up = await buildServer({ ctx: app.ctx, mailHealth: () => transport.health() });
        await transport.verify();
        assert.deepEqual((await up.inject({ url: '/healthz' })).json(), { status: 'ok', database: 'ok', mail: { transport: 'smtp', state: 'ok' } });
        await up.close();
      } finally {
        await server.close();
        await down.close();
      }
    });
  });
}

async function waitFor(cond: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
