// Use case: free times for a phone booking (phone lanes) or a walk-in (every
// counter): the nearest from today, or every time of a chosen day, optionally
// only mornings or afternoons; with the month around it (staff-time-search.ts).
import type { ServiceRequest } from '../../domain/types.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import { checkOfficeSelection } from '../resolve-selection.ts';
import { requireOffice, type StaffUser } from './access.ts';
import { searchStaffTimes, type TimeSearch, type TimeSearchResult } from './staff-time-search.ts';

export async function findFreeTimes(
  ctx: AppContext, user: StaffUser,
  q: { office: string; services: ServiceRequest[]; channel: 'phone' | 'counter' } & TimeSearch,
): Promise<{ durationMinutes: number } & TimeSearchResult> {
  const catalog = await ctx.catalog();
  requireOffice(user, q.office, catalog);
  const sel = checkOfficeSelection(catalog, q.office, q.services);
  if (!sel.ok) throw new DomainError('validation', { fields: sel.fields });
  const { office, durationMinutes } = sel.value;
  const found = await searchStaffTimes(ctx, { catalog, office, durationMinutes, channel: q.channel, search: q });
  return { durationMinutes, ...found };
}
