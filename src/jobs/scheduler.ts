// Runs the background jobs every minute (first run right after start). Each
// job gets `now` from the injected clock; a failing job is logged and the
// others still run. Several instances may run their schedulers at once.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { describeError } from '../mail/transport.ts';
import { holdExpiryJob } from './hold-expiry.ts';
import { idempotencyPurgeJob } from './idempotency-purge.ts';
import type { Job, JobLogger } from './job.ts';
import { remindersJob } from './reminders.ts';
import { retentionJob } from './retention.ts';
import { rateLimitPurgeJob } from './rate-limit-purge.ts';
import { webSessionPurgeJob } from './web-session-purge.ts';

export const ALL_JOBS: Job[] = [holdExpiryJob, remindersJob, retentionJob, idempotencyPurgeJob, webSessionPurgeJob, rateLimitPurgeJob];

export interface Scheduler {
  /** One pass of every job at now(); resolves with what each did. */
  runOnce(): Promise<Record<string, number | 'error'>>;
  start(): void;
  stop(): Promise<void>;
}

const silent: JobLogger = { info() {}, warn() {}, error() {} };

export function createScheduler(opts: {
  db: Kysely<Database>;
  jobs?: Job[];
  now?: () => number;
  intervalMs?: number;
  logger?: JobLogger;
  /** after jobs that enqueue mail (reminders): wake the relay */
  onMailQueued?: () => void;
}): Scheduler {
  const jobs = opts.jobs ?? ALL_JOBS;
  const now = opts.now ?? Date.now;
  const log = opts.logger ?? silent;
  const interval = opts.intervalMs ?? 60_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;

  async function runOnce(): Promise<Record<string, number | 'error'>> {
    const result: Record<string, number | 'error'> = {};
    for (const job of jobs) {
      try {
        result[job.name] = await job.run(opts.db, now(), log);
        if (job.name === 'reminders' && (result[job.name] as number) > 0) opts.onMailQueued?.();
      } catch (e) {
        result[job.name] = 'error';
        log.error({ job: job.name, err: describeError(e) }, 'background job failed');
      }
    }
    return result;
  }

  function tick(): void {
    timer = null;
    if (stopped) return;
    running = runOnce().finally(() => {
      running = null;
      if (!stopped) {
        timer = setTimeout(tick, interval);
        timer.unref?.();
      }
    });
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setTimeout(tick, 0);
      timer.unref?.();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
