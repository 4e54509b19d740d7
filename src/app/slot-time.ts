// A bookable start as the API shows it: local date and time plus the instant.
import { localDateOf, localTimeOf, toRfc3339 } from '../domain/time.ts';

export interface SlotTime {
  date: string;
  time: string;
  startsAt: string;
}

export function slotTime(ms: number, timezone: string): SlotTime {
  return { date: localDateOf(ms, timezone), time: localTimeOf(ms, timezone), startsAt: toRfc3339(ms, timezone) };
}
