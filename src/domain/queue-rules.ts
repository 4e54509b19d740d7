// The counter queue's settings of an office (`offices[].queue` in the config
// file): desks, the check-in window around a booked start, the grace for the
// late, walk-ins and the kiosk. Offices without the section get the defaults
// (no desks: nobody can be called until the office names its desks). Pure.
import type { Office, QueueRules } from './types.ts';

export const QUEUE_RULE_DEFAULTS = {
  checkInBeforeMinutes: 30,
  checkInAfterMinutes: 15,
  lateGraceMinutes: 5,
  walkIns: true,
  kiosk: false,
} as const;

/** The office's queue settings, defaults filled in. */
export function queueRulesOf(office: Pick<Office, 'queue'> | undefined): QueueRules {
  return office?.queue ?? { desks: [], ...QUEUE_RULE_DEFAULTS };
}
