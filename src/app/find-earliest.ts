// Use case: the earliest bookable time at each office that offers all the chosen concerns.
import { DomainError } from '../domain/errors.ts';
import { checkSelection } from '../domain/service-selection.ts';
import type { ServiceRequest } from '../domain/types.ts';
import type { AppContext } from './context.ts';
import { earliestStart } from './earliest-start.ts';
import { slotTime, type SlotTime } from './slot-time.ts';

export async function findEarliestPerOffice(
  ctx: AppContext,
  q: { services: ServiceRequest[] },
): Promise<(SlotTime & { office: string })[]> {
  const catalog = await ctx.catalog();
  const now = ctx.now();
  const tz = catalog.config.organization.timezone;
  // Validate the concerns themselves (unknown ids, quantities) against any office offering each.
  const unknown = q.services.findIndex((r) => !catalog.services.has(r.id));
  if (q.services.length === 0) throw new DomainError('validation', { fields: { services: { key: 'services.empty' } } });
  if (unknown >= 0)
    throw new DomainError('validation', {
      fields: { [`services[${unknown}]`]: { key: 'services.unknown', params: { id: q.services[unknown].id } } },
    });
  const results: (SlotTime & { office: string })[] = [];
  const candidates: { office: string; ms: number }[] = [];
  for (const office of catalog.config.offices) {
    if (!q.services.every((r) => office.services.includes(r.id))) continue;
    const sel = checkSelection(catalog.services, office, q.services);
    if (!sel.ok) {
      // quantities or counts that no office accepts are the caller's mistake
      const onlyOffer = Object.values(sel.fields).every((f) => f.key === 'services.not_offered');
      if (!onlyOffer) throw new DomainError('validation', { fields: sel.fields });
      continue;
    }
    const ms = await earliestStart(ctx, { catalog, office, durationMinutes: sel.durationMinutes, channel: 'online', now });
    if (ms !== null) candidates.push({ office: office.id, ms });
  }
  candidates.sort((a, b) => a.ms - b.ms);
  for (const c of candidates) results.push({ office: c.office, ...slotTime(c.ms, tz) });
  return results;
}
