// How long an appointment lasts: the concerns' minutes x quantity, rounded up to the slot grid.
import type { Service, ServiceRequest } from './types.ts';

/**
 * Sum of `minutes × quantity` over the requests, rounded up to a multiple of `slotMinutes`
 * (at least one slot). Throws RangeError for an unknown service id or a quantity that is not a
 * positive integer: the app layer validates requests before asking.
 */
export function appointmentMinutes(
  catalogue: readonly Service[] | ReadonlyMap<string, Service>,
  requests: readonly ServiceRequest[],
  slotMinutes: number,
): number {
  if (!Number.isInteger(slotMinutes) || slotMinutes <= 0) throw new RangeError(`invalid slotMinutes: ${slotMinutes}`);
  const byId = catalogue instanceof Map ? catalogue : new Map((catalogue as readonly Service[]).map((s) => [s.id, s]));
  let total = 0;
  for (const r of requests) {
    const s = byId.get(r.id);
    if (!s) throw new RangeError(`unknown service: ${r.id}`);
    if (!Number.isInteger(r.quantity) || r.quantity < 1) throw new RangeError(`invalid quantity for ${r.id}: ${r.quantity}`);
    total += s.minutes * r.quantity;
  }
  return Math.max(1, Math.ceil(total / slotMinutes)) * slotMinutes;
}
