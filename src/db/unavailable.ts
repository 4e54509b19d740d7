// Which errors mean "the database cannot be reached or is overloaded right
// now" (answer 503 with Retry-After; the request may be tried again) rather
// than a bug (500). Shared by the API, the citizen pages and the back office.

/** SQLSTATE classes and codes of an unreachable, shutting-down, missing or overloaded database. */
const UNAVAILABLE_CODE = /^(08|53|57P0[1-3]|57014$|3D000$|28)/;
/** Node's socket errors while talking to the database. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** pg's and pg-pool's own messages for a connection that failed, timed out or was lost. */
const CONNECTION_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Client was closed and is not queryable|Connection terminated due to connection timeout)/;

export function isDatabaseUnavailable(e: unknown): boolean {
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_CODE.test(code)))) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGE.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
