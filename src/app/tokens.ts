// References (read out on the phone) and manage tokens (secret, stored hashed).
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** No 0/O, 1/I/L, U: nothing a caller could mishear or misread. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const REFERENCE_LENGTH = 8;

/** A new reference, stored without the dash: `K7Q29XMD`. */
export function newReference(): string {
  let s = '';
  for (let i = 0; i < REFERENCE_LENGTH; i++) s += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return s;
}

/** `K7Q29XMD` -> `K7Q2-9XMD` */
export function formatReference(stored: string): string {
  return `${stored.slice(0, 4)}-${stored.slice(4)}`;
}

/** Accepts `k7q2-9xmd`, `K7Q2 9XMD`, …; null when it cannot be a reference. */
export function normalizeReference(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  if (s.length !== REFERENCE_LENGTH) return null;
  for (const c of s) if (!REFERENCE_ALPHABET.includes(c)) return null;
  return s;
}

/** A part of a reference (3 to 7 of its characters, dash and spaces ignored), else null. */
export function referenceFragment(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  if (s.length < 3 || s.length >= REFERENCE_LENGTH) return null;
  for (const c of s) if (!REFERENCE_ALPHABET.includes(c)) return null;
  return s;
}

/** 256 random bits, URL-safe. */
export function newManageToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented token with the stored hash. */
export function tokenMatches(presented: string | undefined, storedHash: string | null): boolean {
  if (!presented || !storedHash || presented.length > 200) return false;
  const a = Buffer.from(hashToken(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Normalised e-mail for counting an address's appointments. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Hold ids are random UUIDs; anything else cannot name a hold. */
export function isHoldId(s: string | undefined): s is string {
  return typeof s === 'string' && UUID.test(s);
}
