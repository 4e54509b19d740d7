// Use case: the offices, as the public API lists them.
import type { AppContext } from './context.ts';

export interface OfficeView {
  id: string;
  name: string;
  address: string;
  phone: string;
  email: string;
  services: string[];
}

export async function listOffices(ctx: AppContext): Promise<OfficeView[]> {
  const catalog = await ctx.catalog();
  return catalog.config.offices.map((o) => ({
    id: o.id,
    name: o.name,
    address: o.address,
    phone: o.phone,
    email: o.email,
    services: [...o.services],
  }));
}
