// Use case: the concerns matching everyday words, best first.
import { searchServices as rank } from '../domain/service-search.ts';
import type { Locale } from '../domain/types.ts';
import type { AppContext } from './context.ts';
import { listServices, type ServiceView } from './list-services.ts';

export async function searchServices(ctx: AppContext, q: { office?: string; locale: Locale; q: string }): Promise<ServiceView[]> {
  const offered = await listServices(ctx, { office: q.office, locale: q.locale });
  const catalog = await ctx.catalog();
  const byId = new Map(offered.map((v) => [v.id, v]));
  const candidates = catalog.config.services.filter((s) => byId.has(s.id));
  return rank(candidates, q.q.slice(0, 200)).map((s) => byId.get(s.id)!);
}
