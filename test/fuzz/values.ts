// Hostile values for the fuzz test (test/integration/fuzz.test.ts): strings
// (huge, unicode, control characters, lone surrogates, escapes), odd dates and
// instants, numbers at the edges, wrong types and deep nesting.
import fc from 'fast-check';

export const ODD_DATES = [
  '9999-12-31', '9999-12-01', '9998-12-31', '0000-00-00', '0000-01-01', '0001-01-01', '1000-01-01', '1001-01-01',
  '2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-11-31', '2026-11-30', '2026-12-24', '2027-01-01',
  '10000-01-01', '+275760-09-13', '-000001-01-01', '2026-1-1', '20261130', '2026-11-30T09:00', 'today', '',
];

export const ODD_INSTANTS = [
  '9999-12-31T23:59:59+01:00', '9999-12-31T10:00:00+01:00', '0000-01-01T00:00:00Z', '1000-01-01T00:00:00+00:00',
  '2026-11-30T09:00:00Z', '2026-11-30T09:00:00+14:00', '2026-11-30T09:00:00-12:00', '2026-11-30T09:00:00+01:00',
  '2026-11-30T25:00:00+01:00', '2026-11-30T09:00:00.123456789+01:00', '2026-11-30T09:00:00+01:00[Europe/Berlin]',
  '2026-03-29T02:30:00+01:00', '2026-10-25T02:30:00+02:00', '2026-11-30 09:00', '2026-11-30T09:07:00+01:00',
  '+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z', '2026-11-30T09:00:00+99:99', 'tomorrow', '',
];

export const ODD_NUMBERS = [0, -1, 1, 2, 7, 1000, 1001, 1.5, -0.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 53), 1e21, 1e308, -1e308, Number.MIN_VALUE];

const CONTROL = fc.constantFrom('\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u007f', '\t', '\r\n', '\u0085', '\u2028');
const SPECIAL = fc.constantFrom(
  "'; DROP TABLE appointments; --", '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '../../etc/passwd',
  '%00', '%zz', '%E0%A4%A', '%', '\\u0000', '${7*7}', '{{7*7}}', '__proto__', 'constructor', 'null', 'undefined', 'NaN',
  '\ud800', '\udfff', '\ud83d', '😀', '👩‍👩‍👧‍👦', 'ﷺ', 'ß', 'İ', '\u202e', '\u200b', '\ufeff', 'Ω≈ç√∫', '日本語', 'a'.repeat(65),
  ' ', '   ', '\u3000', 'true', 'false', '0', '-1', '1e309', 'K7Q2-9XMD', 'k7q2-9xmd', 'AAAAAAAA',
);

/** `arb` with probability `p`, else null (fc.option's freq counts the other way round). */
export function sometimes<T>(arb: fc.Arbitrary<T>, p: number): fc.Arbitrary<T | null> {
  const weight = Math.round(p * 100);
  return fc.oneof({ weight, arbitrary: arb }, { weight: 100 - weight, arbitrary: fc.constant(null) });
}

/** A string that may be anything a client could send. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 3, arbitrary: SPECIAL },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), CONTROL, fc.string({ maxLength: 8 })).map(([a, c, b]) => a + c + b) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_DATES, ...ODD_INSTANTS) },
  { weight: 1, arbitrary: fc.constantFrom(1_000, 10_000, 70_000).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom(300, 3_000).map((n) => 'é😀'.repeat(n)) },
);

/** A string for a URL or form field, kept shorter (a whole URL stays under the header limit). */
export const hostileShortString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: hostileString.filter((s) => s.length <= 2_000) },
  { weight: 1, arbitrary: fc.constant('y'.repeat(3_000)) },
);

/** Any JSON value, of any type, with edge numbers and deep nesting now and then. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_NUMBERS) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': '' }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 400 }).map((n) => nest(n)) },
);

function nest(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Raw bodies that are not the JSON they claim to be, or JSON too deep to parse politely. */
export const hostileRawBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('{', '{"office": ', 'null', '[]', '"x"', '1e309', '{"a":1,"a":2}', '{"__proto__":{"admin":true}}', '\u0000', '{}garbage', ' '),
  fc.integer({ min: 1_000, max: 100_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.constantFrom(60_000, 70_000).map((n) => JSON.stringify({ office: 'x'.repeat(n) })),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
