// Which instants and days a channel may book now: lead time, horizon and daily release time.
import type { BookingRules, Channel, LocalDate } from './types.ts';
import { addDays, localDateOf, localMinutesOf, parseLocalTime } from './time.ts';

export interface BookingWindow {
  /** the local date of `now` */
  today: LocalDate;
  /** no appointment may start before this instant (epoch ms) */
  earliestStart: number;
  /** the last local date that may be booked (inclusive) */
  lastDate: LocalDate;
}

/**
 * Online: earliest start is now + `leadMinutes`; the last day is today + `horizonDays`, except that
 * with a `releaseTime` that newest day opens only at that local time (before it, the last day is one
 * earlier). Staff (phone, counter) may book from now up to today + `horizonDays`, with no release time.
 */
export function bookingWindow(rules: BookingRules, tz: string, now: number, channel: Channel): BookingWindow {
  const today = localDateOf(now, tz);
  if (channel !== 'online') return { today, earliestStart: now, lastDate: addDays(today, rules.horizonDays) };
  const beforeRelease = rules.releaseTime !== undefined && localMinutesOf(now, tz) < parseLocalTime(rules.releaseTime);
  return {
    today,
    earliestStart: now + rules.leadMinutes * 60_000,
    lastDate: addDays(today, rules.horizonDays - (beforeRelease ? 1 : 0)),
  };
}
