// Job: deletes the shared request counters of windows that have ended (table
// rate_limits; a minute's grace for instances whose clocks run a little
// behind) and failed-login / wrong-feed-token records older than a day (the
// throttles look back 15 minutes), so neither table grows under a flood.
import { purgeRequestCounts } from '../db/repositories/rate-limit-repo.ts';
import { purgeLoginFailures } from '../db/repositories/staff-user-repo.ts';
import type { Job } from './job.ts';

export const COUNTER_GRACE_MS = 60_000;
export const LOGIN_FAILURE_DAYS = 1;

export const rateLimitPurgeJob: Job = {
  name: 'rate-limit-purge',
  async run(db, now) {
    const counters = await purgeRequestCounts(db, new Date(now - COUNTER_GRACE_MS));
    const failures = await purgeLoginFailures(db, new Date(now - LOGIN_FAILURE_DAYS * 86_400_000));
    return counters + failures;
  },
};
