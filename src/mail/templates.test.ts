import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mailAppointment, type AppointmentFacts } from './appointment-data.ts';
import { escapeHtml } from './markup.ts';
import { renderMail, type MailTemplateInput } from './templates.ts';
import type { OrgConfig } from '../domain/types.ts';

const config: OrgConfig = {
  organization: { name: 'Teststadt', timezone: 'Europe/Berlin', defaultLocale: 'de', publicUrl: 'https://termine.example.org/', retentionDays: 30 },
  services: [
    { id: 'pass', name: { de: 'Reisepass', en: 'Passport' }, area: { de: 'A', en: 'A' }, minutes: 20, maxQuantity: 3,
      documents: { de: ['Personalausweis', 'Passbild'], en: ['ID card', 'Photo'] }, fee: { de: '70,00 €', en: 'EUR 70.00' } },
    { id: 'anmeldung', name: { de: 'Anmeldung <Wohnung>', en: 'Registration' }, area: { de: 'A', en: 'A' }, minutes: 15, maxQuantity: 3,
      documents: { de: ['personalausweis', 'Wohnungsgeberbestätigung'], en: ['ID card', "Landlord's confirmation"] } },
  ],
  offices: [{
    id: 'amt', name: 'Bürgeramt & Co', address: 'Rathausplatz 1, 04416 Markkleeberg', phone: '0341 1234', email: 'amt@example.org', slotMinutes: 15,
    services: ['pass', 'anmeldung'], hours: [], closures: [], extraHours: [],
    booking: { leadMinutes: 60, horizonDays: 30, holdMinutes: 10, maxActivePerEmail: 3, cancelUntilMinutes: 60, maxServices: 3, confirmByEmail: false, confirmMinutes: 60, reminderHours: 24 },
  }],
};

const row: AppointmentFacts = {
  id: '0b6f0e2a-0000-4000-8000-000000000001', office_id: 'amt', reference: 'K7Q29XMD',
  starts_at: new Date('2026-10-26T08:00:00Z'), ends_at: new Date('2026-10-26T08:55:00Z'), duration_minutes: 55,
  services: [{ id: 'pass', quantity: 2 }, { id: 'anmeldung', quantity: 1 }], sequence: 0, status: 'booked', expires_at: null,
  contact_name: 'Erika <b>Mustermann</b>', contact_email: 'erika@example.org', updated_at: new Date('2026-10-01T00:00:00Z'),
};

function mail(input: (a: ReturnType<typeof mailAppointment>) => MailTemplateInput, locale: 'de' | 'en' = 'de') {
  return renderMail(input(mailAppointment(row, config, locale)), locale);
}

test('confirmation in German: office, address, weekday, date, local time, duration, concerns, combined documents, fees, reference, links, phone', () => {
  const m = mail((a) => ({ kind: 'booking_confirmation', appointment: a, token: 'tok-123' }));
  assert.match(m.subject, /Terminbestätigung: Montag, 26\. Oktober 2026, 09:00 Uhr \(K7Q2-9XMD\)/);
  for (const s of ['Bürgeramt & Co', 'Rathausplatz 1, 04416 Markkleeberg', 'Montag', '26. Oktober 2026', '09:00 Uhr', '55 Minuten',
    '2 × Reisepass', '1 × Anmeldung <Wohnung>', 'Passbild', 'Wohnungsgeberbestätigung', '70,00 €', 'K7Q2-9XMD', '0341 1234',
    'https://termine.example.org/termin/K7Q2-9XMD?token=tok-123',
    'https://termine.example.org/api/v1/appointments/K7Q2-9XMD/calendar.ics?token=tok-123']) {
    assert.ok(m.text.includes(s), `text lacks ${s}`);
  }
  // the document two concerns ask for is listed once (case-insensitively), per person where the passport is for two
  assert.equal(m.text.match(/^- .*Personalausweis$/gim)?.length, 1);
  assert.match(m.text, /^- je Person \(2×\): Personalausweis$/m);
});

test('HTML is escaped, has no external resources, and carries the same facts', () => {
  const m = mail((a) => ({ kind: 'booking_confirmation', appointment: a, token: 'tok-123' }));
  assert.ok(m.html.includes('Erika &lt;b&gt;Mustermann&lt;/b&gt;'));
  assert.ok(m.html.includes('Anmeldung &lt;Wohnung&gt;'));
  assert.ok(m.html.includes('Bürgeramt &amp; Co'));
  assert.ok(!m.html.includes('<b>Mustermann'));
  assert.doesNotMatch(m.html, /<img|<script|<link|src=|url\(/i);
  assert.ok(m.html.includes('href="https://termine.example.org/termin/K7Q2-9XMD?token=tok-123"'));
  assert.match(m.html, /<html lang="de">/);
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});

test('English follows the locale', () => {
  const m = mail((a) => ({ kind: 'booking_confirmation', appointment: a, token: 't' }), 'en');
  assert.match(m.subject, /^Appointment confirmed: Monday, 26 October 2026, 09:00 \(K7Q2-9XMD\)$/);
  assert.ok(m.text.includes('2 × Passport'));
  assert.ok(m.text.includes("Landlord's confirmation"));
  assert.ok(m.text.includes('EUR 70.00'));
  assert.doesNotMatch(m.text, /Termin|Uhr/);
  assert.match(m.html, /<html lang="en">/);
});

test('without a token the mail links to the tokenless page and says how to get a link', () => {
  for (const [kind, locale, phrase] of [
    ['booking_confirmation', 'de', 'keinen persönlichen Link'], ['reminder', 'en', 'contains no personal link'],
  ] as const) {
    const m = mail((a) => (kind === 'reminder' ? { kind, appointment: a } : { kind, appointment: a, token: null }), locale);
    assert.ok(m.text.includes(phrase), m.text);
    assert.ok(m.text.includes('https://termine.example.org/termin/K7Q2-9XMD\n'));
    assert.doesNotMatch(m.text + m.html, /token=/);
  }
});

test('confirm request: confirm link and deadline; move: old and new time; staff cancellation: reason', () => {
  const c = mail((a) => ({ kind: 'confirm_request', appointment: a, token: 'ct', deadline: Date.parse('2026-10-20T10:30:00Z') }));
  assert.ok(c.text.includes('https://termine.example.org/termin/K7Q2-9XMD/bestaetigen?token=ct'));
  assert.ok(c.text.includes('Dienstag, 20. Oktober 2026, 12:30 Uhr'));
  const r = mail((a) => ({ kind: 'reschedule', appointment: a, previousStartsAt: Date.parse('2026-10-23T07:00:00Z') }), 'en');
  assert.match(r.subject, /moved to Monday, 26 October 2026, 09:00/);
  assert.ok(r.text.includes('Friday, 23 October 2026, 09:00'));
  const s = mail((a) => ({ kind: 'staff_cancellation', appointment: a, reason: 'Stromausfall' }));
  assert.ok(s.text.includes('Stromausfall'));
  assert.match(s.subject, /vom Amt abgesagt/);
  const x = mail((a) => ({ kind: 'cancellation', appointment: a }));
  assert.match(x.subject, /^Termin abgesagt: Montag, 26\. Oktober 2026, 09:00 Uhr/);
});

test('a move by staff tells the reason, in German and English; a move by the citizen has none', () => {
  const de = mail((a) => ({ kind: 'reschedule', appointment: a, previousStartsAt: Date.parse('2026-10-23T07:00:00Z'), reason: 'Krankheit im Team' }));
  assert.match(de.text, /^Grund: +Krankheit im Team$/m);
  assert.ok(de.html.includes('Krankheit im Team'));
  assert.ok(de.text.indexOf('Krankheit im Team') < de.text.indexOf('Bisher'), 'the reason comes before the details');
  const en = mail((a) => ({ kind: 'reschedule', appointment: a, previousStartsAt: null, reason: 'Staff <ill>' }), 'en');
  assert.match(en.text, /^Reason: +Staff <ill>$/m);
  assert.ok(en.html.includes('Staff &lt;ill&gt;'));
  const own = mail((a) => ({ kind: 'reschedule', appointment: a, previousStartsAt: null }));
  assert.doesNotMatch(own.text, /Grund/);
});
