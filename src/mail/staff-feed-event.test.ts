// The staff feed's events (pure), written with buildCalendarFeed and parsed
// back with ical.js: reference and concerns, counter, no personal contact data,
// local times with TZID on both sides of the DST change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import type { MailAppointment } from './appointment-data.ts';
import { buildCalendarFeed } from './calendar.ts';
import { staffFeedEvent } from './staff-feed-event.ts';

function appointment(id: string, startUtc: string): MailAppointment {
  const start = Date.parse(startUtc);
  return {
    id, reference: 'K7Q2-9XMD', orgName: 'Teststadt', timeZone: 'Europe/Berlin', publicUrl: 'https://termine.example.org',
    office: { name: 'Bürgeramt', address: 'Markt 1', phone: '0341 1', email: 'amt@example.org' },
    startsAt: start, endsAt: start + 30 * 60_000, durationMinutes: 30,
    services: [{ name: 'Personalausweis', quantity: 2 }], documents: ['Foto'], sequence: 2,
    contactName: 'Erika Mustermann', contactEmail: 'erika@example.org', expiresAt: null, updatedAt: Date.parse('2027-03-01T10:00:00Z'),
  };
}

test('a feed of two events across the DST change: local 09:00 both times, no contact data', () => {
  const events = [appointment('a1', '2027-03-25T08:00:00Z'), appointment('a2', '2027-03-30T07:00:00Z')].map((a) =>
    staffFeedEvent(a, { lane: 1, channel: 'phone', status: 'booked', locale: 'de', staffUrl: 'https://termine.example.org/staff/termin/K7Q2-9XMD' }));
  const ics = buildCalendarFeed({ name: 'Bürgeramt – Teststadt', from: Date.parse('2027-03-15T00:00:00Z'), to: Date.parse('2027-04-30T00:00:00Z'), refreshMinutes: 15, events });
  for (const secret of ['Erika', 'erika@', '0341 1']) assert.ok(!ics.includes(secret), secret);
  const comp = new ICAL.Component(ICAL.parse(ics));
  assert.equal(comp.getFirstPropertyValue('method'), 'PUBLISH');
  assert.equal(comp.getAllSubcomponents('vtimezone').length, 1);
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const parsed = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  assert.deepEqual(parsed.map((e) => e.uid), ['a1@amtszeit', 'a2@amtszeit']);
  assert.deepEqual(parsed.map((e) => [e.startDate.hour, e.startDate.minute, e.startDate.zone?.tzid]), [[9, 0, 'Europe/Berlin'], [9, 0, 'Europe/Berlin']]);
  assert.deepEqual(parsed.map((e) => e.startDate.toUnixTime() * 1000), [Date.parse('2027-03-25T08:00:00Z'), Date.parse('2027-03-30T07:00:00Z')]);
  assert.equal(parsed[0].summary, 'K7Q2-9XMD: 2 × Personalausweis');
  assert.match(parsed[0].description, /Schalter 2/);
  assert.match(parsed[0].description, /Gebucht über: Telefon/);
  assert.equal(parsed[0].sequence, 2);
});

test('a conflict kept by a configuration change is marked in the summary and said in the description', () => {
  const a = appointment('a3', '2027-03-25T08:00:00Z');
  const staffUrl = 'https://termine.example.org/staff/termin/K7Q2-9XMD';
  const marked = staffFeedEvent(a, { lane: 0, channel: 'online', status: 'booked', locale: 'de', staffUrl, conflict: true });
  assert.equal(marked.summary, 'KONFLIKT K7Q2-9XMD: 2 × Personalausweis');
  assert.match(marked.description ?? '', /^Passt nicht mehr/);
  const en = staffFeedEvent(a, { lane: 0, channel: 'online', status: 'booked', locale: 'en', staffUrl, conflict: true });
  assert.match(en.summary, /^CONFLICT /);
  const plain = staffFeedEvent(a, { lane: 0, channel: 'online', status: 'booked', locale: 'de', staffUrl });
  assert.equal(plain.summary, 'K7Q2-9XMD: 2 × Personalausweis');
});
