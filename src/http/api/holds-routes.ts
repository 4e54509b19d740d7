// POST /api/v1/holds, POST /api/v1/holds/ID/extend and DELETE /api/v1/holds/ID
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { holdSlot } from '../../app/hold-slot.ts';
import { extendHold } from '../../app/extend-hold.ts';
import { releaseHold } from '../../app/release-hold.ts';
import { parseWith } from './request.ts';
import { HoldRequest } from './schemas.ts';

export function registerHoldRoutes(app: FastifyInstance, ctx: AppContext, writeLimit: object): void {
  app.post('/api/v1/holds', { config: writeLimit }, async (req, reply) => {
    const body = parseWith(HoldRequest, req.body);
    const hold = await holdSlot(ctx, body);
    return reply.status(201).send(hold);
  });

  app.post<{ Params: { id: string } }>('/api/v1/holds/:id/extend', async (req) => extendHold(ctx, req.params.id));

  app.delete<{ Params: { id: string } }>('/api/v1/holds/:id', async (req, reply) => {
    await releaseHold(ctx, req.params.id);
    return reply.status(204).send();
  });
}
