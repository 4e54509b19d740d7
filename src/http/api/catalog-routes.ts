// GET /api/v1/offices and GET /api/v1/services
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { listOffices } from '../../app/list-offices.ts';
import { listServices } from '../../app/list-services.ts';
import { searchServices } from '../../app/search-services.ts';
import { queryString, requestLocale } from './request.ts';

export function registerCatalogRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/offices', async () => listOffices(ctx));

  app.get('/api/v1/services', async (req) => {
    const locale = requestLocale(req);
    const office = queryString(req, 'office');
    const q = queryString(req, 'q');
    if (q !== undefined && q.trim() !== '') return searchServices(ctx, { office, locale, q });
    return listServices(ctx, { office, locale });
  });
}
