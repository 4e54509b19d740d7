import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_SHOW_GRACE_DEFAULT, noShowFrom, noShowGraceOf, noShowOpen } from './no-show.ts';

const start = Date.parse('2026-11-30T08:30:00Z'); // 09:30 in Berlin

test('a no-show may be recorded from the start plus the grace, not a minute sooner', () => {
  assert.equal(noShowFrom(start, 15), Date.parse('2026-11-30T08:45:00Z'));
  assert.equal(noShowOpen(start, 15, Date.parse('2026-11-30T08:44:59Z')), false);
  assert.equal(noShowOpen(start, 15, Date.parse('2026-11-30T08:45:00Z')), true);
  assert.equal(noShowOpen(start, 15, start), false, 'not at the start');
  assert.equal(noShowOpen(start, 15, start - 60_000), false, 'not before the start');
});

test('no grace: from the start', () => {
  assert.equal(noShowOpen(start, 0, start - 1), false);
  assert.equal(noShowOpen(start, 0, start), true);
});

test('the office\'s grace; offices stored before the setting existed get the default of 15 minutes', () => {
  assert.equal(NO_SHOW_GRACE_DEFAULT, 15);
  assert.equal(noShowGraceOf({ noShowGraceMinutes: 30 }), 30);
  assert.equal(noShowGraceOf({ noShowGraceMinutes: 0 }), 0);
  assert.equal(noShowGraceOf({}), 15);
  assert.equal(noShowGraceOf(undefined), 15);
});
