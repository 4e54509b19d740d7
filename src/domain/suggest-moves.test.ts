// The rule for the suggested time of a stranded appointment: near the old time
// on the same day, else the same time of day on the nearest other day (a later
// day first), else the nearest later time — never hours earlier while a better
// one exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { preferredStart } from './suggest-moves.ts';
import { zonedInstant } from './time.ts';

const TZ = 'Europe/Berlin';
const at = (date: string, hhmm: string) => zonedInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);
const WED = '2026-12-09';
const pick = (times: [string, string][], around = at(WED, '11:00')) => {
  const t = preferredStart(times.map(([d, h]) => at(d, h)), around, TZ);
  return t === undefined ? undefined : new Date(t).toISOString();
};
const iso = (d: string, h: string) => new Date(at(d, h)).toISOString();

test('the same day within an hour wins; the nearer one, later on a tie', () => {
  assert.equal(pick([[WED, '08:15'], [WED, '10:15'], ['2026-12-10', '11:00'], [WED, '11:30']]), iso(WED, '11:30'));
  assert.equal(pick([[WED, '10:30'], [WED, '11:30']]), iso(WED, '11:30'), 'equally near: the later');
  assert.equal(pick([[WED, '10:00'], ['2026-12-10', '11:00']]), iso(WED, '10:00'), 'an hour earlier is still near');
});

test('hours earlier the same morning loses to the same time of day on another day', () => {
  assert.equal(pick([[WED, '08:15'], [WED, '08:30'], ['2026-12-10', '11:00']]), iso('2026-12-10', '11:00'));
  // the nearest other day; a later day before an earlier one at the same distance
  assert.equal(pick([['2026-12-08', '11:00'], ['2026-12-10', '11:00'], ['2026-12-11', '11:00']]), iso('2026-12-10', '11:00'));
  assert.equal(pick([['2026-12-08', '11:00'], ['2026-12-11', '11:00']]), iso('2026-12-08', '11:00'), 'one day before beats two after');
  // on that day the time nearest to 11:00
  assert.equal(pick([['2026-12-10', '10:00'], ['2026-12-10', '11:45'], ['2026-12-10', '10:30']]), iso('2026-12-10', '10:30'));
});

test('nothing near the time of day: the nearest later time, and an earlier one only when nothing later is free', () => {
  assert.equal(pick([[WED, '08:00'], ['2026-12-10', '15:00'], ['2026-12-11', '14:00']]), iso('2026-12-10', '15:00'));
  assert.equal(pick([[WED, '08:00'], [WED, '09:00']]), iso(WED, '09:00'));
  assert.equal(pick([]), undefined);
  assert.equal(pick([[WED, '11:00']]), undefined, 'never the old time itself');
});
