// Tests for holidays.ts: German public holidays by local date, whatever the host's TZ.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidHolidayRegion, publicHoliday, publicHolidayText } from './holidays.ts';

test('Christmas, German Unity Day, Buß- und Bettag (Saxony only), a normal day', () => {
  assert.equal(publicHoliday('DE-SN', '2026-12-25', 'de'), '1. Weihnachtstag');
  assert.equal(publicHoliday('DE-SN', '2026-12-25', 'en'), 'Christmas Day');
  assert.equal(publicHoliday('DE-BE', '2026-10-03', 'de'), 'Tag der Deutschen Einheit');
  assert.equal(publicHoliday('DE-SN', '2026-11-18', 'de'), 'Buß- und Bettag');
  assert.equal(publicHoliday('DE-BY', '2026-11-18', 'de'), null);
  assert.equal(publicHoliday('DE', '2026-11-18', 'de'), null);
  assert.equal(publicHoliday('DE-SN', '2026-11-17', 'de'), null);
  assert.equal(publicHoliday('DE-SN', '2026-11-19', 'de'), null);
  assert.equal(publicHoliday('DE-SN', '2026-12-02', 'de'), null);
  assert.equal(publicHoliday(undefined, '2026-12-25', 'de'), null);
  assert.deepEqual(publicHolidayText('DE-SN', '2026-01-01'), { de: 'Neujahr', en: "New Year's Day" });
});

test('only type public: Christmas Eve and Sundays are not public holidays', () => {
  assert.equal(publicHoliday('DE-SN', '2026-12-24', 'de'), null);
  assert.equal(publicHoliday('DE-SN', '2026-12-31', 'de'), null);
  assert.equal(publicHoliday('DE-SN', '2026-12-27', 'de'), null);
});

test('every public holiday lands on the same date in every host zone', () => {
  // dates must not shift by a day in a zone far from Berlin (the runner uses Pacific/Kiritimati, UTC+14)
  const all: string[] = [];
  for (let d = new Date(Date.UTC(2026, 0, 1)); d.getUTCFullYear() === 2026; d.setUTCDate(d.getUTCDate() + 1)) {
    const date = d.toISOString().slice(0, 10);
    if (publicHoliday('DE-SN', date, 'de')) all.push(date);
  }
  assert.deepEqual(all, ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25',
    '2026-10-03', '2026-10-31', '2026-11-18', '2026-12-25', '2026-12-26']);
});

test('isValidHolidayRegion', () => {
  for (const ok of ['DE', 'DE-SN', 'DE-BY', 'AT', 'DE-BY-A']) assert.equal(isValidHolidayRegion(ok), true, ok);
  for (const bad of ['', 'de-sn', 'DE-XX', 'XX', 'DE_SN', 'DE-SN-ZZ', 'Germany']) assert.equal(isValidHolidayRegion(bad), false, bad);
});
