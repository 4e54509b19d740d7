import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inPartOfDay, parseDateInput, parsePartOfDay } from './date-input.ts';

test('dates as typed in German or sent by a date picker', () => {
  assert.equal(parseDateInput('03.12.2026'), '2026-12-03');
  assert.equal(parseDateInput(' 3.1.2027 '), '2027-01-03');
  assert.equal(parseDateInput('2026-12-03'), '2026-12-03');
  for (const bad of ['', '31.02.2026', '2026-13-01', '12/03/2026', '03.12.26', '03.12.9999', 'morgen', undefined, null]) {
    assert.equal(parseDateInput(bad), null, String(bad));
  }
});

test('parts of the day', () => {
  assert.equal(parsePartOfDay('afternoon'), 'afternoon');
  assert.equal(parsePartOfDay('evening'), 'all');
  assert.equal(inPartOfDay(11 * 60 + 59, 'morning'), true);
  assert.equal(inPartOfDay(12 * 60, 'morning'), false);
  assert.equal(inPartOfDay(12 * 60, 'afternoon'), true);
  assert.equal(inPartOfDay(8 * 60, 'all'), true);
});
