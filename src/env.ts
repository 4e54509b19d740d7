// The process environment, parsed and validated once at start. Nothing else
// reads process.env (tests pass their own values).
import { z } from 'zod';

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const onOff = z
  .enum(['on', 'off', '1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === 'on' || v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** PostgreSQL: the longest one statement may run (ms) before it is cancelled and the request answers 503 */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** PostgreSQL: the longest a request waits for a connection (a new one, or a free one of the pool; ms) */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: boolish.default(false),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  /** how long availability answers are shared between callers (ms; 0: never) */
  AVAILABILITY_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** origins allowed to call the API from a browser: `*`, a comma-separated list, or `none` */
  CORS_ORIGINS: z
    .string()
    .default('*')
    .transform((v) => (v.trim() === 'none' ? [] : v.split(',').map((o) => o.trim()).filter(Boolean))),
  ORG_ID: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(),
  /** the password for `amtszeit user add` (else one is generated and printed once) */
  AMTSZEIT_PASSWORD: z.string().min(1).optional(),
  /** SMTP server for outgoing mail; without it mails are written to MAIL_DIR (see docs/mail.md) */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  /** sender address, e.g. `"Stadt Musterstadt" <termine@musterstadt.de>`; default: noreply@<host of publicUrl> */
  MAIL_FROM: z.string().min(3).optional(),
  /** where mails are kept without SMTP_URL; default DATA_DIR/mail */
  MAIL_DIR: z.string().min(1).optional(),
  /** send the outbox from this process (on), or leave it to `amtszeit worker` (off) */
  RELAY: onOff.default(true),
  /** run the background jobs (reminders, expiry, retention) in this process */
  JOBS: onOff.default(true),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

/** Parses the environment; throws EnvError listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}
