// Job: deletes expired citizen-page sessions (they may hold contact data
// entered in step 3), so nothing lingers after a journey is abandoned.
import { purgeExpiredWebSessions } from '../db/repositories/web-session-repo.ts';
import type { Job } from './job.ts';

export const webSessionPurgeJob: Job = {
  name: 'web-session-purge',
  async run(db, now) {
    return purgeExpiredWebSessions(db, new Date(now));
  },
};
