// Tests for blocks in opening-windows.ts: fewer counters for a period.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { daySchedule, plansOn, type DaySchedule } from './opening-windows.ts';
import { localTimeOf, zonedInstant } from './time.ts';
import { BERLIN_ORG, makeOffice, rule } from './office-fixture.ts';
import type { Block } from './types.ts';

const TZ = BERLIN_ORG.timezone;
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function show(s: DaySchedule) {
  return s.windows.map((w) => ({
    window: `${localTimeOf(w.start, TZ)}-${localTimeOf(w.end, TZ)}`,
    segments: w.segments.map((g) => `${localTimeOf(g.start, TZ)}-${localTimeOf(g.end, TZ)} ${g.counters}/${g.phone}/${g.online}`),
  }));
}

const hours = [rule([...WEEK], '08:00', '12:00', 3, { online: 2, phone: 3 })];

test('a block takes counters away for part of a day; phone and online are capped at what remains', () => {
  const o = makeOffice({ hours, blocks: [{ from: '2026-12-02', to: '2026-12-02', fromTime: '09:00', toTime: '10:00', counters: 2 }] });
  assert.deepEqual(show(daySchedule(o, BERLIN_ORG, '2026-12-02')), [
    { window: '08:00-12:00', segments: ['08:00-09:00 3/3/2', '09:00-10:00 1/1/1', '10:00-12:00 3/3/2'] },
  ]);
  // other days are untouched
  assert.deepEqual(show(daySchedule(o, BERLIN_ORG, '2026-12-03')), [{ window: '08:00-12:00', segments: ['08:00-12:00 3/3/2'] }]);
});

test('several blocks add up; where nothing remains the time is not open', () => {
  const o = makeOffice({
    hours,
    blocks: [
      { from: '2026-12-01', to: '2026-12-04', counters: 1, reason: { de: 'krank', en: 'ill' } },
      { from: '2026-12-02', to: '2026-12-02', fromTime: '10:00', toTime: '11:00', counters: 2 },
    ],
  });
  assert.deepEqual(show(daySchedule(o, BERLIN_ORG, '2026-12-01')), [{ window: '08:00-12:00', segments: ['08:00-12:00 2/2/2'] }]);
  const wed = daySchedule(o, BERLIN_ORG, '2026-12-02');
  assert.deepEqual(show(wed), [
    { window: '08:00-10:00', segments: ['08:00-10:00 2/2/2'] },
    { window: '11:00-12:00', segments: ['11:00-12:00 2/2/2'] },
  ]);
  // blocking more counters than there are closes the day; citizens see no reason (it is for staff)
  const all = makeOffice({ hours, blocks: [{ from: '2026-12-02', to: '2026-12-02', counters: 5, reason: { de: 'krank', en: 'ill' } }] });
  assert.deepEqual(daySchedule(all, BERLIN_ORG, '2026-12-02'), { date: '2026-12-02', windows: [], closed: { kind: 'no_hours' } });
  assert.deepEqual(plansOn(o, '2026-12-02').blocks.map((b) => b.counters), [1, 2]);
  assert.deepEqual(plansOn(o, '2026-12-05').blocks, []);
});

test('DST: a whole-day block on the 25-hour day covers all of it; a part-day block uses wall-clock times', () => {
  const o = makeOffice({
    hours: [rule([...WEEK], '00:00', '24:00', 2)],
    blocks: [
      { from: '2026-10-25', to: '2026-10-25', counters: 1 },
      { from: '2026-03-29', to: '2026-03-29', fromTime: '01:00', toTime: '04:00', counters: 1 },
    ],
  });
  const autumn = daySchedule(o, BERLIN_ORG, '2026-10-25');
  assert.equal(autumn.windows.length, 1);
  assert.equal(autumn.windows[0].segments.length, 1);
  assert.equal(autumn.windows[0].segments[0].counters, 1);
  assert.equal(autumn.windows[0].end - autumn.windows[0].start, 25 * 3_600_000);
  const spring = daySchedule(o, BERLIN_ORG, '2026-03-29');
  const seg = spring.windows[0].segments.find((s) => s.counters === 1)!;
  assert.equal(seg.start, zonedInstant('2026-03-29', 60, TZ));
  assert.equal(seg.end, zonedInstant('2026-03-29', 240, TZ));
  assert.equal(seg.end - seg.start, 2 * 3_600_000, '01:00 to 04:00 is two hours on the spring day');
});

test('property: never more than the remaining counters; phone and online never above counters', () => {
  const minute = fc.integer({ min: 0, max: 24 * 4 }).map((q) => q * 15);
  const span = fc.tuple(minute, minute).filter(([a, b]) => a < b);
  const pad = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const date = fc.constantFrom('2026-03-29', '2026-10-25', '2026-12-02', '2026-12-03');
  fc.assert(fc.property(
    fc.array(fc.record({ span, counters: fc.integer({ min: 1, max: 4 }), online: fc.integer({ min: 0, max: 4 }), phone: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 3 }),
    fc.array(fc.record({ span: fc.option(span, { nil: undefined }), counters: fc.integer({ min: 1, max: 5 }), from: date, to: date }), { maxLength: 4 }),
    date,
    (rules, blocks, day) => {
      const office = makeOffice({
        hours: rules.map((r) => {
          const phone = Math.min(r.phone, r.counters);
          return rule([...WEEK], pad(r.span[0]), pad(r.span[1]), r.counters, { phone, online: Math.min(r.online, phone) });
        }),
        blocks: blocks.map((b): Block => ({
          from: b.from < b.to ? b.from : b.to, to: b.from < b.to ? b.to : b.from, counters: b.counters,
          ...(b.span ? { fromTime: pad(b.span[0]), toTime: pad(b.span[1]) } : {}),
        })),
      });
      const withBlocks = daySchedule(office, BERLIN_ORG, day);
      const without = daySchedule({ ...office, blocks: [] }, BERLIN_ORG, day);
      const capAt = (s: DaySchedule, t: number) => s.windows.flatMap((w) => w.segments).find((g) => g.start <= t && t < g.end);
      for (const w of withBlocks.windows) {
        for (const g of w.segments) {
          assert.ok(g.counters >= 1 && g.phone <= g.counters && g.online <= g.phone, JSON.stringify(g));
          for (const t of [g.start, g.end - 1]) {
            const base = capAt(without, t);
            assert.ok(base, 'blocks never open time');
            const taken = office.blocks!.filter((b) => b.from <= day && day <= b.to).reduce((n, b) => {
              const start = zonedInstant(day, b.fromTime ? Number(b.fromTime.slice(0, 2)) * 60 + Number(b.fromTime.slice(3)) : 0, TZ);
              const end = zonedInstant(day, b.toTime ? Number(b.toTime.slice(0, 2)) * 60 + Number(b.toTime.slice(3)) : 1440, TZ);
              return start <= t && t < end ? n + b.counters : n;
            }, 0);
            assert.equal(g.counters, base.counters - taken, 'exactly the remaining counters');
            assert.ok(g.online <= base.online && g.phone <= base.phone);
          }
        }
      }
    },
  ), { numRuns: 300 });
});
