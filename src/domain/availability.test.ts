// Tests for availability.ts: DST days, statuses, checkStart, earliest and nearest times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkStart, dayTimes, daysOverview, findEarliest, nearestAlternatives, type EngineInput } from './availability.ts';
import { LaneIndex, type Busy } from './lanes.ts';
import { localTimeOf, toRfc3339, zonedInstant } from './time.ts';
import { BERLIN_ORG, bookingRules, makeOffice, rule } from './office-fixture.ts';
import type { Office } from './types.ts';

const TZ = 'Europe/Berlin';
const M = 60_000;
const ALL = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const at = (date: string, hh: number, mm = 0) => zonedInstant(date, hh * 60 + mm, TZ);
const hhmm = (ts: number[]) => ts.map((t) => localTimeOf(t, TZ));

function input(office: Office, over: Partial<EngineInput> = {}): EngineInput {
  return { office, org: BERLIN_ORG, durationMinutes: 30, channel: 'online', now: at('2026-11-02', 8), busy: [], ...over };
}

test('DST: 23 hourly starts in spring, 25 in autumn with 02:00 twice told apart by offset', () => {
  const office = makeOffice({ slotMinutes: 60, hours: [rule([...ALL], '00:00', '24:00')] });
  const inp = input(office, { org: { timezone: TZ }, durationMinutes: 60, now: at('2026-03-01', 0) });
  const spring = dayTimes(inp, '2026-03-29');
  assert.equal(spring.length, 23);
  assert.ok(!hhmm(spring).includes('02:00'), '02:00 does not exist in spring');
  const autumn = dayTimes(inp, '2026-10-25');
  assert.equal(autumn.length, 25);
  assert.equal(new Set(autumn).size, 25, 'no instant twice');
  const rfc = autumn.map((t) => toRfc3339(t, TZ));
  assert.deepEqual(rfc.filter((s) => s.includes('T02:00')), ['2026-10-25T02:00:00+02:00', '2026-10-25T02:00:00+01:00']);
  assert.equal(new Set(rfc).size, 25);
  for (let i = 1; i < autumn.length; i++) assert.equal(autumn[i] - autumn[i - 1], 60 * M, 'one per real hour, none missing');
  assert.equal(dayTimes(inp, '2026-10-26').length, 24);
  const overview = daysOverview(inp, '2026-03-29', '2026-03-29');
  assert.deepEqual(overview, [{ date: '2026-03-29', status: 'available', freeTimes: 23 }]);
  // both 02:00 starts can be booked, on the same lane, one after the other
  const c1 = checkStart(inp, autumn[2]), c2 = checkStart(inp, autumn[3]);
  assert.ok(c1.ok && c2.ok);
  assert.equal(checkStart({ ...inp, busy: [{ lane: 0, start: autumn[2], end: autumn[3] }] }, autumn[2]).ok, false);
  assert.equal(checkStart({ ...inp, busy: [{ lane: 0, start: autumn[2], end: autumn[3] }] }, autumn[3]).ok, true);
});

const office = makeOffice({
  slotMinutes: 30,
  booking: bookingRules({ leadMinutes: 720, horizonDays: 10, releaseTime: '07:00' }),
  hours: [rule(['mon', 'tue', 'wed', 'thu', 'fri'], '08:00', '12:00', 2, { online: 1, phone: 2 }), rule(['tue'], '13:00', '15:00', 1)],
  closures: [{ from: '2026-11-06', to: '2026-11-06', reason: { de: 'Betriebsausflug', en: 'Staff outing' } }],
  extraHours: [{ date: '2026-11-07', from: '09:00', to: '10:00', counters: 1, online: 1, phone: 1 }],
});

test('day statuses: past, too soon, closed (no hours / holiday / closure), available, full, not yet bookable', () => {
  // now: Monday 2026-11-02 06:00; lead 12h -> earliest 18:00; horizon 10 but before release: last day 11-11
  const now = at('2026-11-02', 6);
  const days = daysOverview(input(office, { now }), '2026-11-01', '2026-11-19');
  const status = Object.fromEntries(days.map((d) => [d.date, d.status]));
  assert.deepEqual(status, {
    '2026-11-01': 'too_soon', // yesterday
    '2026-11-02': 'too_soon', // today, every start before the lead time
    '2026-11-03': 'available',
    '2026-11-04': 'available',
    '2026-11-05': 'available',
    '2026-11-06': 'closed', // closure
    '2026-11-07': 'available', // Saturday with extra hours
    '2026-11-08': 'closed', // Sunday
    '2026-11-09': 'available',
    '2026-11-10': 'available',
    '2026-11-11': 'available', // today + 10 - 1 (release not yet)
    '2026-11-12': 'not_yet_bookable',
    '2026-11-13': 'not_yet_bookable',
    '2026-11-14': 'closed', // closed outranks not yet bookable
    '2026-11-15': 'closed',
    '2026-11-16': 'not_yet_bookable',
    '2026-11-17': 'not_yet_bookable',
    '2026-11-18': 'closed', // Buß- und Bettag
    '2026-11-19': 'not_yet_bookable',
  });
  assert.deepEqual(days.find((d) => d.date === '2026-11-06')?.closed, { kind: 'closure', reason: { de: 'Betriebsausflug', en: 'Staff outing' } });
  assert.deepEqual(days.find((d) => d.date === '2026-11-08')?.closed, { kind: 'no_hours' });
  assert.equal(days.find((d) => d.date === '2026-11-18')?.closed?.kind, 'holiday');
  assert.equal(days.find((d) => d.date === '2026-11-03')?.freeTimes, 8 + 4, 'Tuesday: 08:00..11:30 and 13:00..14:30 for 30 min');
  assert.equal(days.find((d) => d.date === '2026-11-04')?.freeTimes, 8);
  assert.equal(days.find((d) => d.date === '2026-11-07')?.freeTimes, 2);
  for (const d of days) if (d.status !== 'available') assert.equal(d.freeTimes, 0);
  // after the release time the newest day opens
  const later = daysOverview(input(office, { now: at('2026-11-02', 7) }), '2026-11-12', '2026-11-12');
  assert.equal(later[0].status, 'available');
});

test('lead time cuts into a day: only the starts after it count', () => {
  const now = at('2026-11-02', 22); // earliest 2026-11-03 10:00
  const inp = input(office, { now });
  assert.deepEqual(hhmm(dayTimes(inp, '2026-11-03')), ['10:00', '10:30', '11:00', '11:30', '13:00', '13:30', '14:00', '14:30']);
  assert.equal(daysOverview(inp, '2026-11-03', '2026-11-03')[0].freeTimes, 8);
  // staff have no lead time
  assert.equal(dayTimes({ ...inp, channel: 'phone', now: at('2026-11-03', 9, 50) }, '2026-11-03').length, 8, 'from 09:50: 10:00 to 11:30 and 13:00 to 14:30');
});

test('full: open but every start taken for this channel', () => {
  const now = at('2026-11-02', 6);
  const wed = '2026-11-04';
  const busy: Busy[] = [{ lane: 0, start: at(wed, 8), end: at(wed, 12) }];
  const inp = input(office, { now, busy });
  assert.equal(daysOverview(inp, wed, wed)[0].status, 'full', 'the one online lane is taken');
  assert.equal(daysOverview({ ...inp, channel: 'phone' }, wed, wed)[0].status, 'available', 'phone may use lane 1');
  assert.equal(daysOverview({ ...inp, channel: 'phone', busy: [...busy, { lane: 1, start: at(wed, 8), end: at(wed, 12) }] }, wed, wed)[0].status, 'full');
  // a duration longer than any window: open, nothing fits
  assert.equal(daysOverview({ ...inp, busy: [], durationMinutes: 300 }, wed, wed)[0].status, 'full');
});

test('checkStart: reasons, and the lane it picks', () => {
  const now = at('2026-11-02', 6);
  const inp = input(office, { now });
  const tue = '2026-11-03';
  assert.deepEqual(checkStart(inp, at(tue, 9)), { ok: true, lane: 0, end: at(tue, 9, 30) });
  assert.deepEqual(checkStart({ ...inp, channel: 'phone' }, at(tue, 9)), { ok: true, lane: 1, end: at(tue, 9, 30) });
  assert.deepEqual(checkStart({ ...inp, channel: 'counter' }, at(tue, 9)), { ok: true, lane: 1, end: at(tue, 9, 30) });
  assert.deepEqual(checkStart(inp, at(tue, 9, 10)), { ok: false, reason: 'not_on_grid' });
  assert.deepEqual(checkStart(inp, at(tue, 11, 45)), { ok: false, reason: 'not_on_grid' });
  assert.deepEqual(checkStart(inp, at(tue, 12, 0)), { ok: false, reason: 'closed' }, 'lunch');
  assert.deepEqual(checkStart(inp, at('2026-11-06', 9)), { ok: false, reason: 'closed' });
  assert.deepEqual(checkStart(inp, at('2026-11-02', 11)), { ok: false, reason: 'too_soon' });
  assert.deepEqual(checkStart(inp, at('2026-11-12', 9)), { ok: false, reason: 'not_yet_bookable' });
  assert.deepEqual(checkStart(inp, at(tue, 9) + 1), { ok: false, reason: 'not_on_grid' });
  assert.deepEqual(checkStart(inp, Number.NaN), { ok: false, reason: 'not_on_grid' });
  const busy = [{ lane: 0, start: at(tue, 9, 15), end: at(tue, 9, 45) }];
  assert.deepEqual(checkStart({ ...inp, busy }, at(tue, 9)), { ok: false, reason: 'taken' });
  assert.deepEqual(checkStart({ ...inp, busy, ignore: busy }, at(tue, 9)), { ok: true, lane: 0, end: at(tue, 9, 30) });
  assert.deepEqual(checkStart({ ...inp, busy: new LaneIndex(busy), ignore: busy }, at(tue, 9)), { ok: true, lane: 0, end: at(tue, 9, 30) });
  assert.deepEqual(checkStart({ ...inp, busy, channel: 'phone' }, at(tue, 9)), { ok: true, lane: 1, end: at(tue, 9, 30) });
});

test('checkStart accepts exactly what dayTimes offers', () => {
  const now = at('2026-11-02', 22);
  const tue = '2026-11-03';
  const busy = [{ lane: 0, start: at(tue, 10), end: at(tue, 11) }];
  for (const channel of ['online', 'phone', 'counter'] as const) {
    const inp = input(office, { now, busy, channel });
    const offered = new Set(dayTimes(inp, tue));
    for (let t = at(tue, 0); t < at(tue, 24); t += 5 * M) {
      assert.equal(checkStart(inp, t).ok, offered.has(t), `${channel} ${localTimeOf(t, TZ)}`);
    }
  }
});

test('findEarliest: first free start, clamped to the booking window', () => {
  const now = at('2026-11-02', 6);
  const inp = input(office, { now });
  assert.equal(findEarliest(inp, '2026-10-01', '2026-12-31'), at('2026-11-03', 8));
  assert.equal(findEarliest(inp, '2026-11-06', '2026-11-06'), null, 'closed');
  assert.equal(findEarliest(inp, '2026-11-06', '2026-11-08'), at('2026-11-07', 9));
  assert.equal(findEarliest(inp, '2026-11-12', '2026-11-30'), null, 'beyond the horizon');
  const busy = [{ lane: 0, start: at('2026-11-03', 8), end: at('2026-11-03', 15) }, { lane: 0, start: at('2026-11-04', 8), end: at('2026-11-04', 9) }];
  assert.equal(findEarliest({ ...inp, busy }, '2026-11-01', '2026-11-30'), at('2026-11-04', 9));
});

test('nearestAlternatives: nearest either side, by distance then time, never the time itself', () => {
  const now = at('2026-11-02', 6);
  const tue = '2026-11-03';
  const busy = [{ lane: 0, start: at(tue, 9), end: at(tue, 10) }];
  const inp = input(office, { now, busy });
  assert.deepEqual(hhmm(nearestAlternatives(inp, at(tue, 9), 4)), ['08:30', '08:00', '10:00', '10:30']);
  const alts = nearestAlternatives(inp, at(tue, 11, 30), 5);
  assert.deepEqual(alts.map((t) => toRfc3339(t, TZ)), [
    '2026-11-03T11:00:00+01:00', '2026-11-03T10:30:00+01:00', '2026-11-03T10:00:00+01:00', '2026-11-03T13:00:00+01:00', '2026-11-03T13:30:00+01:00',
  ]);
  assert.ok(!alts.includes(at(tue, 11, 30)));
  // from a closed day the nearest are on the days around it
  assert.deepEqual(nearestAlternatives(inp, at('2026-11-06', 10), 3).map((t) => toRfc3339(t, TZ)),
    ['2026-11-05T11:30:00+01:00', '2026-11-05T11:00:00+01:00', '2026-11-07T09:00:00+01:00'], '23 h either side: the earlier first');
  assert.deepEqual(nearestAlternatives(inp, at('2026-12-20', 10), 2), [], 'beyond the horizon and search days');
});
