// The kiosk check-in code in the mails: confirmation, move and reminder of a
// booked appointment carry it as an inline PNG (Content-ID named by the HTML's
// <img>, with alt text), the text part says the reference for the kiosk; the
// MIME message a mail server gets has it inline; other mails carry none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jsqr from 'jsqr';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { PNG } from 'pngjs';
import type { OrgConfig } from '../domain/types.ts';
import type { AppointmentFacts } from './appointment-data.ts';
import { composeOutboxMail, type OutboxMailRow } from './compose.ts';
import { nodemailerMessage, type OutgoingMail } from './transport.ts';

const jsQR = jsqr.default;

const config: OrgConfig = {
  organization: { name: 'Teststadt', timezone: 'Europe/Berlin', defaultLocale: 'de', publicUrl: 'https://termine.example.org/', retentionDays: 30 },
  services: [
    { id: 'pass', name: { de: 'Reisepass', en: 'Passport' }, area: { de: 'A', en: 'A' }, minutes: 20, maxQuantity: 3,
      documents: { de: ['Personalausweis'], en: ['ID card'] } },
  ],
  offices: [{
    id: 'amt', name: 'Bürgeramt', address: 'Rathausplatz 1', phone: '0341 1234', email: 'amt@example.org', slotMinutes: 15,
    services: ['pass'], hours: [], closures: [], extraHours: [],
    booking: { leadMinutes: 60, horizonDays: 30, holdMinutes: 10, maxActivePerEmail: 3, cancelUntilMinutes: 60, maxServices: 3, confirmByEmail: false, confirmMinutes: 60, reminderHours: 24 },
  }],
};

const appt: AppointmentFacts = {
  id: '0b6f0e2a-0000-4000-8000-000000000001', office_id: 'amt', reference: 'K7Q29XMD',
  starts_at: new Date('2026-10-26T08:00:00Z'), ends_at: new Date('2026-10-26T08:20:00Z'), duration_minutes: 20,
  services: [{ id: 'pass', quantity: 1 }], sequence: 0, status: 'booked', expires_at: null,
  contact_name: 'Erika Mustermann', contact_email: 'erika@example.org', updated_at: new Date('2026-10-01T00:00:00Z'),
};

const NOW = Date.parse('2026-10-20T08:00:00Z');

async function compose(kind: string, opts: { status?: string; locale?: string } = {}): Promise<OutgoingMail> {
  const row: OutboxMailRow = { id: '7', kind, recipient: 'erika@example.org', locale: opts.locale ?? 'de', payload: { manageToken: 'tok-123', previousStartsAt: '2026-10-25T08:00:00Z' } };
  const c = await composeOutboxMail({ row, appointment: { ...appt, status: opts.status ?? 'booked' }, config, now: NOW });
  assert.equal(c.kind, 'mail');
  return (c as { mail: OutgoingMail }).mail;
}

function decodePng(png: Buffer): string | undefined {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data;
}

test('the confirmation carries the check-in code inline: the HTML names its Content-ID, with alt text; the PNG decodes to the reference', async () => {
  const mail = await compose('booking_confirmation');
  assert.equal(mail.inlineImages?.length, 1);
  const img = mail.inlineImages![0];
  assert.equal(img.cid, 'checkin-K7Q2-9XMD@termine.example.org');
  assert.equal(img.contentType, 'image/png');
  assert.ok(img.content.length < 3000, `PNG of ${img.content.length} bytes`);
  assert.equal(decodePng(img.content), 'K7Q2-9XMD');
  const tag = /<img [^>]*>/.exec(mail.html)?.[0] ?? '';
  assert.ok(tag.includes(`src="cid:${img.cid}"`), tag);
  assert.ok(tag.includes('alt="QR-Code mit Ihrer Buchungsnummer K7Q2-9XMD zum Einchecken am Terminal"'), tag);
  assert.equal(mail.html.match(/<img /g)?.length, 1);
  assert.doesNotMatch(mail.html, /src="(?!cid:)/, 'no other image source, nothing external');
  assert.match(mail.text, /Am Tag des Termins: Code am Terminal im Wartebereich scannen oder Buchungsnummer K7Q2-9XMD eingeben\./);
  assert.match(mail.html, /Am Tag des Termins: Code am Terminal im Wartebereich scannen oder Buchungsnummer K7Q2-9XMD eingeben\./);
});

test('the MIME message has the PNG inline with that Content-ID, next to the calendar file, and stays small', async () => {
  const mail = await compose('booking_confirmation');
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const raw = (await composer.sendMail(nodemailerMessage(mail))).message as Buffer;
  assert.ok(raw.length < 20_000, `mail of ${raw.length} bytes`);
  assert.match(raw.toString('utf8'), /Content-Type: multipart\/related/i);
  const parsed = await simpleParser(raw);
  const png = parsed.attachments.find((a) => a.contentType === 'image/png');
  assert.ok(png, 'the PNG is in the message');
  assert.equal(png.cid, 'checkin-K7Q2-9XMD@termine.example.org');
  assert.equal(png.contentDisposition, 'inline');
  assert.equal(decodePng(png.content), 'K7Q2-9XMD');
  assert.ok(parsed.attachments.some((a) => a.contentType.startsWith('text/calendar')), 'the calendar file is still there');
  assert.ok(String(parsed.html).includes('K7Q2-9XMD'));
});

test('move notice and reminder carry it too, in English as well; cancellations and a pending booking\'s mails do not', async () => {
  for (const kind of ['reschedule', 'reminder']) {
    const mail = await compose(kind);
    assert.equal(mail.inlineImages?.length, 1, kind);
    assert.ok(mail.html.includes(`src="cid:${mail.inlineImages![0].cid}"`), kind);
  }
  const en = await compose('booking_confirmation', { locale: 'en' });
  assert.ok(en.html.includes('alt="QR code with your reference K7Q2-9XMD for checking in at the kiosk"'));
  assert.match(en.text, /scan the code at the kiosk in the waiting area or enter your reference K7Q2-9XMD/);
  for (const [kind, status] of [['cancellation', 'cancelled'], ['staff_cancellation', 'cancelled'], ['confirm_request', 'pending'], ['reschedule', 'pending']] as const) {
    const mail = await compose(kind, { status });
    assert.equal(mail.inlineImages, undefined, `${kind} (${status})`);
    assert.doesNotMatch(mail.html, /<img/, `${kind} (${status})`);
    assert.doesNotMatch(mail.text, /Terminal/, `${kind} (${status})`);
  }
});
