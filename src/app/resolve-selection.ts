// Turns an office id and a choice of concerns into an office and a duration,
// or a validation error listing every problem.
import { DomainError, type FieldErrors } from '../domain/errors.ts';
import { checkSelection } from '../domain/service-selection.ts';
import type { Office, ServiceRequest } from '../domain/types.ts';
import type { Catalog } from './catalog.ts';

export interface ResolvedSelection {
  office: Office;
  requests: ServiceRequest[];
  durationMinutes: number;
}

export function checkOfficeSelection(
  catalog: Catalog,
  officeId: string | undefined,
  requests: ServiceRequest[],
): { ok: true; value: ResolvedSelection } | { ok: false; fields: FieldErrors } {
  if (!officeId) return { ok: false, fields: { office: { key: 'office.required' } } };
  const office = catalog.offices.get(officeId);
  if (!office) return { ok: false, fields: { office: { key: 'office.unknown', params: { id: officeId } } } };
  const sel = checkSelection(catalog.services, office, requests);
  if (!sel.ok) return { ok: false, fields: sel.fields };
  return { ok: true, value: { office, requests: sel.requests, durationMinutes: sel.durationMinutes } };
}

export function resolveSelection(catalog: Catalog, officeId: string | undefined, requests: ServiceRequest[]): ResolvedSelection {
  const r = checkOfficeSelection(catalog, officeId, requests);
  if (!r.ok) throw new DomainError('validation', { fields: r.fields });
  return r.value;
}
