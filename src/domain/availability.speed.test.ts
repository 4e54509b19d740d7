// Speed: a 31-day overview at a busy 6-counter office on a 5-minute grid stays well under 5 ms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysOverview, type EngineInput } from './availability.ts';
import type { Busy } from './lanes.ts';
import { eachDate, weekdayOf, zonedInstant } from './time.ts';
import { BERLIN_ORG, bookingRules, makeOffice, rule } from './office-fixture.ts';

test('31-day overview, 6 counters, 5-minute grid, 3,000 busy intervals: median under 5 ms', () => {
  const tz = BERLIN_ORG.timezone;
  const office = makeOffice({
    slotMinutes: 5,
    booking: bookingRules({ leadMinutes: 720, horizonDays: 60 }),
    hours: [
      rule(['mon', 'tue', 'wed', 'thu', 'fri'], '08:00', '12:00', 6, { online: 4, phone: 5 }),
      rule(['mon', 'tue', 'thu'], '13:00', '18:00', 6, { online: 4, phone: 5 }),
      rule(['sat'], '09:00', '12:00', 3, { online: 2, phone: 3 }),
    ],
  });
  let seed = 42;
  const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const dates = eachDate('2026-12-01', '2026-12-31').filter((d) => weekdayOf(d) !== 'sun');
  const busy: Busy[] = [];
  while (busy.length < 3000) {
    const d = dates[Math.floor(rnd() * dates.length)];
    const start = zonedInstant(d, 480 + Math.floor(rnd() * 120) * 5, tz);
    busy.push({ lane: Math.floor(rnd() * 6), start, end: start + (10 + Math.floor(rnd() * 5) * 5) * 60_000 });
  }
  const input: EngineInput = { office, org: BERLIN_ORG, durationMinutes: 15, channel: 'online', now: zonedInstant('2026-11-30', 600, tz), busy };

  const first = daysOverview(input, '2026-12-01', '2026-12-31');
  assert.equal(first.length, 31);
  assert.ok(first.some((d) => d.status === 'available') && first.some((d) => d.status === 'closed'));
  for (let i = 0; i < 20; i++) daysOverview(input, '2026-12-01', '2026-12-31');
  const times: number[] = [];
  for (let i = 0; i < 41; i++) {
    const t0 = performance.now();
    daysOverview(input, '2026-12-01', '2026-12-31');
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[20];
  assert.ok(median < 5, `median ${median.toFixed(2)} ms`);
});
