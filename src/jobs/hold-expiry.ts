// Job: deletes expired holds and releases unconfirmed bookings past their
// confirmation deadline (status `cancelled`, reason `expired`). No mail: the
// confirmation request already named the deadline, and the address was never
// confirmed. (Bookings also release what they overlap themselves; this job
// keeps the table tidy and the statuses true.)
import { releaseExpired } from '../db/repositories/appointment-repo.ts';
import { forEachOrganization, type Job } from './job.ts';

export const holdExpiryJob: Job = {
  name: 'hold-expiry',
  async run(db, now, log) {
    return forEachOrganization(db, async (orgId) => {
      const r = await releaseExpired(db, { orgId, now: new Date(now) });
      if (r.pending > 0) log.info({ orgId, released: r.pending }, 'released unconfirmed bookings past their deadline');
      return r.holds + r.pending;
    });
  },
};
