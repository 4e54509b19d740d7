// Test helper: a digest of engine results (DST days, holidays, statuses, times) to compare across host TZs.
import { checkStart, dayTimes, daysOverview, findEarliest, nearestAlternatives, type EngineInput } from './availability.ts';
import { bookingWindow } from './booking-window.ts';
import { publicHoliday } from './holidays.ts';
import { daySchedule } from './opening-windows.ts';
import { localDateOf, localTimeOf, toRfc3339, zonedInstant } from './time.ts';
import { bookingRules, makeOffice, rule } from './office-fixture.ts';

export function engineDigest(): unknown {
  const tz = 'Europe/Berlin';
  const org = { timezone: tz, holidays: 'DE-SN' };
  const office = makeOffice({
    slotMinutes: 15,
    booking: bookingRules({ leadMinutes: 720, horizonDays: 60, releaseTime: '07:00' }),
    hours: [
      rule(['mon', 'tue', 'wed', 'thu', 'fri'], '08:00', '12:00', 3, { online: 2, phone: 3 }),
      rule(['tue', 'thu'], '13:00', '18:00', 2, { online: 1 }),
      rule(['sun'], '00:00', '24:00', 1),
    ],
    closures: [{ from: '2026-12-24', to: '2026-12-24' }, { from: '2026-11-03', to: '2026-11-03', fromTime: '10:00', toTime: '11:00' }],
    extraHours: [{ date: '2026-12-05', from: '09:00', to: '12:00', counters: 2, online: 2, phone: 2 }],
  });
  const now = zonedInstant('2026-10-20', 6 * 60 + 59, tz); // just before the release time
  const busy = [{ lane: 0, start: zonedInstant('2026-10-27', 8 * 60, tz), end: zonedInstant('2026-10-27', 9 * 60, tz) }];
  const input: EngineInput = { office, org, durationMinutes: 30, channel: 'online', now, busy };
  const fmt = (ts: number[]) => ts.map((t) => toRfc3339(t, tz));
  return {
    overview: daysOverview(input, '2026-10-18', '2026-12-26'),
    phoneOverview: daysOverview({ ...input, channel: 'phone' }, '2026-10-18', '2026-11-05'),
    autumnSunday: fmt(dayTimes(input, '2026-10-25')),
    tuesday: fmt(dayTimes(input, '2026-11-03')),
    earliest: fmt([findEarliest(input, '2026-10-01', '2026-12-31') ?? 0]),
    nearest: fmt(nearestAlternatives(input, zonedInstant('2026-10-27', 8 * 60, tz))),
    check: checkStart(input, zonedInstant('2026-10-27', 9 * 60, tz)),
    window: bookingWindow(office.booking, tz, now, 'online'),
    schedule: daySchedule(office, org, '2026-10-25'),
    holidays: ['2026-01-01', '2026-10-03', '2026-11-18', '2026-12-25', '2026-12-31'].map((d) => publicHoliday('DE-SN', d, 'de')),
    localOfMidnights: [Date.UTC(2026, 11, 31, 23, 30), Date.UTC(2026, 2, 29, 0, 59), Date.UTC(2026, 2, 29, 1, 0)]
      .map((ms) => `${localDateOf(ms, tz)} ${localTimeOf(ms, tz)}`),
  };
}
