// Staff session lifetimes and ids: 256 random bits in the cookie, only the SHA-256 stored.
import { randomBytes } from 'node:crypto';

/** a session ends after 30 minutes without a request … */
export const IDLE_MINUTES = 30;
/** … and 10 hours after login at the latest */
export const ABSOLUTE_HOURS = 10;

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}
