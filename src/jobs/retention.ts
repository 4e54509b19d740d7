// Job: erases personal data of appointments that ended more than
// `retentionDays` ago (organization setting): name, e-mail, phone, e-mail key
// and token hash, plus their outbox rows and the reasons and call notes typed
// into their history. The anonymised rows stay for statistics. Works in batches so one
// run never holds many locks for long.
import { anonymizeEnded } from '../db/repositories/job-repo.ts';
import { withRetry } from '../db/retry.ts';
import { forEachOrganization, type Job } from './job.ts';

const BATCH = 500;
const DAY = 86_400_000;

export const retentionJob: Job = {
  name: 'retention',
  async run(db, now, log) {
    return forEachOrganization(db, async (orgId, config) => {
      const endedBefore = new Date(now - config.organization.retentionDays * DAY);
      let total = 0;
      for (;;) {
        const n = await withRetry(() =>
          db.transaction().execute((tx) => anonymizeEnded(tx, { orgId, endedBefore, now: new Date(now), limit: BATCH })),
        );
        total += n;
        if (n < BATCH) break;
      }
      if (total > 0) log.info({ orgId, anonymized: total }, 'erased personal data past the retention period');
      return total;
    });
  },
};
