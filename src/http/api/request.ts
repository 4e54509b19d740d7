// Reading requests: schema validation into field problems, the `services`
// query syntax, the manage token and the caller's language.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { DomainError, type FieldErrors } from '../../domain/errors.ts';
import type { Locale, ServiceRequest } from '../../domain/types.ts';

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

/** Parses with a zod schema; every problem becomes a field error. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const fields: FieldErrors = {};
  for (const issue of r.error.issues) {
    const base = fieldPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) fields[base ? `${base}.${k}` : k] = { key: 'field.unknown' };
    } else if (issue.code === 'invalid_type') {
      const missing = valueAt(data, issue.path) === undefined;
      fields[base || '(body)'] = missing ? { key: 'field.required' } : { key: 'field.type', params: { expected: issue.expected } };
    } else if (issue.code === 'too_big' && issue.origin === 'string') {
      fields[base] = { key: 'field.too_long', params: { max: Number(issue.maximum) } };
    } else {
      fields[base || '(body)'] = { key: 'field.invalid' };
    }
  }
  throw new DomainError('validation', { fields });
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, p) ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  }
  return v;
}

/** `id:qty,id:qty` (qty defaults to 1) -> service requests. */
export function parseServicesParam(value: unknown, field = 'services'): ServiceRequest[] {
  if (value === undefined || value === '') throw new DomainError('validation', { fields: { [field]: { key: 'services.empty' } } });
  if (typeof value !== 'string' || value.length > 2000) throw new DomainError('validation', { fields: { [field]: { key: 'services.syntax' } } });
  const out: ServiceRequest[] = [];
  for (const part of value.split(',')) {
    const m = /^\s*([a-z0-9-]{1,64})\s*(?::\s*(\d{1,4})\s*)?$/.exec(part);
    if (!m) throw new DomainError('validation', { fields: { [field]: { key: 'services.syntax' } } });
    out.push({ id: m[1], quantity: m[2] === undefined ? 1 : Number(m[2]) });
  }
  return out;
}

/** A single optional string query parameter (repeated parameters are refused). */
export function queryString(req: FastifyRequest, name: string): string | undefined {
  const v = (req.query as Record<string, unknown>)[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new DomainError('validation', { fields: { [name]: { key: 'field.invalid' } } });
  return v;
}

export function manageToken(req: FastifyRequest): string | undefined {
  const header = req.headers['x-manage-token'];
  if (typeof header === 'string' && header) return header;
  const q = (req.query as Record<string, unknown>).token;
  return typeof q === 'string' && q ? q : undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** the organization's `defaultLocale`, set for every request in server.ts */
    orgLocale: Locale;
  }
}

/** `?lang=` first, then Accept-Language, then the organization's default. */
export function requestLocale(req: FastifyRequest, fallback: Locale = req.orgLocale ?? 'de'): Locale {
  return pickLocale((req.query as Record<string, unknown> | undefined)?.lang, req.headers['accept-language'], fallback);
}

/** `lang` if it names de or en, else the best-ranked of de/en in an Accept-Language header, else `fallback`. */
export function pickLocale(lang: unknown, acceptLanguage: unknown, fallback: Locale): Locale {
  if (lang === 'de' || lang === 'en') return lang;
  const header = acceptLanguage;
  if (typeof header === 'string') {
    const ranked = header
      .split(',')
      .map((part) => {
        const [tag, ...params] = part.trim().toLowerCase().split(';');
        const qv = params.find((p) => p.trim().startsWith('q='));
        return { lang: tag.split('-')[0], q: qv ? Number(qv.trim().slice(2)) || 0 : 1 };
      })
      .filter((x) => x.lang === 'de' || x.lang === 'en')
      .sort((a, b) => b.q - a.q);
    if (ranked[0]) return ranked[0].lang as Locale;
  }
  return fallback;
}
