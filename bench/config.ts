// The organization the benchmark runs against: one office for the month view
// (busy, fine grid, long horizon) and one for the booking rush (empty, one week).
import { addDays, localDateOf } from '../src/domain/time.ts';
import type { OrgConfig } from '../src/domain/types.ts';
import { BOOKING, office, orgConfig, service } from '../test/fixtures/org-config.ts';

export const ORG_ID = 'bench-org';
export const TZ = 'Europe/Berlin';
export const MONTH_OFFICE = 'monat';
export const RUSH_OFFICE = 'ansturm';
export const MONTH_LANES = 6;
export const RUSH_LANES = 3;
/** 15 minutes: on the month office's 5-minute grid and exactly one rush slot */
export const SERVICE = 'anmeldung';
export const SERVICES_PARAM = `${SERVICE}:1`;
export const SERVICES = [{ id: SERVICE, quantity: 1 }];
export const HORIZON_DAYS = 90;
export const RUSH_DAYS = 7;

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/** `now` fixes the rush week: it starts tomorrow, so no slot passes while the rush runs. */
export function benchConfig(now: number): { config: OrgConfig; rushFrom: string; rushTo: string } {
  const today = localDateOf(now, TZ);
  const rushFrom = addDays(today, 1);
  const rushTo = addDays(rushFrom, RUSH_DAYS - 1);
  const config = orgConfig({
    holidays: 'DE-SN',
    services: [service(SERVICE, 15, 5), service('ausweis', 20, 3)],
    offices: [
      office(MONTH_OFFICE, {
        slotMinutes: 5,
        hours: [{ days: [...WEEKDAYS], from: '08:00', to: '18:00', counters: MONTH_LANES, online: MONTH_LANES, phone: MONTH_LANES }],
        booking: { ...BOOKING, leadMinutes: 0, horizonDays: HORIZON_DAYS, maxActivePerEmail: 1000 },
      }),
      office(RUSH_OFFICE, {
        slotMinutes: 15,
        hours: [{
          days: [...WEEKDAYS], from: '08:00', to: '18:00', counters: RUSH_LANES, online: RUSH_LANES, phone: RUSH_LANES,
          validFrom: rushFrom, validTo: rushTo,
        }],
        booking: { ...BOOKING, leadMinutes: 0, horizonDays: RUSH_DAYS + 1, maxActivePerEmail: 1_000_000 },
      }),
    ],
  });
  return { config, rushFrom, rushTo };
}
