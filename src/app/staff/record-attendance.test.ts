import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attendanceChoices, attendanceRefusal } from './record-attendance.ts';

const tz = 'Europe/Berlin';
const startsAt = Date.parse('2026-11-30T08:30:00Z'); // Monday 09:30 in Berlin
const at = (hhmm: string) => Date.parse(`2026-11-30T${hhmm}:00+01:00`);

test('no-show: not before the start plus the grace; "grace" says why', () => {
  const a = { status: 'booked' as const, startsAt };
  assert.equal(attendanceRefusal(a, 'no_show', at('09:00'), tz, 15), 'not_started');
  assert.equal(attendanceRefusal(a, 'no_show', at('09:30'), tz, 15), 'grace');
  assert.equal(attendanceRefusal(a, 'no_show', at('09:44'), tz, 15), 'grace');
  assert.equal(attendanceRefusal(a, 'no_show', at('09:45'), tz, 15), null);
  assert.equal(attendanceRefusal(a, 'no_show', at('09:30'), tz, 0), null, 'no grace: from the start');
  assert.equal(attendanceRefusal({ status: 'checked_in', startsAt }, 'no_show', at('10:00'), tz, 15), 'not_allowed');
});

test('the grace changes nothing else: completed once begun, undo of a no-show on the day', () => {
  assert.equal(attendanceRefusal({ status: 'booked', startsAt }, 'completed', at('09:31'), tz, 15), null);
  assert.equal(attendanceRefusal({ status: 'no_show', startsAt }, 'booked', at('17:00'), tz, 15), null);
  assert.equal(attendanceRefusal({ status: 'no_show', startsAt }, 'booked', Date.parse('2026-12-01T08:00:00+01:00'), tz, 15), 'not_today');
});

test('the choices offered follow the grace', () => {
  assert.deepEqual(attendanceChoices({ status: 'booked', startsAt }, at('09:40'), tz, 15), ['checked_in', 'completed']);
  assert.deepEqual(attendanceChoices({ status: 'booked', startsAt }, at('09:45'), tz, 15), ['checked_in', 'completed', 'no_show']);
  assert.deepEqual(attendanceChoices({ status: 'no_show', startsAt }, at('09:50'), tz, 15), ['booked'], 'undo, on the day');
});
