// Use case: count one request of a client against a limit, in the table every
// instance shares (rate_limits), so N server processes on one database enforce
// one limit. Fixed windows aligned to multiples of `windowMs` since the epoch
// (every instance agrees where a window starts); one statement per request.
// Used by the HTTP rate limits (http/rate-limit.ts) and meant for any later
// per-client limit (bot protection): pick a new `bucket` name.
import { incrementRequestCount } from '../db/repositories/rate-limit-repo.ts';
import type { AppContext } from './context.ts';

export interface RequestCount {
  /** requests counted in this window so far, this one included */
  count: number;
  /** milliseconds until this window ends and the count starts again */
  resetInMs: number;
}

/** Longest key stored: a normalised IP address is far shorter; anything longer is cut. */
const MAX_KEY = 200;

export async function countRequest(ctx: AppContext, q: { bucket: string; key: string; windowMs: number }): Promise<RequestCount> {
  const now = ctx.now();
  const windowMs = Math.max(1000, Math.trunc(q.windowMs));
  const start = now - (((now % windowMs) + windowMs) % windowMs);
  const end = start + windowMs;
  const count = await incrementRequestCount(ctx.db, {
    orgId: ctx.orgId, bucket: q.bucket, key: q.key.slice(0, MAX_KEY), windowStart: new Date(start), expiresAt: new Date(end),
  });
  return { count, resetInMs: end - now };
}
