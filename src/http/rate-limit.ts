// Rate limits per client address on the HTTP routes, counted in the database
// every instance shares (app/count-request.ts, table rate_limits): N server
// processes on one database enforce one limit. @fastify/rate-limit does the
// plumbing (an onRequest hook on each limited route, so nothing is parsed
// first; IPv6 clients counted per /64; X-RateLimit-* and Retry-After headers;
// the 429 error that http/errors.ts, the citizen pages and the back office
// answer in their own format); the store here makes it one statement per request.
// Two buckets, each a fixed one-minute window per client address: `write`
// (holds, bookings, moves, form posts, logins: one budget over all of them) and
// `read` (availability). The client address is req.ip, i.e. what the trusted
// proxies say (http/trust-proxy.ts), never a forgeable header on its own.
// When the counter cannot be written (database unreachable) the request goes
// on unlimited — fail open — and meets the database itself: a real outage then
// answers 503 busy with Retry-After there, never 500. A warning is logged at
// most every 10 seconds.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import rateLimit, { type FastifyRateLimitStore, type RateLimitOptions } from '@fastify/rate-limit';
import type { AppContext } from '../app/context.ts';
import { countRequest } from '../app/count-request.ts';

export const WINDOW_MS = 60_000;
const WARN_EVERY_MS = 10_000;

export type LimitBucket = 'write' | 'read';

/** A route's `config` for a limited route: `{ rateLimit }`, or `{}` when the limit is off. */
export type LimitConfig = { rateLimit?: RateLimitOptions };

export interface RouteLimits {
  write: LimitConfig;
  read: LimitConfig;
}

type StoreParams = { bucket?: LimitBucket };

function sharedStore(ctx: AppContext, log: FastifyBaseLogger) {
  let warnedAt = 0;
  return class SharedStore implements FastifyRateLimitStore {
    private readonly bucket: LimitBucket;
    constructor(params: StoreParams = {}) {
      this.bucket = params.bucket ?? 'write';
    }

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      countRequest(ctx, { bucket: this.bucket, key, windowMs: timeWindow }).then(
        (r) => callback(null, { current: r.count, ttl: r.resetInMs }),
        (err: unknown) => {
          const now = Date.now();
          if (now - warnedAt >= WARN_EVERY_MS) {
            warnedAt = now;
            const e = err as { code?: string; message?: string };
            log.warn({ err: { code: e?.code, message: e?.message }, bucket: this.bucket }, 'rate limit counter unavailable: requests pass unlimited');
          }
          callback(err instanceof Error ? err : new Error(String(err)));
        },
      );
    }

    child(routeOptions: object): FastifyRateLimitStore {
      return new SharedStore(routeOptions as StoreParams);
    }
  };
}

/** Registers the limiter; returns the `config` to give write and read routes (per minute; 0 = off). */
export async function registerRateLimits(
  app: FastifyInstance,
  ctx: AppContext,
  perMinute: { writes: number; reads: number },
): Promise<RouteLimits> {
  await app.register(rateLimit, { global: false, store: sharedStore(ctx, app.log), skipOnError: true });
  const limit = (bucket: LimitBucket, max: number): LimitConfig => {
    if (max <= 0) return {};
    const options: RateLimitOptions & StoreParams = { max, timeWindow: WINDOW_MS, bucket };
    return { rateLimit: options };
  };
  return { write: limit('write', perMinute.writes), read: limit('read', perMinute.reads) };
}
