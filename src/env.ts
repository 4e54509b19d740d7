// The process environment, parsed and validated once at start. Nothing else
// reads process.env (tests pass their own values).
import { isIP } from 'node:net';
import { z } from 'zod';

/** Names proxy-addr knows for address ranges, usable in a TRUST_PROXY list. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [addr, prefix, ...rest] = entry.split('/');
  const kind = isIP(addr);
  if (kind === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (kind === 4 ? 32 : 128);
}

/**
 * Which proxies in front of us to believe about the client's address
 * (X-Forwarded-For, -Proto, -Host): `false` (none; the default), a number of
 * hops (`1`: one proxy, the client is the right-most X-Forwarded-For entry; `true`
 * and `yes` mean 1), or a list of proxy addresses and CIDR ranges.
 */
export type TrustProxy = false | number | string[];

const trustProxy = z.string().transform((raw, ctx): TrustProxy => {
  const v = raw.trim().toLowerCase();
  if (['', '0', 'false', 'no'].includes(v)) return false;
  if (['true', 'yes'].includes(v)) return 1;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops <= 20) return hops;
    ctx.addIssue({ code: 'custom', message: `${hops} proxy hops is more than 20: give the number of proxies in front of Amtszeit (usually 1)` });
    return z.NEVER;
  }
  const entries = raw.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (entries.length === 0 || bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `"${bad.join('", "') || raw}" is neither a number of proxy hops nor a proxy address or CIDR range: use false, a number (1 = one proxy in front), or a comma-separated list such as 10.0.0.5,10.1.0.0/16`,
    });
    return z.NEVER;
  }
  return entries;
});

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
  /** which proxies to believe about the client's address: false, a number of hops, or a list (see TrustProxy) */
  TRUST_PROXY: trustProxy.default(false),
  /** write requests (holds, bookings, moves, form posts, logins) per client address and minute, counted in the database; 0 = no limit */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  /** availability reads (the API's availability and earliest, the time step page) per client address and minute; 0 = no limit */
  RATE_LIMIT_READS_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
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
  /** mails sent side by side per process (SMTP connections kept open); see docs/mail.md */
  MAIL_CONNECTIONS: z.coerce.number({ message: 'must be a whole number of connections, e.g. 4' }).int().min(1, 'at least 1 connection').max(50, 'at most 50 connections per process').default(4),
  /** outbox rows one relay claims at once */
  MAIL_BATCH_SIZE: z.coerce.number({ message: 'must be a whole number of mails, e.g. 20' }).int().min(1, 'at least 1 mail').max(500, 'at most 500 mails').default(20),
  /** how long a claimed mail is reserved for the relay that claimed it (ms), renewed every third of it while sending; a killed relay's mails go out after it */
  MAIL_LEASE_MS: z.coerce.number({ message: 'must be a number of milliseconds, e.g. 30000' }).int().min(3000, 'at least 3000 ms (3 s)').max(600_000, 'at most 600000 ms (10 min)').default(30_000),
  /** how often the relay looks at the outbox without being woken (ms) */
  MAIL_POLL_MS: z.coerce.number({ message: 'must be a number of milliseconds, e.g. 1000' }).int().min(50, 'at least 50 ms').max(60_000, 'at most 60000 ms (1 min)').default(1000),
  /** how often an unreachable mail server is tried again (ms); the mails that waited go out as soon as it answers */
  MAIL_RECHECK_MS: z.coerce.number({ message: 'must be a number of milliseconds, e.g. 5000' }).int().min(500, 'at least 500 ms').max(600_000, 'at most 600000 ms (10 min)').default(5000),
  /** how long the SMTP server may take to accept a connection or answer (ms) */
  MAIL_TIMEOUT_MS: z.coerce.number({ message: 'must be a number of milliseconds, e.g. 10000' }).int().min(1000, 'at least 1000 ms').max(120_000, 'at most 120000 ms (2 min)').default(10_000),
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
