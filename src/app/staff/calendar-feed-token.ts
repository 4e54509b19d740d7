// Calendar feed tokens: 256 random bits (base64url) after the prefix `azf_`;
// only the SHA-256 is stored. Wrong tokens are counted per IP address in the
// table of failed logins and refused for a while after too many.
import { randomBytes } from 'node:crypto';

export const FEED_TOKEN_PREFIX = 'azf_';
/** wrong feed tokens from one IP address within THROTTLE_MINUTES before further ones are refused */
export const MAX_WRONG_FEED_TOKENS_PER_IP = 20;

export function newFeedToken(): string {
  return FEED_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function looksLikeFeedToken(token: string): boolean {
  return /^azf_[A-Za-z0-9_-]{43}$/.test(token);
}

export function feedPath(token: string): string {
  return `/staff/kalender/feed/${token}.ics`;
}
