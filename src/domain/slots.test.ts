// Tests for slots.ts: the grid counted from each window's start, fitting the duration, free lanes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freeStarts, gridStarts, isGridStart } from './slots.ts';
import { LaneIndex } from './lanes.ts';
import { daySchedule } from './opening-windows.ts';
import { localTimeOf } from './time.ts';
import { BERLIN_ORG, makeOffice, rule } from './office-fixture.ts';

const M = 60_000;
const w = { start: 0, end: 60 * M, segments: [{ start: 0, end: 60 * M, counters: 1, online: 1, phone: 1 }] };

test('gridStarts: every slot from the window start, the appointment must fit', () => {
  assert.deepEqual(gridStarts(w, 15, 15), [0, 15 * M, 30 * M, 45 * M]);
  assert.deepEqual(gridStarts(w, 20, 15), [0, 15 * M, 30 * M]);
  assert.deepEqual(gridStarts(w, 60, 5), [0]);
  assert.deepEqual(gridStarts(w, 65, 5), []);
  assert.equal(isGridStart(w, 30 * M, 30, 15), true);
  assert.equal(isGridStart(w, 45 * M, 30, 15), false, 'does not fit');
  assert.equal(isGridStart(w, 10 * M, 15, 15), false, 'off grid');
  assert.equal(isGridStart(w, -15 * M, 15, 15), false, 'before the window');
  assert.throws(() => gridStarts(w, 0, 15), RangeError);
});

test('the grid restarts after a part-day closure, counted from where the window begins', () => {
  const office = makeOffice({
    slotMinutes: 20, hours: [rule(['mon'], '08:00', '11:00')],
    closures: [{ from: '2026-12-07', to: '2026-12-07', fromTime: '08:50', toTime: '09:10' }],
  });
  const s = daySchedule(office, BERLIN_ORG, '2026-12-07');
  const starts = freeStarts(s, 20, 20, new LaneIndex([]), 'online', 0).map((t) => localTimeOf(t, 'Europe/Berlin'));
  assert.deepEqual(starts, ['08:00', '08:20', '09:10', '09:30', '09:50', '10:10', '10:30']);
});

test('freeStarts: respects notBefore and busy lanes; no appointment spans the lunch break', () => {
  const office = makeOffice({ slotMinutes: 30, hours: [rule(['mon'], '08:00', '12:00', 1), rule(['mon'], '13:00', '15:00', 1)] });
  const s = daySchedule(office, BERLIN_ORG, '2026-12-07');
  const idx = new LaneIndex([{ lane: 0, start: s.windows[0].start + 60 * M, end: s.windows[0].start + 90 * M }]); // 09:00-09:30 taken
  const show = (ts: number[]) => ts.map((t) => localTimeOf(t, 'Europe/Berlin'));
  assert.deepEqual(show(freeStarts(s, 60, 30, idx, 'online', 0)), ['08:00', '09:30', '10:00', '10:30', '11:00', '13:00', '13:30', '14:00']);
  assert.deepEqual(show(freeStarts(s, 60, 30, idx, 'online', s.windows[0].start + 150 * M)), ['10:30', '11:00', '13:00', '13:30', '14:00']);
  const lunchStart = s.windows[0].end, lunchEnd = s.windows[1].start;
  for (const t of freeStarts(s, 60, 30, new LaneIndex([]), 'counter', 0)) {
    assert.ok(t + 60 * M <= lunchStart || t >= lunchEnd, `${localTimeOf(t, 'Europe/Berlin')} spans lunch`);
  }
});
