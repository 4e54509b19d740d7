// Test factory for domain tests: a normalised Office with sensible defaults (used by *.test.ts only).
import type { BookingRules, HoursRule, Office } from './types.ts';

export const BERLIN_ORG = { timezone: 'Europe/Berlin', holidays: 'DE-SN' } as const;

export function bookingRules(over: Partial<BookingRules> = {}): BookingRules {
  return {
    leadMinutes: 0, horizonDays: 365, holdMinutes: 10, maxActivePerEmail: 3, cancelUntilMinutes: 0,
    maxServices: 5, confirmByEmail: false, confirmMinutes: 60, reminderHours: 24, ...over,
  };
}

export function rule(days: HoursRule['days'], from: string, to: string, counters = 1, over: Partial<HoursRule> = {}): HoursRule {
  return { days, from, to, counters, online: counters, phone: counters, ...over };
}

export function makeOffice(over: Partial<Office> = {}): Office {
  return {
    id: 'einwohnermeldeamt', name: 'Einwohnermeldeamt', address: 'Rathausplatz 1', phone: '0341 35330',
    email: 'buergerservice@example.org', slotMinutes: 15, services: ['anmeldung'],
    booking: bookingRules(), hours: [], closures: [], extraHours: [], ...over,
  };
}
