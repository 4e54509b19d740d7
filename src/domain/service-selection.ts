// Checks a citizen's choice of concerns against the catalogue and the office,
// and works out how long the appointment lasts.
import type { FieldErrors } from './errors.ts';
import type { Office, Service, ServiceRequest } from './types.ts';

export type SelectionResult =
  | { ok: true; requests: ServiceRequest[]; durationMinutes: number }
  | { ok: false; fields: FieldErrors };

/** Sum of minutes × quantity, rounded up to the office's grid (at least one slot). */
export function selectionMinutes(services: Map<string, Service>, requests: ServiceRequest[], slotMinutes: number): number {
  const raw = requests.reduce((sum, r) => sum + (services.get(r.id)?.minutes ?? 0) * r.quantity, 0);
  return Math.max(slotMinutes, Math.ceil(raw / slotMinutes) * slotMinutes);
}

export function checkSelection(
  services: Map<string, Service>,
  office: Office,
  requests: ServiceRequest[],
  field = 'services',
): SelectionResult {
  const fields: FieldErrors = {};
  if (requests.length === 0) {
    fields[field] = { key: 'services.empty' };
    return { ok: false, fields };
  }
  const seen = new Set<string>();
  requests.forEach((r, i) => {
    const path = `${field}[${i}]`;
    const service = services.get(r.id);
    if (seen.has(r.id)) fields[path] = { key: 'services.duplicate', params: { id: r.id } };
    else if (!service) fields[path] = { key: 'services.unknown', params: { id: r.id } };
    else if (!office.services.includes(r.id)) fields[path] = { key: 'services.not_offered', params: { id: r.id, office: office.name } };
    else if (!Number.isInteger(r.quantity) || r.quantity < 1 || r.quantity > service.maxQuantity)
      fields[path] = { key: 'services.quantity', params: { id: r.id, max: service.maxQuantity } };
    seen.add(r.id);
  });
  if (seen.size > office.booking.maxServices) fields[field] = { key: 'services.too_many', params: { max: office.booking.maxServices } };
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, requests, durationMinutes: selectionMinutes(services, requests, office.slotMinutes) };
}
