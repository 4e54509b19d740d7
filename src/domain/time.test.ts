// Tests for time.ts: parsing, date arithmetic, and zone conversions checked against Temporal itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import {
  addDays, compareDates, eachDate, formatLocalTime, isValidLocalDate, isValidLocalTime, isValidTimeZone,
  localDateOf, localMinutesOf, localTimeOf, parseLocalTime, parseRfc3339, toRfc3339, weekdayOf, zonedInstant,
} from './time.ts';

const BERLIN = 'Europe/Berlin';

test('local times parse and format, 24:00 is 1440', () => {
  assert.equal(parseLocalTime('00:00'), 0);
  assert.equal(parseLocalTime('08:30'), 510);
  assert.equal(parseLocalTime('23:59'), 1439);
  assert.equal(parseLocalTime('24:00'), 1440);
  for (const bad of ['24:01', '25:00', '8:00', '08:60', '0800', '', ' 08:00', '08:00:00']) {
    assert.equal(isValidLocalTime(bad), false, bad);
    assert.throws(() => parseLocalTime(bad), RangeError);
  }
  assert.equal(formatLocalTime(510), '08:30');
  assert.equal(formatLocalTime(1440), '24:00');
  assert.equal(formatLocalTime(0), '00:00');
  assert.throws(() => formatLocalTime(1441), RangeError);
});

test('local dates: validity, arithmetic, weekdays', () => {
  assert.equal(isValidLocalDate('2026-02-28'), true);
  assert.equal(isValidLocalDate('2028-02-29'), true);
  for (const bad of ['2026-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '26-01-01', '2026-1-1', '2026-01-01T00:00']) {
    assert.equal(isValidLocalDate(bad), false, bad);
  }
  assert.equal(isValidLocalDate('2000-02-29'), true);
  // a year either side of any valid date stays within YYYY
  assert.equal(isValidLocalDate('9998-12-31'), true);
  assert.equal(isValidLocalDate('1001-01-01'), true);
  for (const edge of ['9999-12-31', '9999-01-01', '1000-12-31', '0000-01-01']) assert.equal(isValidLocalDate(edge), false, edge);
  assert.equal(addDays('9998-12-31', 365), '9999-12-31');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2028-03-01', -1), '2028-02-29');
  assert.equal(addDays('2026-03-28', 2), '2026-03-30');
  assert.equal(weekdayOf('2026-12-05'), 'sat');
  assert.equal(weekdayOf('2026-11-18'), 'wed');
  assert.equal(weekdayOf('1970-01-01'), 'thu');
  assert.equal(weekdayOf('1969-12-29'), 'mon');
  assert.equal(compareDates('2026-01-02', '2026-01-10'), -1);
  assert.equal(compareDates('2026-01-10', '2026-01-10'), 0);
  assert.equal(compareDates('2027-01-01', '2026-12-31'), 1);
  assert.deepEqual(eachDate('2026-12-30', '2027-01-02'), ['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  assert.deepEqual(eachDate('2026-01-02', '2026-01-01'), []);
});

test('date arithmetic agrees with Temporal.PlainDate', () => {
  const dayArb = fc.date({ min: new Date('1600-01-01T00:00:00Z'), max: new Date('2400-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  fc.assert(fc.property(dayArb, fc.integer({ min: -2000, max: 2000 }), (d, n) => {
    const p = Temporal.PlainDate.from(d);
    assert.equal(addDays(d, n), p.add({ days: n }).toString());
    assert.equal(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][p.dayOfWeek - 1], weekdayOf(d));
  }), { numRuns: 500 });
});

test('zonedInstant: ordinary day, 24:00 and DST days in Berlin', () => {
  const at = (d: string, t: string) => toRfc3339(zonedInstant(d, parseLocalTime(t), BERLIN), BERLIN);
  assert.equal(at('2026-12-01', '09:30'), '2026-12-01T09:30:00+01:00');
  assert.equal(at('2026-07-01', '09:30'), '2026-07-01T09:30:00+02:00');
  assert.equal(at('2026-12-31', '24:00'), '2027-01-01T00:00:00+01:00');
  // spring forward: 02:30 does not exist and moves later by the gap
  assert.equal(at('2026-03-29', '02:30'), '2026-03-29T03:30:00+02:00');
  // fall back: 02:30 happens twice, the first one is taken
  assert.equal(at('2026-10-25', '02:30'), '2026-10-25T02:30:00+02:00');
  const hours = (d: string) => (zonedInstant(d, 1440, BERLIN) - zonedInstant(d, 0, BERLIN)) / 3_600_000;
  assert.equal(hours('2026-03-29'), 23);
  assert.equal(hours('2026-10-25'), 25);
  assert.equal(hours('2026-10-26'), 24);
});

const ZONES = ['Europe/Berlin', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata',
  'Pacific/Apia', 'Pacific/Kiritimati', 'Europe/London', 'America/St_Johns', 'UTC', 'Africa/Casablanca'];

test('zonedInstant matches Temporal with disambiguation compatible', () => {
  const dayArb = fc.date({ min: new Date('2005-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  fc.assert(fc.property(dayArb, fc.integer({ min: 0, max: 1440 }), fc.constantFrom(...ZONES), (d, min, tz) => {
    const expected = Temporal.PlainDate.from(d).add({ days: Math.floor(min / 1440) })
      .toPlainDateTime({ hour: Math.floor((min % 1440) / 60), minute: min % 60 })
      .toZonedDateTime(tz, { disambiguation: 'compatible' }).epochMilliseconds;
    assert.equal(zonedInstant(d, min, tz), expected);
  }), { numRuns: 3000 });
  // every transition day 2010-2030 in every zone, every 10 minutes of it (random days rarely hit them)
  let checked = 0;
  for (const tz of ZONES) {
    let z: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from({ timeZone: tz, year: 2010, month: 1, day: 1 });
    while ((z = z.getTimeZoneTransition('next')) && z.year < 2031) {
      const days: Temporal.PlainDate[] = [z.toPlainDate().subtract({ days: 1 }), z.toPlainDate()];
      for (const day of days) {
        for (let min = 0; min <= 1440; min += 10) {
          const expected: number = day.toPlainDateTime().add({ minutes: min })
            .toZonedDateTime(tz, { disambiguation: 'compatible' }).epochMilliseconds;
          assert.equal(zonedInstant(day.toString(), min, tz), expected, `${tz} ${day} +${min}`);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 10_000, `only ${checked} checked`);
  // the Samoa date-line jump of 2011 (2011-12-30 never happened there)
  for (const min of [0, 600, 1440]) {
    const expected = Temporal.PlainDateTime.from('2011-12-30T00:00').add({ minutes: min })
      .toZonedDateTime('Pacific/Apia', { disambiguation: 'compatible' }).epochMilliseconds;
    assert.equal(zonedInstant('2011-12-30', min, 'Pacific/Apia'), expected);
  }
});

test('instant -> local date, time and RFC 3339 match Temporal', () => {
  const msArb = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }).map((x) => x - (x % 1000));
  fc.assert(fc.property(msArb, fc.constantFrom(...ZONES), (ms, tz) => {
    const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(tz);
    assert.equal(localDateOf(ms, tz), z.toPlainDate().toString());
    assert.equal(localTimeOf(ms, tz), z.toPlainTime().toString({ smallestUnit: 'minute' }));
    assert.ok(Math.abs(localMinutesOf(ms, tz) - (z.hour * 60 + z.minute + z.second / 60)) < 1e-9);
    assert.equal(toRfc3339(ms, tz), z.toString({ timeZoneName: 'never' }));
    assert.equal(parseRfc3339(toRfc3339(ms, tz)), ms);
  }), { numRuns: 3000 });
});

test('toRfc3339 never writes Z and tells the doubled 02:00 apart', () => {
  assert.equal(toRfc3339(Date.UTC(2026, 11, 1, 8, 30), BERLIN), '2026-12-01T09:30:00+01:00');
  assert.equal(toRfc3339(Date.UTC(2026, 11, 1, 8, 30), 'UTC'), '2026-12-01T08:30:00+00:00');
  assert.equal(toRfc3339(Date.UTC(2026, 9, 25, 0, 0), BERLIN), '2026-10-25T02:00:00+02:00');
  assert.equal(toRfc3339(Date.UTC(2026, 9, 25, 1, 0), BERLIN), '2026-10-25T02:00:00+01:00');
  assert.equal(toRfc3339(Date.UTC(2026, 0, 1, 0, 0, 0, 250), 'Asia/Kolkata'), '2026-01-01T05:30:00.250+05:30');
});

test('parseRfc3339 needs an offset and a real date', () => {
  assert.equal(parseRfc3339('2026-12-01T09:30:00+01:00'), Date.UTC(2026, 11, 1, 8, 30));
  assert.equal(parseRfc3339('2026-12-01T08:30:00Z'), Date.UTC(2026, 11, 1, 8, 30));
  assert.equal(parseRfc3339('2026-12-01T08:30:00.5-02:30'), Date.UTC(2026, 11, 1, 11, 0, 0, 500));
  for (const bad of ['2026-12-01T09:30:00', '2026-12-01', '2026-02-30T09:30:00Z', '2026-12-01T25:00:00Z',
    '2026-12-01T09:30:00+24:00', '2026-12-01T09:30:00+01:00[Europe/Berlin]', 'garbage', '', '2026-12-01T09:30Z',
    ' 2026-12-01T09:30:00Z', '2026-12-01T09:30:00+0100']) {
    assert.equal(parseRfc3339(bad), null, bad);
  }
  assert.equal(parseRfc3339(undefined as unknown as string), null);
});

test('isValidTimeZone accepts canonical IANA names only', () => {
  for (const ok of ['Europe/Berlin', 'UTC', 'America/Argentina/Buenos_Aires', 'Pacific/Kiritimati']) assert.equal(isValidTimeZone(ok), true, ok);
  for (const bad of ['', 'Mars/Olympus', 'europe/berlin', '+01:00', 'Berlin', 'Europe/Berlin ']) assert.equal(isValidTimeZone(bad), false, bad);
});
