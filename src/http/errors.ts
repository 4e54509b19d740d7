// Maps domain errors and framework errors to HTTP answers `{ error, message, fields? }`.
// No input may produce a 5xx: only contention (503) and real bugs (500) do.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '../domain/errors.ts';
import type { Locale } from '../domain/types.ts';
import { NoOrganizationError } from '../app/context.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { ControlCharacterError } from './control-characters.ts';
import { message } from './messages.ts';
import { requestLocale } from './api/request.ts';

const STATUS: Record<ErrorCode, number> = {
  validation: 422,
  not_found: 404,
  slot_unavailable: 409,
  limit_reached: 429,
  expired: 410,
  too_late: 409,
  not_allowed: 409,
  idempotency_mismatch: 422,
  busy: 503,
};

export interface ErrorBody {
  error: string;
  message: string;
  fields?: Record<string, string>;
  alternatives?: unknown[];
}

export function domainErrorBody(e: DomainError, locale: Locale): { status: number; body: ErrorBody } {
  const body: ErrorBody = { error: e.code, message: message(`error.${e.code}`, locale) };
  if (e.details.fields) {
    body.fields = Object.fromEntries(
      Object.entries(e.details.fields).map(([path, p]) => [path, message(p.key, locale, p.params)]),
    );
  }
  if (e.code === 'slot_unavailable') body.alternatives = e.details.alternatives ?? [];
  return { status: STATUS[e.code], body };
}

const FRAMEWORK: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request' },
};

export async function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const locale = requestLocale(req);
  if (err instanceof DomainError) {
    const { status, body } = domainErrorBody(err, locale);
    if (err.code === 'busy') reply.header('Retry-After', String(err.details.retryAfterSeconds ?? 1));
    await reply.status(status).send(body);
    return;
  }
  if (err instanceof ControlCharacterError) {
    await reply.status(400).send({ error: 'invalid_characters', message: message('error.invalid_characters', locale), fields: { [err.field]: message('error.invalid_characters', locale) } });
    return;
  }
  const known = err.code ? FRAMEWORK[err.code] : undefined;
  if (known) {
    await reply.status(known.status).send({ error: known.code, message: message(`error.${known.code}`, locale, { detail: err.message }) });
    return;
  }
  if (err.statusCode === 429) {
    await reply.status(429).send({ error: 'rate_limited', message: message('error.rate_limited', locale) });
    return;
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    await reply.status(err.statusCode).send({ error: 'bad_request', message: message('error.bad_request', locale, { detail: err.message }) });
    return;
  }
  if (isDatabaseUnavailable(err) || err instanceof NoOrganizationError) {
    req.log.warn({ err: { code: err.code, message: err.message } }, 'database unavailable');
    reply.header('Retry-After', '5');
    await reply.status(503).send({ error: 'busy', message: message('error.busy', locale) });
    return;
  }
  req.log.error({ err }, 'unexpected error');
  await reply.status(500).send({ error: 'internal', message: message('error.internal', locale) });
}

/** An unknown address answers 404; a known one asked with another method 405 with `Allow`. */
export async function handleNotFound(req: FastifyRequest, reply: FastifyReply, allowed: string[] = []): Promise<void> {
  const locale = requestLocale(req);
  if (allowed.length > 0) {
    const methods = allowed.includes('GET') && !allowed.includes('HEAD') ? [...allowed, 'HEAD'] : allowed;
    await reply.status(405).header('Allow', methods.join(', ')).send({ error: 'method_not_allowed', message: message('error.method_not_allowed', locale) });
    return;
  }
  const url = req.url.split('?')[0].slice(0, 200);
  await reply.status(404).send({ error: 'not_found', message: message('error.route_not_found', locale, { method: req.method, url }) });
}
