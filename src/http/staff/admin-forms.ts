// Helpers of the administration routes: repeated form fields, validation
// problems as messages beside the fields, dates in the organization's zone.
import type { FastifyRequest } from 'fastify';
import { isDomainError } from '../../domain/errors.ts';
import { localDateOf, localTimeOf } from '../../domain/time.ts';
import type { FormError } from '../views/staff/admin-parts.tsx';
import type { AdminTexts } from '../views/staff/admin-texts.ts';
import { clip } from '../clip.ts';

/** Every value of a repeated form field (checkboxes), at most `max`. */
export function formList(req: FastifyRequest, name: string, max = 100): string[] {
  const v = (req.body as Record<string, unknown> | undefined)?.[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string').slice(0, max).map((x) => clip(x, 100));
}

/** A validation error's fields as messages; anything else is thrown on. */
export function formErrors(e: unknown, a: AdminTexts): FormError[] {
  if (!isDomainError(e) || e.code !== 'validation') throw e;
  return Object.entries(e.details.fields ?? {}).map(([id, p]) => ({ id, message: a.fieldErrors[p.key] ?? a.fieldErrors['label.required'] }));
}

export function when(d: Date | null, tz: string): string | null {
  return d ? `${localDateOf(d.getTime(), tz)} ${localTimeOf(d.getTime(), tz)}` : null;
}

export function param(req: FastifyRequest, name: string): string {
  return clip(String((req.params as Record<string, unknown>)[name] ?? ''), 100);
}
