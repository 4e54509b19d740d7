// Requests generated from the OpenAPI document the server serves: for each
// operation its path parameters, query parameters, headers and JSON body
// (from the body's schema, see schema.ts), with values the server knows mixed
// with hostile ones, malformed escapes, repeated or unknown parameters, wrong
// content types, unparsable bodies, other methods and staff credentials.
import fc from 'fast-check';
import { fromSchema, mutated, type Hints, type Schema } from './schema.ts';
import { percentEncode, type FuzzRequest } from './request.ts';
import { hostileRawBody, hostileShortString, sometimes } from './values.ts';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

/**
 * Known values by name, for parameters (path, query, header) and for body
 * properties: those the server accepts and some it must refuse.
 */
export interface ApiHints {
  params: Record<string, { valid: unknown[]; invalid: unknown[] }>;
  body: Record<string, { valid: unknown[]; invalid: unknown[] }>;
}

const BROKEN_ESCAPES = ['%E0%A4%A', '%zz', '%', '%00', '%2F', '..', '.', '%2e%2e', '%C0%AF', '%FF%FE'];
/** printable ASCII: what a header may hold */
const headerSafe = (s: string) => /^[\x20-\x7e]{0,1000}$/.test(s);

function hintArbs(hints: ApiHints['params'], wellFormed: boolean): Hints {
  return Object.fromEntries(Object.entries(hints).map(([name, h]) => [
    name,
    wellFormed || h.invalid.length === 0
      ? fc.constantFrom(...h.valid)
      : fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...h.valid) }, { weight: 1, arbitrary: fc.constantFrom(...h.invalid) }),
  ]));
}

/**
 * One operation's requests. Well-formed ones use known values only, the
 * right method and content type: they reach the use cases (bookings, holds,
 * moves). Hostile ones mix in everything else.
 */
function operationRequests(path: string, method: string, op: Operation, components: Record<string, Schema>, hints: ApiHints, wellFormed: boolean): fc.Arbitrary<FuzzRequest> {
  const params = op.parameters ?? [];
  const paramHints = hintArbs(hints.params, wellFormed);
  const bodyHints = hintArbs(hints.body, wellFormed);
  const paramValue = (p: Parameter): fc.Arbitrary<string> => {
    const known = (paramHints[p.name] as fc.Arbitrary<string> | undefined)
      ?? (Array.isArray(p.schema?.enum) ? fc.constantFrom(...(p.schema.enum as string[])) : undefined);
    if (wellFormed) return known ?? fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), maxLength: 12 });
    return known ? fc.oneof({ weight: 5, arbitrary: known }, { weight: 2, arbitrary: hostileShortString }) : hostileShortString;
  };
  const encoded = (p: Parameter): fc.Arbitrary<string> => wellFormed
    ? paramValue(p).map(percentEncode)
    : fc.oneof(
      { weight: 8, arbitrary: paramValue(p).map(percentEncode) },
      { weight: 1, arbitrary: fc.tuple(paramValue(p).map(percentEncode), fc.constantFrom(...BROKEN_ESCAPES)).map(([v, b]) => v + b) },
    );
  const values = (p: Parameter) => wellFormed
    ? encoded(p).map((v) => [v])
    : fc.oneof({ weight: 6, arbitrary: encoded(p).map((v) => [v]) }, { weight: 1, arbitrary: fc.array(encoded(p), { minLength: 2, maxLength: 3 }) });

  const pathParts = params.filter((p) => p.in === 'path').map((p) => encoded(p).map((v) => [p.name, v] as const));
  const queryParts = params.filter((p) => p.in === 'query').map((p) =>
    sometimes(values(p).map((vs) => vs.map((v) => `${percentEncode(p.name)}=${v}`).join('&')), p.required ? (wellFormed ? 1 : 0.9) : 0.4));
  const extraQuery = sometimes(fc.tuple(hostileShortString, hostileShortString).map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`), wellFormed ? 0 : 0.15);
  const headerParts = params.filter((p) => p.in === 'header').map((p) =>
    sometimes(paramValue(p).filter(headerSafe).map((v) => [p.name.toLowerCase(), v] as const), 0.5));
  const staff = op.security !== undefined;
  const actor = wellFormed
    ? fc.constant<FuzzRequest['as']>(staff ? 'admin' : 'anonymous')
    : staff ? fc.constantFrom<FuzzRequest['as']>('admin', 'admin', 'admin', 'anonymous') : fc.constantFrom<FuzzRequest['as']>('anonymous', 'anonymous', 'anonymous', 'admin');
  const bearer = sometimes(fc.oneof(fc.constantFrom('azs_nothing', '', 'x'.repeat(500)), hostileShortString.filter(headerSafe)).map((t) => `Bearer ${t}`), wellFormed ? 0 : staff ? 0.25 : 0.05);

  const jsonSchema = op.requestBody?.content?.['application/json']?.schema;
  const json = (value: fc.Arbitrary<unknown>) => value.map((v) => ({ body: JSON.stringify(v) ?? 'null', type: 'application/json' }));
  const body: fc.Arbitrary<{ body?: string; type?: string }> = !jsonSchema
    ? (wellFormed ? fc.constant({}) : fc.oneof({ weight: 6, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: hostileRawBody.map((b) => ({ body: b, type: 'application/json' })) }))
    : wellFormed
      ? json(fromSchema(jsonSchema, { components, hints: bodyHints, strict: true }))
      : fc.oneof(
        { weight: 12, arbitrary: json(mutated(fromSchema(jsonSchema, { components, hints: bodyHints }))) },
        { weight: 2, arbitrary: hostileRawBody.map((b) => ({ body: b, type: 'application/json' })) },
        { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data', '').map((type) => ({ body: 'office=a&services=anmeldung', type })) },
        { weight: 1, arbitrary: fc.constant({}) },
      );
  const methods = wellFormed
    ? fc.constant(method.toUpperCase())
    : fc.oneof({ weight: 12, arbitrary: fc.constant(method.toUpperCase()) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS') });
  const accept = fc.constantFrom('application/json', 'application/json', '*/*', 'text/html');
  const lang = sometimes(wellFormed ? fc.constantFrom('de', 'en', 'en-GB,en;q=0.9') : fc.constantFrom('de', 'en', 'fr', 'en-GB,en;q=0.9', '*', 'x'.repeat(200), ';q=abc'), 0.3);

  return fc.record({
    path: fc.tuple(...pathParts), query: fc.tuple(...queryParts), extraQuery, headers: fc.tuple(...headerParts),
    as: actor, bearer, body, method: methods, accept, lang,
  }).map((g) => {
    let url = path;
    for (const [name, value] of g.path) url = url.replace(`{${name}}`, value);
    const query = [...g.query, g.extraQuery].filter((q): q is string => q !== null && q !== undefined);
    if (query.length) url += `?${query.join('&')}`;
    const headers: Record<string, string> = { accept: g.accept };
    for (const h of g.headers) if (h) headers[h[0]] = h[1];
    if (g.bearer) headers.authorization = g.bearer;
    if (g.lang) headers['accept-language'] = g.lang;
    if (g.body.type !== undefined) headers['content-type'] = g.body.type;
    const request: FuzzRequest = { method: g.method, url, headers, as: g.as };
    if (g.body.body !== undefined && g.method !== 'GET' && g.method !== 'HEAD') request.body = g.body.body;
    return request;
  });
}

/** Requests for every operation of the document, each operation about equally often, half of them well-formed. */
export function openApiRequests(doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } }, hints: ApiHints): fc.Arbitrary<FuzzRequest> {
  const ops: fc.Arbitrary<FuzzRequest>[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push(fc.oneof(
        operationRequests(path, method, op, doc.components.schemas, hints, true),
        operationRequests(path, method, op, doc.components.schemas, hints, false),
      ));
    }
  }
  return fc.oneof(...ops);
}
