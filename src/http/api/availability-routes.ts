// GET /api/v1/availability, /api/v1/availability/DATE and /api/v1/earliest
// (rate-limited per client address with the read limit, `readLimit`, when on)
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { findEarliestPerOffice } from '../../app/find-earliest.ts';
import { getAvailability } from '../../app/get-availability.ts';
import { getDayTimes } from '../../app/get-day-times.ts';
import { parseServicesParam, queryString } from './request.ts';

export function registerAvailabilityRoutes(app: FastifyInstance, ctx: AppContext, readLimit: object = {}): void {
  app.get('/api/v1/availability', { config: readLimit }, async (req) =>
    getAvailability(ctx, {
      office: queryString(req, 'office'),
      services: parseServicesParam(queryString(req, 'services')),
      from: queryString(req, 'from'),
      to: queryString(req, 'to'),
    }),
  );

  app.get<{ Params: { date: string } }>('/api/v1/availability/:date', { config: readLimit }, async (req) =>
    getDayTimes(ctx, {
      office: queryString(req, 'office'),
      services: parseServicesParam(queryString(req, 'services')),
      date: req.params.date,
    }),
  );

  app.get('/api/v1/earliest', { config: readLimit }, async (req) =>
    findEarliestPerOffice(ctx, { services: parseServicesParam(queryString(req, 'services')) }),
  );
}
