// Property tests: random offices and booking sequences never break capacity, window or grid rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkStart, dayTimes, daysOverview, type EngineInput } from './availability.ts';
import { daySchedule } from './opening-windows.ts';
import { publicHoliday } from './holidays.ts';
import { addDays, formatLocalTime, localDateOf, parseLocalTime, zonedInstant } from './time.ts';
import { bookingRules, makeOffice } from './office-fixture.ts';
import { WEEKDAYS, type Capacity, type Channel, type Office } from './types.ts';

const M = 60_000;
// Zones with DST at 02:00/03:00, at midnight (Santiago), by 30 minutes (Lord Howe), and none.
const ZONES = ['Europe/Berlin', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata'];
// first days of 5-day ranges that contain a DST change in one of the zones
const BASES = ['2026-03-27', '2026-10-23', '2026-04-03', '2026-09-04', '2026-10-02', '2026-11-16'];

const capArb: fc.Arbitrary<Capacity> = fc.integer({ min: 1, max: 4 }).chain((counters) =>
  fc.integer({ min: 0, max: counters }).chain((phone) =>
    fc.integer({ min: 0, max: phone }).map((online) => ({ counters, phone, online }))));
const spanArb = fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 600 }))
  .map(([from, len]) => ({ from: formatLocalTime(from), to: formatLocalTime(Math.min(1440, from + len)) }));
const openSpanArb = fc.tuple(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 30, max: 600 }))
  .map(([from, len]) => ({ from: formatLocalTime(from), to: formatLocalTime(Math.min(1440, from + len)) }));
const dayOffset = fc.integer({ min: -1, max: 5 });

const scenarioArb = fc.record({
  tz: fc.constantFrom(...ZONES),
  holidays: fc.constantFrom(undefined, 'DE-SN'),
  base: fc.constantFrom(...BASES),
  slotMinutes: fc.constantFrom(5, 10, 15, 30),
  rules: fc.array(fc.record({
    days: fc.subarray([...WEEKDAYS], { minLength: 3 }), span: fc.oneof(openSpanArb, spanArb), cap: capArb,
    validFrom: fc.option(dayOffset, { nil: undefined }), validTo: fc.option(dayOffset, { nil: undefined }),
  }), { minLength: 1, maxLength: 4 }),
  extra: fc.array(fc.record({ day: dayOffset, span: spanArb, cap: capArb }), { maxLength: 2 }),
  closures: fc.array(fc.record({ day: dayOffset, days: fc.integer({ min: 0, max: 2 }), span: fc.option(spanArb, { nil: undefined }) }), { maxLength: 2 }),
  lead: fc.integer({ min: 0, max: 600 }),
  horizon: fc.integer({ min: 2, max: 8 }),
  release: fc.option(fc.integer({ min: 0, max: 1440 }).map(formatLocalTime), { nil: undefined }),
  nowOffsetMinutes: fc.integer({ min: -2 * 1440, max: 600 }),
  attempts: fc.array(fc.record({
    channel: fc.constantFrom<Channel>('online', 'phone', 'counter'),
    day: fc.integer({ min: 0, max: 2 }),
    minutes: fc.integer({ min: 1, max: 150 }),
    offered: fc.integer({ min: 0, max: 4 }).map((x) => x > 0),
    pick: fc.nat(),
  }), { minLength: 20, maxLength: 80 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function buildOffice(s: Scenario): Office {
  return makeOffice({
    slotMinutes: s.slotMinutes,
    booking: bookingRules({ leadMinutes: s.lead, horizonDays: s.horizon, releaseTime: s.release }),
    hours: s.rules.map((r) => ({
      days: r.days, from: r.span.from, to: r.span.to, ...r.cap,
      validFrom: r.validFrom === undefined ? undefined : addDays(s.base, r.validFrom),
      validTo: r.validTo === undefined ? undefined : addDays(s.base, r.validTo),
    })),
    extraHours: s.extra.map((x) => ({ date: addDays(s.base, x.day), from: x.span.from, to: x.span.to, ...x.cap })),
    closures: s.closures.map((c) => ({
      from: addDays(s.base, c.day), to: addDays(s.base, c.day + c.days),
      ...(c.span ? { fromTime: c.span.from, toTime: c.span.to } : {}),
    })),
  });
}

/** Capacity at instant t for the local date `date`, straight from the config (no interval algebra, no sweep). */
function oracle(office: Office, tz: string, holidays: string | undefined) {
  return (date: string, t: number): Capacity => {
    const cap = { counters: 0, online: 0, phone: 0 };
    const inside = (from: string, to: string) => zonedInstant(date, parseLocalTime(from), tz) <= t && t < zonedInstant(date, parseLocalTime(to), tz);
    for (const c of office.closures) {
      if (c.from <= date && date <= c.to && (c.fromTime === undefined ? inside('00:00', '24:00') : inside(c.fromTime, c.toTime ?? '24:00'))) return cap;
    }
    const weekday = WEEKDAYS[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7];
    const holiday = publicHoliday(holidays, date, 'de') !== null;
    const add = (c: Capacity) => { cap.counters += c.counters; cap.online += c.online; cap.phone += c.phone; };
    for (const r of office.hours) {
      if (holiday || !r.days.includes(weekday)) continue;
      if ((r.validFrom && date < r.validFrom) || (r.validTo && date > r.validTo)) continue;
      if (inside(r.from, r.to)) add(r);
    }
    for (const x of office.extraHours) if (x.date === date && inside(x.from, x.to)) add(x);
    return cap;
  };
}

interface Booking { channel: Channel; lane: number; start: number; end: number }

test('random offices and booking sequences keep every capacity, window and grid rule', () => {
  let accepted = 0, offeredTried = 0;
  fc.assert(fc.property(scenarioArb, (s) => {
    const office = buildOffice(s);
    const org = { timezone: s.tz, holidays: s.holidays };
    const now = zonedInstant(s.base, 600, s.tz) + s.nowOffsetMinutes * M;
    const capAt = oracle(office, s.tz, s.holidays);
    const bookings: Booking[] = [];

    for (const a of s.attempts) {
      const durationMinutes = Math.ceil(a.minutes / s.slotMinutes) * s.slotMinutes;
      const input: EngineInput = { office, org, durationMinutes, channel: a.channel, now, busy: bookings };
      const date = addDays(s.base, a.day);
      let start: number;
      const offered = a.offered ? dayTimes(input, date) : [];
      if (offered.length > 0) { start = offered[a.pick % offered.length]; offeredTried++; }
      else start = zonedInstant(date, 0, s.tz) + (a.pick % (1440 * 60)) * 1000 * (a.pick % 3 === 0 ? 1 : 60) % (1440 * M);
      const r = checkStart(input, start);
      // the engine accepts exactly what it offers
      assert.equal(r.ok, dayTimes(input, localDateOf(start, s.tz)).includes(start), 'checkStart agrees with dayTimes');
      if (offered.length > 0) assert.ok(r.ok, 'an offered time is accepted');
      if (r.ok) {
        assert.equal(r.end, start + durationMinutes * M);
        bookings.push({ channel: a.channel, lane: r.lane, start, end: r.end });
        accepted++;
      }
    }

    for (const b of bookings) {
      const date = localDateOf(b.start, s.tz);
      assert.notEqual(office.closures.some((c) => c.from <= date && date <= c.to && c.fromTime === undefined), true, 'not on a closed day');
      // inside one window: open at every minute of it, all on the same local date
      for (let t = b.start; t < b.end; t += M) {
        assert.equal(localDateOf(t, s.tz), date);
        assert.ok(capAt(date, t).counters > 0, 'open throughout');
      }
      // on the grid counted from where that window opens
      const dayStart = zonedInstant(date, 0, s.tz);
      let ws = b.start;
      while (ws - M >= dayStart && capAt(date, ws - M).counters > 0) ws -= M;
      assert.equal((b.start - ws) % (s.slotMinutes * M), 0, 'on the grid');
    }

    // at every minute someone is booked: totals within capacity per channel
    const instants = new Set<number>();
    for (const b of bookings) for (let t = b.start; t < b.end; t += M) instants.add(t);
    for (const t of instants) {
      const cap = capAt(localDateOf(t, s.tz), t);
      const here = bookings.filter((b) => b.start <= t && t < b.end);
      const online = here.filter((b) => b.channel === 'online').length;
      const phone = here.filter((b) => b.channel === 'phone').length;
      assert.ok(here.length <= cap.counters, `${here.length} bookings > ${cap.counters} counters`);
      assert.ok(online <= cap.online, `${online} online > ${cap.online}`);
      assert.ok(phone <= cap.phone, `${phone} phone > ${cap.phone}`);
      assert.ok(online + phone <= cap.phone, 'citizens and callers together within phone lanes');
      assert.equal(new Set(here.map((b) => b.lane)).size, here.length, 'one booking per lane');
    }

    // the overview agrees with the day lists
    const input: EngineInput = { office, org, durationMinutes: s.slotMinutes, channel: 'online', now, busy: bookings };
    for (const d of daysOverview(input, addDays(s.base, -1), addDays(s.base, 5))) {
      const n = dayTimes(input, d.date).length;
      assert.equal(d.status === 'available', n > 0, `${d.date} ${d.status} with ${n} times`);
      assert.equal(d.freeTimes, n);
    }
  }), { numRuns: 300 });
  assert.ok(accepted > 500, `too few bookings accepted to mean anything: ${accepted}`);
  assert.ok(offeredTried > 500, `too few offered times tried: ${offeredTried}`);
});

test('daySchedule matches the config at every minute of the day', () => {
  fc.assert(fc.property(scenarioArb, fc.integer({ min: -1, max: 5 }), (s, day) => {
    const office = buildOffice(s);
    const capAt = oracle(office, s.tz, s.holidays);
    const date = addDays(s.base, day);
    const sched = daySchedule(office, { timezone: s.tz, holidays: s.holidays }, date);
    assert.equal(sched.closed === undefined, sched.windows.length > 0);
    for (let i = 1; i < sched.windows.length; i++) assert.ok(sched.windows[i - 1].end < sched.windows[i].start, 'windows apart');
    const dayStart = zonedInstant(date, 0, s.tz), dayEnd = zonedInstant(date, 1440, s.tz);
    for (let t = dayStart; t < dayEnd; t += M) {
      const expected = capAt(date, t);
      const w = sched.windows.find((x) => x.start <= t && t < x.end);
      const seg = w?.segments.find((g) => g.start <= t && t < g.end);
      if (expected.counters === 0) assert.equal(w, undefined, 'closed then');
      else assert.deepEqual(seg && { counters: seg.counters, online: seg.online, phone: seg.phone }, expected);
    }
  }), { numRuns: 150 });
});
