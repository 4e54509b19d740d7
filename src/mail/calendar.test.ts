// Calendar files parsed back with ical.js (an independent implementation).
// npm test runs with TZ=Pacific/Kiritimati, so any use of the host zone shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { buildCalendar, type CalendarEventData } from './calendar.ts';
import { vtimezone } from './vtimezone.ts';

function event(over: Partial<CalendarEventData> = {}): CalendarEventData {
  return {
    uid: 'abc@amtszeit', sequence: 3, start: Date.parse('2026-10-26T08:00:00Z'), end: Date.parse('2026-10-26T08:20:00Z'),
    timeZone: 'Europe/Berlin', stamp: Date.parse('2026-10-01T12:00:00Z'), summary: 'Bürgeramt – Teststadt',
    location: 'Bürgeramt, Rathausplatz 1', description: 'Bitte mitbringen:\n- Personalausweis', cancelled: false,
    organizer: { name: 'Bürgeramt', email: 'amt@example.org' }, attendee: { email: 'erika@example.org', name: 'Erika' }, method: 'REQUEST',
    ...over,
  };
}

function parse(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const vevent = comp.getFirstSubcomponent('vevent')!;
  return { comp, vevent, ev: new ICAL.Event(vevent) };
}

test('local wall-clock time with TZID and a VTIMEZONE, right on both sides of the DST change', () => {
  // Friday before (CEST, UTC+2) and Monday after the clocks go back (CET, UTC+1): both 09:00 local
  for (const [utc, local] of [['2026-10-23T07:00:00Z', '20261023T090000'], ['2026-10-26T08:00:00Z', '20261026T090000']]) {
    const start = Date.parse(utc);
    const ics = buildCalendar(event({ start, end: start + 20 * 60_000 }));
    assert.ok(ics.includes(`DTSTART;TZID=Europe/Berlin:${local}`), ics);
    assert.match(ics, /BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin\r\n/);
    assert.match(ics, /DTSTAMP:20261001T120000Z/);
    const { ev } = parse(ics);
    assert.equal(ev.startDate.hour, 9);
    assert.equal(ev.startDate.minute, 0);
    assert.equal(ev.startDate.zone?.tzid, 'Europe/Berlin');
    // ical.js applies our VTIMEZONE: the instant is exactly the stored one
    assert.equal(ev.startDate.toUnixTime() * 1000, start);
    assert.equal(ev.endDate.toUnixTime() * 1000, start + 20 * 60_000);
  }
});

test('stable UID, SEQUENCE, METHOD REQUEST with organizer and attendee; CANCEL with STATUS CANCELLED', () => {
  const req = parse(buildCalendar(event()));
  assert.equal(req.comp.getFirstPropertyValue('method'), 'REQUEST');
  assert.equal(req.ev.uid, 'abc@amtszeit');
  assert.equal(req.ev.sequence, 3);
  assert.equal(req.vevent.getFirstPropertyValue('status'), 'CONFIRMED');
  assert.equal(req.ev.location, 'Bürgeramt, Rathausplatz 1');
  assert.equal(req.ev.description, 'Bitte mitbringen:\n- Personalausweis');
  assert.match(String(req.vevent.getFirstPropertyValue('organizer')), /amt@example.org/i);
  assert.match(String(req.vevent.getFirstPropertyValue('attendee')), /erika@example.org/i);
  const cancel = parse(buildCalendar(event({ cancelled: true })));
  assert.equal(cancel.comp.getFirstPropertyValue('method'), 'CANCEL');
  assert.equal(cancel.vevent.getFirstPropertyValue('status'), 'CANCELLED');
  assert.equal(cancel.ev.uid, 'abc@amtszeit');
  const pub = parse(buildCalendar(event({ method: 'PUBLISH' })));
  assert.equal(pub.comp.getFirstPropertyValue('method'), 'PUBLISH');
  assert.equal(pub.vevent.getFirstPropertyValue('attendee'), null);
});

test('VTIMEZONE agrees with the zone database through a whole year, for zones with and without DST', () => {
  // As a calendar app reads DTSTART;TZID: local wall-clock time + our VTIMEZONE -> instant.
  for (const tz of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Tokyo', 'America/Sao_Paulo', 'Europe/London']) {
    const from = Date.parse('2026-01-01T00:00:00Z');
    const text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n${vtimezone(tz, from, from)}\r\nEND:VCALENDAR`;
    const zone = new ICAL.Timezone(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vtimezone')!);
    let checked = 0;
    for (let t = from; t < from + 366 * 86_400_000; t += 3600_000 * 5 + 60_000 * 7) {
      const local = Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(tz);
      // the repeated hour when clocks go back is ambiguous in any local notation: skip it
      const again = local.toPlainDateTime().toZonedDateTime(tz, { disambiguation: 'later' });
      if (again.epochMilliseconds !== local.toPlainDateTime().toZonedDateTime(tz, { disambiguation: 'earlier' }).epochMilliseconds) continue;
      const time = new ICAL.Time({ year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute, second: 0, isDate: false }, zone);
      assert.equal(time.toUnixTime() * 1000, t, `${tz} at ${local.toString()}`);
      checked++;
    }
    assert.ok(checked > 1500);
  }
});
