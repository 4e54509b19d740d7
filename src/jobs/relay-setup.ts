// What the outbox relay is built from, read from the environment (src/env.ts):
// the transport (SMTP_URL, else files in MAIL_DIR) and the relay's settings
// (MAIL_*). Shared by the relay in the process (background.ts) and the relay
// in a thread of its own (relay-thread.ts).
import { join } from 'node:path';
import type { Env } from '../env.ts';
import { createFileTransport } from '../mail/file-transport.ts';
import { createSmtpTransport } from '../mail/smtp-transport.ts';
import type { MailTransport } from '../mail/transport.ts';
import { RELAY_DEFAULTS, type RelayOptions } from './outbox-relay.ts';

/** The relay's settings; each falls back to RELAY_DEFAULTS. */
export type MailTuning = Partial<Pick<Env, 'MAIL_CONNECTIONS' | 'MAIL_BATCH_SIZE' | 'MAIL_LEASE_MS' | 'MAIL_POLL_MS' | 'MAIL_RECHECK_MS' | 'MAIL_TIMEOUT_MS'>>;

/** Everything of the environment the relay needs (plain values: it is handed to a thread as it is). */
export type RelayEnv = Pick<Env, 'SMTP_URL' | 'MAIL_FROM' | 'MAIL_DIR' | 'DATA_DIR'> & MailTuning
  & Partial<Pick<Env, 'DATABASE_URL' | 'DB_STATEMENT_TIMEOUT_MS' | 'DB_CONNECT_TIMEOUT_MS'>>;

export function mailDirOf(env: Pick<Env, 'MAIL_DIR' | 'DATA_DIR'>): string {
  return env.MAIL_DIR ?? join(env.DATA_DIR === 'memory' ? './data' : env.DATA_DIR, 'mail');
}

export function createTransportFromEnv(env: Pick<Env, 'SMTP_URL' | 'MAIL_DIR' | 'DATA_DIR'> & MailTuning): MailTransport {
  return env.SMTP_URL
    ? createSmtpTransport(env.SMTP_URL, { connections: env.MAIL_CONNECTIONS ?? RELAY_DEFAULTS.concurrency, timeoutMs: env.MAIL_TIMEOUT_MS })
    : createFileTransport(mailDirOf(env));
}

/** The relay's options from the environment (without db, transport, logger). */
export function relayTuning(env: RelayEnv): Pick<RelayOptions, 'mailFrom' | 'concurrency' | 'batchSize' | 'leaseMs' | 'pollMs' | 'reverifyMs'> {
  return {
    mailFrom: env.MAIL_FROM,
    concurrency: env.MAIL_CONNECTIONS,
    batchSize: env.MAIL_BATCH_SIZE,
    leaseMs: env.MAIL_LEASE_MS,
    pollMs: env.MAIL_POLL_MS,
    reverifyMs: env.MAIL_RECHECK_MS,
  };
}
