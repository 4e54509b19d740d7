// Transport-neutral error codes. Only src/http maps them to statuses and texts.

export const ERROR_CODES = [
  'validation',        // input is malformed or breaks a rule; `fields` says which
  'not_found',         // unknown id/reference, or wrong manage token
  'slot_unavailable',  // the time is not (or no longer) bookable
  'limit_reached',     // maxActivePerEmail
  'expired',           // a pending booking was not confirmed in time
  'too_late',          // cancel/reschedule after cancelUntilMinutes
  'not_allowed',       // the appointment's status does not allow the action
  'idempotency_mismatch', // same Idempotency-Key, another body
  'busy',              // database contention persisted; try again later
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** field path (`contact.email`) -> message key with parameters */
export type FieldErrors = Record<string, FieldProblem>;
export interface FieldProblem {
  /** message key, see src/http/messages.ts */
  key: string;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: { fields?: FieldErrors; alternatives?: unknown[]; retryAfterSeconds?: number } = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
