import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortDate, shortDateRange } from './staff-dates.ts';

test('a date in words, short: weekday and date in the language', () => {
  assert.equal(shortDate('2026-12-02', 'de'), 'Mi., 02.12.2026');
  assert.equal(shortDate('2026-12-02', 'en'), 'Wed 02/12/2026');
  assert.equal(shortDate('2027-01-03', 'de'), 'So., 03.01.2027');
});

test('a range names both days, a single day once', () => {
  assert.equal(shortDateRange('2026-12-24', '2026-12-24', 'de'), 'Do., 24.12.2026');
  assert.equal(shortDateRange('2026-12-24', '2026-12-27', 'en'), 'Thu 24/12/2026 – Sun 27/12/2026');
});
