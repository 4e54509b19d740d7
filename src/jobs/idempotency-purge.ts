// Job: forgets Idempotency-Keys (and their encrypted first answers) after
// IDEMPOTENCY_HOURS (24 h), when a replay is no longer honoured anyway.
import { IDEMPOTENCY_HOURS } from '../app/idempotency.ts';
import { purgeIdempotencyKeys } from '../db/repositories/job-repo.ts';
import type { Job } from './job.ts';

export const idempotencyPurgeJob: Job = {
  name: 'idempotency-purge',
  async run(db, now) {
    return purgeIdempotencyKeys(db, new Date(now - IDEMPOTENCY_HOURS * 3600_000));
  },
};
