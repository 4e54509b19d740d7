// Tests for booking-window.ts: lead time, horizon, release time, staff channels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bookingWindow } from './booking-window.ts';
import { bookingRules } from './office-fixture.ts';
import { zonedInstant } from './time.ts';

const TZ = 'Europe/Berlin';
const at = (date: string, hh: number, mm = 0) => zonedInstant(date, hh * 60 + mm, TZ);

test('online: lead time and horizon', () => {
  const now = at('2026-12-01', 10);
  const bw = bookingWindow(bookingRules({ leadMinutes: 720, horizonDays: 90 }), TZ, now, 'online');
  assert.deepEqual(bw, { today: '2026-12-01', earliestStart: now + 720 * 60_000, lastDate: '2027-03-01' });
});

test('online: the newest day opens at the release time', () => {
  const rules = bookingRules({ horizonDays: 30, releaseTime: '07:00' });
  assert.equal(bookingWindow(rules, TZ, at('2026-12-01', 6, 59), 'online').lastDate, '2026-12-30');
  assert.equal(bookingWindow(rules, TZ, at('2026-12-01', 6, 59) + 59_999, 'online').lastDate, '2026-12-30');
  assert.equal(bookingWindow(rules, TZ, at('2026-12-01', 7, 0), 'online').lastDate, '2026-12-31');
  assert.equal(bookingWindow(rules, TZ, at('2026-12-01', 23, 59), 'online').lastDate, '2026-12-31');
  assert.equal(bookingWindow(rules, TZ, at('2026-12-02', 0, 0), 'online').lastDate, '2026-12-31');
});

test('the local day decides, not UTC: 00:30 in Berlin is still the previous day in UTC', () => {
  const now = at('2026-12-01', 0, 30); // 2026-11-30T23:30Z
  assert.equal(bookingWindow(bookingRules({ horizonDays: 1 }), TZ, now, 'online').today, '2026-12-01');
  assert.equal(bookingWindow(bookingRules({ horizonDays: 1 }), TZ, now, 'online').lastDate, '2026-12-02');
});

test('staff: no lead time, no release time', () => {
  const now = at('2026-12-01', 6);
  const rules = bookingRules({ leadMinutes: 1440, horizonDays: 30, releaseTime: '07:00' });
  for (const ch of ['phone', 'counter'] as const) {
    assert.deepEqual(bookingWindow(rules, TZ, now, ch), { today: '2026-12-01', earliestStart: now, lastDate: '2026-12-31' });
  }
});
