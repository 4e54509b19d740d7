// Tests for opening-windows.ts: rules, capacity sums, holidays, closures, extra hours, DST.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daySchedule, type DaySchedule } from './opening-windows.ts';
import { localTimeOf, toRfc3339 } from './time.ts';
import { BERLIN_ORG, makeOffice, rule } from './office-fixture.ts';

const TZ = BERLIN_ORG.timezone;
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/** windows as "HH:MM-HH:MM" with segments "HH:MM-HH:MM c/p/o" for readable assertions */
function show(s: DaySchedule) {
  return s.windows.map((w) => ({
    window: `${localTimeOf(w.start, TZ)}-${localTimeOf(w.end, TZ)}`,
    segments: w.segments.map((g) => `${localTimeOf(g.start, TZ)}-${localTimeOf(g.end, TZ)} ${g.counters}/${g.phone}/${g.online}`),
  }));
}

const office = makeOffice({
  hours: [
    rule([...WEEK], '08:00', '12:00', 3, { online: 2, phone: 3 }),
    rule(['tue', 'thu'], '13:00', '18:00', 2, { online: 1, phone: 2 }),
  ],
  closures: [
    { from: '2026-12-24', to: '2026-12-24', reason: { de: 'Heiligabend', en: 'Christmas Eve' } },
    { from: '2026-12-28', to: '2026-12-31' },
    { from: '2026-12-01', to: '2026-12-01', fromTime: '13:00', toTime: '18:00', reason: { de: 'Personalversammlung', en: 'Staff meeting' } },
    { from: '2026-12-03', to: '2026-12-03', fromTime: '10:00', toTime: '11:00' },
  ],
  extraHours: [
    { date: '2026-12-05', from: '09:00', to: '12:00', counters: 2, online: 2, phone: 2 },
    { date: '2026-12-25', from: '10:00', to: '12:00', counters: 1, online: 1, phone: 1 },
    { date: '2026-12-08', from: '11:00', to: '14:00', counters: 1, online: 0, phone: 1 },
  ],
});

test('lunch break splits a Tuesday into two windows; Wednesday has one', () => {
  const tue = daySchedule(office, BERLIN_ORG, '2026-12-08');
  // 2026-12-08: extra hours 11:00-14:00 add a counter and bridge the lunch break
  assert.deepEqual(show(tue), [{ window: '08:00-18:00', segments: ['08:00-11:00 3/3/2', '11:00-12:00 4/4/2', '12:00-13:00 1/1/0', '13:00-14:00 3/3/1', '14:00-18:00 2/2/1'] }]);
  const tue2 = daySchedule(office, BERLIN_ORG, '2026-12-15');
  assert.deepEqual(show(tue2), [
    { window: '08:00-12:00', segments: ['08:00-12:00 3/3/2'] },
    { window: '13:00-18:00', segments: ['13:00-18:00 2/2/1'] },
  ]);
  assert.equal(tue2.closed, undefined);
  assert.deepEqual(show(daySchedule(office, BERLIN_ORG, '2026-12-16')), [{ window: '08:00-12:00', segments: ['08:00-12:00 3/3/2'] }]);
});

test('holidays close weekly hours, but extra hours on the holiday still apply', () => {
  const bb = daySchedule(office, BERLIN_ORG, '2026-11-18'); // Buß- und Bettag, a Wednesday
  assert.deepEqual(bb.windows, []);
  assert.deepEqual(bb.closed, { kind: 'holiday', name: { de: 'Buß- und Bettag', en: 'Day of Prayer and Repentance' } });
  // the same Wednesday is open in Bavaria
  assert.equal(daySchedule(office, { timezone: TZ, holidays: 'DE-BY' }, '2026-11-18').windows.length, 1);
  // and without holiday region at all
  assert.equal(daySchedule(office, { timezone: TZ }, '2026-11-18').windows.length, 1);
  const xmas = daySchedule(office, BERLIN_ORG, '2026-12-25'); // Friday, holiday, extra hours 10-12
  assert.deepEqual(show(xmas), [{ window: '10:00-12:00', segments: ['10:00-12:00 1/1/1'] }]);
  assert.equal(xmas.closed, undefined);
});

test('closures: whole days with and without reason, part of a day', () => {
  assert.deepEqual(daySchedule(office, BERLIN_ORG, '2026-12-24'),
    { date: '2026-12-24', windows: [], closed: { kind: 'closure', reason: { de: 'Heiligabend', en: 'Christmas Eve' } } });
  assert.deepEqual(daySchedule(office, BERLIN_ORG, '2026-12-29').closed, { kind: 'closure' });
  // Tuesday 2026-12-01: the afternoon is closed, the morning stays
  const dec1 = daySchedule(office, BERLIN_ORG, '2026-12-01');
  assert.deepEqual(show(dec1), [{ window: '08:00-12:00', segments: ['08:00-12:00 3/3/2'] }]);
  // Thursday 2026-12-03: 10-11 closed splits the morning
  assert.deepEqual(show(daySchedule(office, BERLIN_ORG, '2026-12-03')).map((w) => w.window), ['08:00-10:00', '11:00-12:00', '13:00-18:00']);
  // a part-day closure that removes all open time names the closure
  const o2 = makeOffice({ hours: [rule(['mon'], '13:00', '15:00')], closures: [{ from: '2026-12-07', to: '2026-12-07', fromTime: '12:00', toTime: '16:00', reason: { de: 'x', en: 'y' } }] });
  assert.deepEqual(daySchedule(o2, BERLIN_ORG, '2026-12-07').closed, { kind: 'closure', reason: { de: 'x', en: 'y' } });
  // a part-day closure on a day without hours is not the reason
  const o3 = makeOffice({ hours: [rule(['mon'], '08:00', '10:00')], closures: [{ from: '2026-12-08', to: '2026-12-08', fromTime: '12:00', toTime: '16:00' }] });
  assert.deepEqual(daySchedule(o3, BERLIN_ORG, '2026-12-08').closed, { kind: 'no_hours' });
});

test('extra hours on a Saturday; Sunday has no hours', () => {
  const sat = daySchedule(office, BERLIN_ORG, '2026-12-05');
  assert.deepEqual(show(sat), [{ window: '09:00-12:00', segments: ['09:00-12:00 2/2/2'] }]);
  assert.deepEqual(daySchedule(office, BERLIN_ORG, '2026-12-12').closed, { kind: 'no_hours' });
  assert.deepEqual(daySchedule(office, BERLIN_ORG, '2026-12-06'), { date: '2026-12-06', windows: [], closed: { kind: 'no_hours' } });
});

test('validFrom / validTo are inclusive', () => {
  const o = makeOffice({
    hours: [
      rule(['mon', 'tue', 'wed', 'thu', 'fri'], '08:00', '12:00', 1, { validTo: '2026-06-30' }),
      rule(['mon', 'tue', 'wed', 'thu', 'fri'], '09:00', '13:00', 2, { validFrom: '2026-07-01' }),
    ],
  });
  assert.deepEqual(show(daySchedule(o, BERLIN_ORG, '2026-06-30')).map((w) => w.window), ['08:00-12:00']);
  assert.deepEqual(show(daySchedule(o, BERLIN_ORG, '2026-07-01')), [{ window: '09:00-13:00', segments: ['09:00-13:00 2/2/2'] }]);
  const o2 = makeOffice({ hours: [rule(['wed'], '08:00', '12:00', 1, { validFrom: '2026-07-08', validTo: '2026-07-08' })] });
  assert.equal(daySchedule(o2, BERLIN_ORG, '2026-07-01').windows.length, 0);
  assert.equal(daySchedule(o2, BERLIN_ORG, '2026-07-08').windows.length, 1);
  assert.equal(daySchedule(o2, BERLIN_ORG, '2026-07-15').windows.length, 0);
});

test('adjacent rules form one window with two segments; equal neighbours join', () => {
  const o = makeOffice({ hours: [rule(['mon'], '08:00', '12:00', 2), rule(['mon'], '12:00', '16:00', 1), rule(['mon'], '16:00', '18:00', 1)] });
  assert.deepEqual(show(daySchedule(o, BERLIN_ORG, '2026-12-07')), [{ window: '08:00-18:00', segments: ['08:00-12:00 2/2/2', '12:00-18:00 1/1/1'] }]);
});

test('DST: a 00:00-24:00 day is 23 hours in spring and 25 in autumn', () => {
  const o = makeOffice({ hours: [rule(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], '00:00', '24:00')] });
  const org = { timezone: TZ }; // no holidays
  const len = (d: string) => { const w = daySchedule(o, org, d).windows; assert.equal(w.length, 1); return (w[0].end - w[0].start) / 3_600_000; };
  assert.equal(len('2026-03-29'), 23);
  assert.equal(len('2026-10-25'), 25);
  assert.equal(len('2026-10-26'), 24);
  const w = daySchedule(o, org, '2026-10-25').windows[0];
  assert.equal(toRfc3339(w.start, TZ), '2026-10-25T00:00:00+02:00');
  assert.equal(toRfc3339(w.end, TZ), '2026-10-26T00:00:00+01:00');
});

test('segments cover each window exactly, in order', () => {
  for (const d of ['2026-12-01', '2026-12-03', '2026-12-05', '2026-12-08', '2026-12-15']) {
    for (const w of daySchedule(office, BERLIN_ORG, d).windows) {
      assert.equal(w.segments[0].start, w.start);
      assert.equal(w.segments[w.segments.length - 1].end, w.end);
      for (let i = 1; i < w.segments.length; i++) assert.equal(w.segments[i].start, w.segments[i - 1].end);
    }
  }
});
