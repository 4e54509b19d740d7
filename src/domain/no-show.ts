// The grace period before a no-show may be recorded: a citizen who is a few
// minutes late is not "nicht erschienen" yet. Each office sets it
// (`booking.noShowGraceMinutes`); offices stored before the setting existed
// have none and get the default. Pure: `now` is a parameter.

/** Minutes after the start before "nicht erschienen" may be recorded, unless the office says otherwise. */
export const NO_SHOW_GRACE_DEFAULT = 15;

/** The office's grace in minutes. */
export function noShowGraceOf(rules: { noShowGraceMinutes?: number } | undefined): number {
  return rules?.noShowGraceMinutes ?? NO_SHOW_GRACE_DEFAULT;
}

/** The first instant (epoch ms) at which a no-show may be recorded. */
export function noShowFrom(startsAt: number, graceMinutes: number): number {
  return startsAt + graceMinutes * 60_000;
}

/** Whether a no-show may be recorded at `now`: from the start plus the grace on. */
export function noShowOpen(startsAt: number, graceMinutes: number, now: number): boolean {
  return now >= noShowFrom(startsAt, graceMinutes);
}
