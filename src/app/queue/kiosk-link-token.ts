// Kiosk link tokens: 256 random bits (base64url) after the prefix `azk_`; only
// the SHA-256 is stored. The kiosk's address is /kiosk/{office}/{token}.
import { randomBytes } from 'node:crypto';

export function newKioskToken(): string {
  return 'azk_' + randomBytes(32).toString('base64url');
}

export function looksLikeKioskToken(token: string): boolean {
  return /^azk_[A-Za-z0-9_-]{43}$/.test(token);
}

export function kioskPath(officeId: string, token: string): string {
  return `/kiosk/${encodeURIComponent(officeId)}/${token}`;
}
