// Tests for lane-closures.ts: which lanes blocks and closures take away, when, and why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { laneClosures } from './lane-closures.ts';
import { localTimeOf } from './time.ts';
import { BERLIN_ORG, makeOffice, rule } from './office-fixture.ts';
import type { Block, Closure } from './types.ts';

const DAY = '2026-12-02'; // a Wednesday
const text = (de: string) => ({ de, en: de });
const show = (office: Parameters<typeof laneClosures>[0], date = DAY) => {
  const r = laneClosures(office, BERLIN_ORG, date);
  return {
    lanes: r.lanes,
    taken: r.taken.map((t) => `${t.lane + 1} ${localTimeOf(t.start, BERLIN_ORG.timezone)}-${localTimeOf(t.end, BERLIN_ORG.timezone)} ${t.kind} ${t.reasons.map((x) => x.de).join('+')}`),
  };
};
const office = (blocks: Block[], closures: Closure[] = []) =>
  makeOffice({ hours: [rule(['mon', 'tue', 'wed', 'thu', 'fri'], '08:00', '12:00', 3)], blocks, closures });

test('a block takes the highest lanes for its time', () => {
  assert.deepEqual(show(office([{ from: DAY, to: DAY, fromTime: '10:00', toTime: '11:00', counters: 2, reason: text('krank') }])), {
    lanes: 3, taken: ['2 10:00-11:00 block krank', '3 10:00-11:00 block krank'],
  });
});

test('overlapping blocks add up and name both reasons where both are in force', () => {
  assert.deepEqual(show(office([
    { from: DAY, to: DAY, fromTime: '09:00', toTime: '11:00', counters: 1, reason: text('krank') },
    { from: DAY, to: DAY, fromTime: '10:00', toTime: '12:00', counters: 1, reason: text('Schulung') },
  ])).taken, [
    '2 10:00-11:00 block krank+Schulung',
    '3 09:00-10:00 block krank', '3 10:00-11:00 block krank+Schulung', '3 11:00-12:00 block Schulung',
  ]);
});

test('a part-day closure takes every lane and wins over a block; a whole-day block without a reason', () => {
  assert.deepEqual(show(office(
    [{ from: DAY, to: DAY, counters: 1 }],
    [{ from: DAY, to: DAY, fromTime: '09:00', toTime: '10:00', reason: text('Stromausfall') }],
  )).taken, [
    '1 09:00-10:00 closure Stromausfall', '2 09:00-10:00 closure Stromausfall',
    '3 08:00-09:00 block ', '3 09:00-10:00 closure Stromausfall', '3 10:00-12:00 block ',
  ]);
});

test('nothing is taken on a day without blocks, on a holiday or outside the plan\'s days', () => {
  const blocked = office([{ from: DAY, to: DAY, counters: 3 }]);
  assert.deepEqual(show(office([])), { lanes: 3, taken: [] });
  assert.deepEqual(show(blocked, '2026-12-03'), { lanes: 3, taken: [] });
  assert.deepEqual(show(office([{ from: '2026-12-25', to: '2026-12-25', counters: 1 }]), '2026-12-25'), { lanes: 0, taken: [] });
  assert.equal(show(blocked).taken.length, 3);
});
