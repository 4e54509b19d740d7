// CORS for the public API, so a city's website on another origin can call it
// from the browser. The API uses no cookies (tokens travel in a header or the
// query), so answering any allowed origin exposes nothing of other users.
import type { FastifyInstance } from 'fastify';

const ALLOWED_HEADERS = 'Content-Type, Idempotency-Key, X-Manage-Token, Accept-Language';
const METHODS = 'GET, POST, DELETE, OPTIONS';

/** `origins`: ['*'] for any, a list of exact origins, or [] for none. */
export function registerCors(app: FastifyInstance, origins: string[]): void {
  if (origins.length === 0) return;
  const any = origins.includes('*');
  const allowed = (origin: string | undefined) => (origin ? any || origins.includes(origin) : false);

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const origin = req.headers.origin;
    if (!allowed(origin)) return;
    reply.header('Access-Control-Allow-Origin', any ? '*' : origin!);
    if (!any) reply.header('Vary', 'Origin');
    reply.header('Access-Control-Expose-Headers', 'Retry-After, Idempotent-Replayed');
    if (req.method === 'OPTIONS') {
      reply
        .header('Access-Control-Allow-Methods', METHODS)
        .header('Access-Control-Allow-Headers', ALLOWED_HEADERS)
        .header('Access-Control-Max-Age', '600');
      await reply.status(204).send();
    }
  });
}
