// Idempotency-Key support for booking. The key is stored only as a hash and
// the first answer (which holds the manage token) is encrypted with a key
// derived from the Idempotency-Key itself: only its holder can replay it, and
// a copy of the database reveals no token.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

export const IDEMPOTENCY_HOURS = 24;

export interface IdempotencyRequest {
  key: string;
  /** any JSON-able description of the request body */
  body: unknown;
}

export function keyHash(orgId: string, key: string): string {
  return createHash('sha256').update(`${orgId}\u0000${key}`).digest('hex');
}

/** Hash of the body with object keys sorted, so key order does not matter. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

function derive(key: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, 'amtszeit-idempotency', 'response', 32));
}

export function sealResponse(key: string, value: unknown): { iv: string; data: string; tag: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(key), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

export function openResponse<T>(key: string, sealed: unknown): T | null {
  try {
    const s = sealed as { iv: string; data: string; tag: string };
    const decipher = createDecipheriv('aes-256-gcm', derive(key), Buffer.from(s.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(s.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(s.data, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  } catch {
    return null;
  }
}
