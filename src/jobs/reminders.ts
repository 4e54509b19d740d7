// Job: one reminder mail per appointment, `reminderHours` before it (per
// office; 0 = none). Appointments booked inside that window get none (their
// confirmation is recent). The claim (reminded_at) and the outbox row are
// written in one transaction, so a reminder is neither lost nor doubled.
import { claimDueReminders } from '../db/repositories/job-repo.ts';
import { enqueueMail } from '../db/repositories/outbox-repo.ts';
import { withRetry } from '../db/retry.ts';
import { forEachOrganization, type Job } from './job.ts';

export const remindersJob: Job = {
  name: 'reminders',
  async run(db, now) {
    return forEachOrganization(db, async (orgId, config) => {
      let n = 0;
      for (const office of config.offices) {
        const hours = office.booking.reminderHours;
        if (!hours || hours <= 0) continue;
        n += await withRetry(() =>
          db.transaction().execute(async (tx) => {
            const due = await claimDueReminders(tx, { orgId, officeId: office.id, hours, now: new Date(now) });
            for (const r of due) {
              await enqueueMail(tx, { orgId, appointmentId: r.id, kind: 'reminder', recipient: r.contact_email, locale: r.locale });
            }
            return due.length;
          }),
        );
      }
      return n;
    });
  },
};
