// Use case: the concern search of the phone booking form — the citizens' finder
// (everyday words, typos, ae/oe/ue; domain/service-search.ts) over the concerns
// of one office, best first, with the city's hint where to go for things done
// elsewhere. Only in the staff member's own offices.
import { findServices } from '../../domain/service-search.ts';
import type { Locale } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { requireOffice, type StaffUser } from './access.ts';

export interface ConcernSearch {
  /** the words searched for, as typed (trimmed, at most 200 characters) */
  q: string;
  /** the matching concerns of the office, best first */
  ids: string[];
  /** where to go instead (the config's assistant redirects), or the general "not offered here" when nothing matches */
  redirect?: string;
  notFound?: string;
}

export async function findConcerns(ctx: AppContext, user: StaffUser, query: { office: string; q: string; locale: Locale }): Promise<ConcernSearch> {
  const catalog = await ctx.catalog();
  requireOffice(user, query.office, catalog);
  const office = catalog.offices.get(query.office)!;
  const services = office.services.map((id) => catalog.services.get(id)).filter((s) => s !== undefined);
  const q = query.q.trim().slice(0, 200);
  const r = findServices(services, q, catalog.config.assistant);
  return {
    q, ids: r.services.map((s) => s.id),
    ...(r.redirect ? { redirect: r.redirect[query.locale] } : {}),
    ...(r.notFound ? { notFound: r.notFound[query.locale] } : {}),
  };
}
