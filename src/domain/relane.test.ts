// Tests for relane.ts and suggest-moves.ts, and that config-conflicts.ts flags
// appointments on a lane a block leaves unstaffed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findConfigConflicts } from './config-conflicts.ts';
import { planRelanes, type LaneRow } from './relane.ts';
import { suggestMoves } from './suggest-moves.ts';
import { zonedInstant } from './time.ts';
import { BERLIN_ORG, makeOffice, rule } from './office-fixture.ts';
import type { Office, OrgConfig } from './types.ts';

const TZ = BERLIN_ORG.timezone;
const at = (date: string, hhmm: string) => zonedInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);
const DAY = '2026-12-02';

function config(office: Office): OrgConfig {
  return {
    organization: { name: 'T', timezone: TZ, holidays: 'DE-SN', defaultLocale: 'de', publicUrl: 'http://x', retentionDays: 30 },
    services: [{ id: 'anmeldung', name: { de: 'A', en: 'A' }, area: { de: 'A', en: 'A' }, minutes: 15, maxQuantity: 1, documents: { de: [], en: [] } }],
    offices: [office],
  };
}
const office = (blockCounters: number) => makeOffice({
  hours: [rule(['mon', 'tue', 'wed', 'thu', 'fri'], '08:00', '12:00', 3)],
  blocks: [{ from: DAY, to: DAY, fromTime: '09:00', toTime: '10:00', counters: blockCounters }],
});
const row = (id: string, lane: number, from = '09:00', to = '09:15', over: Partial<LaneRow> = {}): LaneRow =>
  ({ id, officeId: 'einwohnermeldeamt', lane, start: at(DAY, from), end: at(DAY, to), channel: 'online', movable: true, ...over });

test('an appointment on a lane no longer staffed moves to a free remaining lane at the same time', () => {
  const c = config(office(1));
  const rows = [row('a', 0), row('b', 2)];
  const conflicts = findConfigConflicts(c, rows.map((r) => ({ reference: r.id, officeId: r.officeId, lane: r.lane, start: r.start, end: r.end, services: [] })));
  assert.deepEqual(conflicts.map((x) => [x.appointment.reference, x.reason]), [['b', 'over_capacity']], 'lane 2 is over capacity');
  assert.deepEqual(planRelanes(c, rows), [{ id: 'b', from: 2, to: 1 }]);
});

test('when every remaining lane is taken, nothing moves; holds are in the way but never moved', () => {
  const c = config(office(1));
  assert.deepEqual(planRelanes(c, [row('a', 0), row('b', 1), row('c', 2)]), []);
  assert.deepEqual(planRelanes(c, [row('a', 0), row('h', 1, '09:00', '09:10', { movable: false }), row('c', 2)]), []);
  // the hold is on an unstaffed lane itself: not moved, and no one moves onto a lane it blocks
  assert.deepEqual(planRelanes(c, [row('h', 2, '09:00', '09:10', { movable: false })]), []);
});

test('two stranded appointments never take the same lane; the time outside the block stays', () => {
  const c = config(office(2));
  // 3 counters minus 2 = 1 lane (lane 0) from 09:00 to 10:00
  const moves = planRelanes(c, [row('a', 1), row('b', 2), row('c', 2, '10:00', '10:15')]);
  assert.deepEqual(moves, [{ id: 'a', from: 1, to: 0 }]);
  // an appointment partly inside the block also needs a lane staffed throughout
  assert.deepEqual(planRelanes(c, [row('d', 2, '08:45', '09:15')]), [{ id: 'd', from: 2, to: 0 }]);
  // outside opening hours (a closure) nothing can be re-laned
  const closed = config(makeOffice({ hours: [rule(['wed'], '08:00', '12:00', 3)], closures: [{ from: DAY, to: DAY }] }));
  assert.deepEqual(planRelanes(closed, [row('e', 2)]), []);
});

test('suggested times: nearest free under the new configuration, one after another, never the same desk', () => {
  const o = office(2); // 09:00-10:00: one lane left
  const busy = [{ lane: 0, start: at(DAY, '09:00'), end: at(DAY, '10:00') }];
  const now = at('2026-12-01', '08:00');
  const s = suggestMoves({ office: o, org: BERLIN_ORG, now, busy }, [
    { id: 'x', start: at(DAY, '09:15'), durationMinutes: 15, channel: 'online' },
    { id: 'y', start: at(DAY, '09:15'), durationMinutes: 15, channel: 'online' },
  ]);
  // 09:00-10:00 is full on the one lane left; the nearest are 08:45 (three lanes) for both, then 10:00
  assert.equal(s.get('x'), at(DAY, '09:00') - 15 * 60_000);
  assert.equal(s.get('y'), at(DAY, '09:00') - 15 * 60_000, 'three lanes at 08:45: both fit');
  const full = suggestMoves({ office: makeOffice({ hours: [rule(['wed'], '08:00', '08:15', 1)] }), org: BERLIN_ORG, now, busy: [] }, [
    { id: 'a', start: at(DAY, '08:00'), durationMinutes: 15, channel: 'phone' },
    { id: 'b', start: at(DAY, '08:00'), durationMinutes: 15, channel: 'phone' },
  ]);
  assert.notEqual(full.get('a'), null);
  assert.notEqual(full.get('a'), full.get('b'), 'the second gets another time');
});
