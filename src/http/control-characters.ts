// No text with a NUL byte or another control character reaches the database
// (PostgreSQL refuses NUL in text: 22P05) or a mail: every request's body and
// query are checked before any route sees them. Tab, line feed and carriage
// return stay allowed (a multi-line reason or address).

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The path of the first string (or key) holding a control character, e.g. `contact.name`; null if none. */
export function findControlCharacter(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path || '(value)' : null;
  if (depth > 20 || typeof value !== 'object' || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    const here = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (CONTROL.test(key)) return here;
    const found = findControlCharacter(inner, here, depth + 1);
    if (found) return found;
  }
  return null;
}

export class ControlCharacterError extends Error {
  readonly statusCode = 400;
  readonly code = 'AZ_CONTROL_CHARACTER';
  constructor(readonly field: string) {
    super(`control character in ${field}`);
  }
}
