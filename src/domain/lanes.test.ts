// Tests for lanes.ts: the busy index, channel limits per segment, and lane preference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LaneIndex, freeLanes, hasFreeLane, laneLimit, lanePreference, pickLane, spanCapacity, type Busy } from './lanes.ts';
import type { OpenWindow } from './opening-windows.ts';

const cap = (counters: number, phone: number, online: number) => ({ counters, phone, online });
// one window 0..100 with capacity 4/3/2 on 0..50 and 2/2/1 on 50..100
const window: OpenWindow = { start: 0, end: 100, segments: [{ start: 0, end: 50, ...cap(4, 3, 2) }, { start: 50, end: 100, ...cap(2, 2, 1) }] };

test('LaneIndex.isFree matches a brute-force overlap check', () => {
  const busyArb = fc.array(fc.record({ lane: fc.integer({ min: 0, max: 3 }), start: fc.integer({ min: 0, max: 60 }), len: fc.integer({ min: 0, max: 15 }) })
    .map(({ lane, start, len }) => ({ lane, start, end: start + len })), { maxLength: 30 });
  fc.assert(fc.property(busyArb, fc.integer({ min: 0, max: 3 }), fc.integer({ min: -5, max: 70 }), fc.integer({ min: 1, max: 20 }), (busy, lane, start, len) => {
    const end = start + len;
    const brute = !busy.some((b) => b.lane === lane && b.start < b.end && b.start < end && start < b.end); // empty intervals occupy nothing
    assert.equal(new LaneIndex(busy).isFree(lane, start, end), brute);
  }), { numRuns: 2000 });
});

test('without() frees exactly the named intervals', () => {
  const busy: Busy[] = [{ lane: 0, start: 0, end: 10 }, { lane: 0, start: 0, end: 10 }, { lane: 1, start: 5, end: 15 }];
  const idx = new LaneIndex(busy);
  assert.equal(idx.isFree(0, 2, 3), false);
  assert.equal(idx.without([{ lane: 0, start: 0, end: 10 }]).isFree(0, 2, 3), false, 'a duplicate stays');
  assert.equal(idx.without([{ lane: 0, start: 0, end: 10 }, { lane: 0, start: 0, end: 10 }]).isFree(0, 2, 3), true);
  assert.equal(idx.without([{ lane: 1, start: 5, end: 15 }]).isFree(1, 0, 20), true);
  assert.equal(idx.without([{ lane: 1, start: 5, end: 14 }]).isFree(1, 0, 20), false);
});

test('laneLimit and spanCapacity take the minimum over the span', () => {
  assert.equal(laneLimit(cap(4, 3, 2), 'online'), 2);
  assert.equal(laneLimit(cap(4, 3, 2), 'phone'), 3);
  assert.equal(laneLimit(cap(4, 3, 2), 'counter'), 4);
  assert.deepEqual(spanCapacity(window, 10, 50), cap(4, 3, 2));
  assert.deepEqual(spanCapacity(window, 40, 60), cap(2, 2, 1));
  assert.deepEqual(spanCapacity(window, 50, 100), cap(2, 2, 1));
  assert.equal(spanCapacity(window, 90, 110), null);
  assert.equal(spanCapacity(window, -10, 10), null);
  assert.equal(spanCapacity(window, 10, 10), null);
});

test('lane preference: online lowest first; staff take non-online lanes first, then online lanes from the top', () => {
  assert.deepEqual(lanePreference(cap(6, 4, 2), 'online'), [0, 1]);
  assert.deepEqual(lanePreference(cap(6, 4, 2), 'phone'), [2, 3, 1, 0]);
  assert.deepEqual(lanePreference(cap(6, 4, 2), 'counter'), [4, 5, 2, 3, 1, 0]);
  assert.deepEqual(lanePreference(cap(3, 3, 3), 'counter'), [2, 1, 0]);
  assert.deepEqual(lanePreference(cap(3, 3, 0), 'online'), []);
  for (const c of [cap(6, 4, 2), cap(3, 3, 3), cap(4, 1, 0), cap(1, 1, 1)]) {
    for (const ch of ['online', 'phone', 'counter'] as const) {
      assert.deepEqual([...lanePreference(c, ch)].sort((a, b) => a - b), [...Array(laneLimit(c, ch)).keys()], 'a permutation of the allowed lanes');
    }
  }
});

test('freeLanes / pickLane respect limits of every segment touched and the busy lanes', () => {
  const none = new LaneIndex([]);
  assert.deepEqual(freeLanes(window, 0, 20, none, 'counter'), [3, 2, 1, 0]);
  assert.deepEqual(freeLanes(window, 40, 60, none, 'counter'), [1, 0]);
  assert.deepEqual(freeLanes(window, 40, 60, none, 'online'), [0]);
  const busy = new LaneIndex([{ lane: 0, start: 0, end: 10 }, { lane: 2, start: 15, end: 25 }]);
  assert.deepEqual(freeLanes(window, 5, 20, busy, 'online'), [1]);
  assert.equal(pickLane(window, 5, 20, busy, 'online'), 1);
  assert.equal(pickLane(window, 5, 20, busy, 'phone'), 1);
  assert.equal(pickLane(window, 5, 20, busy, 'counter'), 3);
  assert.equal(pickLane(window, 10, 15, busy, 'phone'), 2, 'touching is not overlapping');
  const full = new LaneIndex([{ lane: 0, start: 0, end: 100 }]);
  assert.equal(pickLane(window, 60, 70, full, 'online'), null);
  assert.equal(hasFreeLane(window, 60, 70, full, 'online'), false);
  assert.equal(pickLane(window, 60, 70, full, 'phone'), 1);
  assert.equal(hasFreeLane(window, 60, 70, full, 'phone'), true);
  assert.equal(pickLane(window, 95, 105, none, 'counter'), null, 'must lie inside the window');
});
