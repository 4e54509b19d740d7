// Use case: the concerns offered (at one office or anywhere), in one language.
import { DomainError } from '../domain/errors.ts';
import type { Locale, Service } from '../domain/types.ts';
import type { AppContext } from './context.ts';

export interface ServiceView {
  id: string;
  name: string;
  area: string;
  minutes: number;
  maxQuantity: number;
  documents: string[];
  fee: string | null;
}

export function toServiceView(s: Service, locale: Locale): ServiceView {
  return {
    id: s.id,
    name: s.name[locale],
    area: s.area[locale],
    minutes: s.minutes,
    maxQuantity: s.maxQuantity,
    documents: [...s.documents[locale]],
    fee: s.fee ? s.fee[locale] : null,
  };
}

export async function listServices(ctx: AppContext, q: { office?: string; locale: Locale }): Promise<ServiceView[]> {
  const catalog = await ctx.catalog();
  let services = catalog.config.services;
  if (q.office !== undefined) {
    const office = catalog.offices.get(q.office);
    if (!office) throw new DomainError('validation', { fields: { office: { key: 'office.unknown', params: { id: q.office } } } });
    services = services.filter((s) => office.services.includes(s.id));
  } else {
    const offered = new Set(catalog.config.offices.flatMap((o) => o.services));
    services = services.filter((s) => offered.has(s.id));
  }
  return services.map((s) => toServiceView(s, q.locale));
}
