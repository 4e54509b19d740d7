// PostgreSQL error helpers and a retry loop for contention. `fn` passed to
// withRetry must be a whole unit of work (typically one db.transaction()), so
// running it again is safe. When contention persists the caller gets
// DomainError('busy'), which http/ turns into 503 with Retry-After.
import { DomainError } from '../domain/errors.ts';

/** Retried with backoff: the next attempt will likely succeed. */
const RETRYABLE_CODES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available (lock_timeout, NOWAIT)
  '53300', // too_many_connections
]);
/** Not retried (it would multiply the load), but reported as busy rather than as a crash. */
const BUSY_CODES = new Set([
  '57014', // query_canceled, e.g. by statement_timeout
]);
/** pg-pool's errors when no connection became free, or a new one was not ready, within connectionTimeoutMillis. */
const POOL_TIMEOUT = /^(timeout exceeded when trying to connect|Connection terminated due to connection timeout)$/;

/** The SQLSTATE of a database error (also when wrapped as `cause`), else undefined. */
export function pgErrorCode(e: unknown): string | undefined {
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function constraintOf(e: unknown): string | undefined {
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    const c = (e as { constraint?: unknown }).constraint;
    if (typeof c === 'string') return c;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** 23505; with `constraint`, only a violation of that unique constraint or index. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  return pgErrorCode(e) === '23505' && (constraint === undefined || constraintOf(e) === constraint);
}

/** 23P01 (e.g. appointments_no_overlap); with `constraint`, only that one. */
export function isExclusionViolation(e: unknown, constraint?: string): boolean {
  return pgErrorCode(e) === '23P01' && (constraint === undefined || constraintOf(e) === constraint);
}

export function isRetryable(e: unknown): boolean {
  const code = pgErrorCode(e);
  if (code) return RETRYABLE_CODES.has(code);
  return e instanceof Error && POOL_TIMEOUT.test(e.message);
}

export interface RetryOptions {
  /** total attempts including the first; default 5 */
  attempts?: number;
  /** first backoff step; doubles each retry, full jitter; default 20 ms */
  baseDelayMs?: number;
  /** cap for one backoff; default 1000 ms */
  maxDelayMs?: number;
  onRetry?: (error: unknown, attempt: number) => void;
}

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const { attempts = 5, baseDelayMs = 20, maxDelayMs = 1000 } = opts;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const code = pgErrorCode(e);
      if (code && BUSY_CODES.has(code)) throw busy(e);
      if (!isRetryable(e)) throw e;
      if (attempt >= attempts) throw busy(e);
      opts.onRetry?.(e, attempt);
      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      await new Promise((r) => setTimeout(r, Math.random() * ceiling));
    }
  }
}

function busy(cause: unknown): DomainError {
  const err = new DomainError('busy', { retryAfterSeconds: 1 });
  (err as Error).cause = cause;
  return err;
}
