// Starts what runs beside the web server (or alone in `amtszeit worker`): the
// outbox relay with its transport (SMTP_URL, else files in MAIL_DIR) and the
// job scheduler, as the environment says (RELAY, JOBS; MAIL_* tune the relay).
// - On PostgreSQL (DATABASE_URL) the relay runs in a thread of its own
//   (relay-thread.ts) with its own connections and the cross-process wake-up:
//   kick() tells every process's relay that mail may be due (NOTIFY), and a
//   NOTIFY from another process wakes this one's. A process without relay
//   (RELAY=off) still notifies the others.
// - On PGlite (one process) the relay runs in the process, woken by kick().
import type { Kysely } from 'kysely';
import { startOutboxWakeup, type OutboxWakeup } from '../db/outbox-wakeup.ts';
import type { Database } from '../db/schema.ts';
import type { Env } from '../env.ts';
import type { TransportHealth } from '../mail/transport.ts';
import type { JobLogger } from './job.ts';
import { createOutboxRelay } from './outbox-relay.ts';
import { createTransportFromEnv, mailDirOf, relayTuning, type RelayEnv } from './relay-setup.ts';
import { startRelayThread, type RelayHandle } from './relay-thread.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';

export interface Background {
  relay: RelayHandle | null;
  scheduler: Scheduler | null;
  /** the directory of the file transport (for /dev/mail), null with SMTP */
  mailDir: string | null;
  /** the transport's state, null when this process does not send mail */
  mailHealth(): TransportHealth | null;
  /** wakes this process's relay and, on PostgreSQL, every other process's (after a request that may have written mail) */
  kick(): void;
  stop(): Promise<void>;
}

export async function startBackground(opts: {
  db: Kysely<Database>;
  env: RelayEnv & Pick<Env, 'RELAY' | 'JOBS'>;
  logger: JobLogger;
  /** force the relay / the jobs on (the worker) regardless of RELAY / JOBS */
  relay?: boolean;
  jobs?: boolean;
  /** a clock of the caller's: the relay then runs in the process (a thread cannot share it) */
  now?: () => number;
}): Promise<Background> {
  const { env, logger } = opts;
  const wantRelay = opts.relay ?? env.RELAY;
  const wantJobs = opts.jobs ?? env.JOBS;
  const databaseUrl = env.DATABASE_URL;
  let relay: RelayHandle | null = null;
  let wakeup: OutboxWakeup | null = null;
  if (wantRelay && databaseUrl && !opts.now) {
    relay = await startRelayThread({ env: { ...env, DATABASE_URL: databaseUrl }, logger });
  } else if (wantRelay) {
    const t = createTransportFromEnv(env);
    const r = createOutboxRelay({ db: opts.db, transport: t, logger, now: opts.now, ...relayTuning(env) });
    await r.start();
    if (databaseUrl) wakeup = startOutboxWakeup({ databaseUrl, onWake: () => r.kick(), logger });
    relay = {
      kick() {
        r.kick();
        wakeup?.notify();
      },
      health: () => t.health(),
      async stop() {
        await r.stop();
        await wakeup?.close();
        await t.close();
      },
    };
  } else if (databaseUrl) {
    // no relay here, but the relays of the other processes are told
    wakeup = startOutboxWakeup({ databaseUrl, logger });
  }
  if (wantRelay && !env.SMTP_URL) logger.info({ mailDir: mailDirOf(env) }, 'no SMTP_URL: mails are written to the mail directory');
  const kick = () => {
    if (relay) relay.kick();
    else wakeup?.notify();
  };
  const scheduler = wantJobs ? createScheduler({ db: opts.db, logger, now: opts.now, onMailQueued: kick }) : null;
  scheduler?.start();
  return {
    relay,
    scheduler,
    mailDir: wantRelay && !env.SMTP_URL ? mailDirOf(env) : null,
    mailHealth: () => relay?.health() ?? null,
    kick,
    async stop() {
      await Promise.all([relay?.stop(), scheduler?.stop()]);
      if (!relay) await wakeup?.close();
    },
  };
}
