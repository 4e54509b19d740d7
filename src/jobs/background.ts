// Starts what runs beside the web server (or alone in `amtszeit worker`): the
// outbox relay with its transport (SMTP_URL, else files in MAIL_DIR) and the
// job scheduler, as the environment says (RELAY, JOBS).
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Env } from '../env.ts';
import { createFileTransport } from '../mail/file-transport.ts';
import { createSmtpTransport } from '../mail/smtp-transport.ts';
import type { MailTransport, TransportHealth } from '../mail/transport.ts';
import type { JobLogger } from './job.ts';
import { createOutboxRelay, type OutboxRelay } from './outbox-relay.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';

export interface Background {
  relay: OutboxRelay | null;
  scheduler: Scheduler | null;
  /** the directory of the file transport (for /dev/mail), null with SMTP */
  mailDir: string | null;
  /** the transport's state, null when this process does not send mail */
  mailHealth(): TransportHealth | null;
  /** wakes the relay (after a request that may have written mail) */
  kick(): void;
  stop(): Promise<void>;
}

export function mailDirOf(env: Pick<Env, 'MAIL_DIR' | 'DATA_DIR'>): string {
  return env.MAIL_DIR ?? join(env.DATA_DIR === 'memory' ? './data' : env.DATA_DIR, 'mail');
}

export function createTransportFromEnv(env: Pick<Env, 'SMTP_URL' | 'MAIL_DIR' | 'DATA_DIR'>): MailTransport {
  return env.SMTP_URL ? createSmtpTransport(env.SMTP_URL) : createFileTransport(mailDirOf(env));
}

export async function startBackground(opts: {
  db: Kysely<Database>;
  env: Pick<Env, 'SMTP_URL' | 'MAIL_FROM' | 'MAIL_DIR' | 'DATA_DIR' | 'RELAY' | 'JOBS'>;
  logger: JobLogger;
  /** force the relay / the jobs on (the worker) regardless of RELAY / JOBS */
  relay?: boolean;
  jobs?: boolean;
  now?: () => number;
}): Promise<Background> {
  const { env, logger } = opts;
  const wantRelay = opts.relay ?? env.RELAY;
  const wantJobs = opts.jobs ?? env.JOBS;
  let transport: MailTransport | null = null;
  let relay: OutboxRelay | null = null;
  if (wantRelay) {
    transport = createTransportFromEnv(env);
    relay = createOutboxRelay({ db: opts.db, transport, mailFrom: env.MAIL_FROM, logger, now: opts.now });
    await relay.start();
    if (transport.kind === 'file') logger.info({ mailDir: mailDirOf(env) }, 'no SMTP_URL: mails are written to the mail directory');
  }
  const scheduler = wantJobs ? createScheduler({ db: opts.db, logger, now: opts.now, onMailQueued: () => relay?.kick() }) : null;
  scheduler?.start();
  return {
    relay,
    scheduler,
    mailDir: transport?.kind === 'file' ? mailDirOf(env) : null,
    mailHealth: () => transport?.health() ?? null,
    kick: () => relay?.kick(),
    async stop() {
      await Promise.all([relay?.stop(), scheduler?.stop()]);
      await transport?.close();
    },
  };
}
