// Builds the Fastify server: security headers, JSON parsing, rate limits, the
// API routes, health and the citizen pages (src/http/web). No data access here beyond use cases.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import formbody from '@fastify/formbody';
import { pingDatabase } from '../db/repositories/organization-repo.ts';
import type { AppContext } from '../app/context.ts';
import { registerAppointmentRoutes } from './api/appointments-routes.ts';
import { registerAvailabilityRoutes } from './api/availability-routes.ts';
import { registerCatalogRoutes } from './api/catalog-routes.ts';
import { registerCors } from './api/cors.ts';
import { registerHoldRoutes } from './api/holds-routes.ts';
import { trackRoutes } from './api/allowed-methods.ts';
import { openApiDocument } from './api/openapi.ts';
import { handleError, handleNotFound } from './errors.ts';
import { ControlCharacterError, findControlCharacter } from './control-characters.ts';
import { clientErrorHandler, frameworkErrorsHandler } from './bad-requests.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import type { TransportHealth } from '../mail/transport.ts';
import { registerDevMail } from './web/dev-mail.ts';
import { registerWebPages, wantsHtml, webNotFound } from './web/plugin.ts';
import { registerStaffPages } from './staff/plugin.ts';
import { registerCallDisplay, type CallDisplayOptions } from './display/routes.ts';
import { registerRateLimits } from './rate-limit.ts';
import { fastifyTrustProxy, type TrustProxySetting } from './trust-proxy.ts';

export interface ServerOptions {
  ctx: AppContext;
  logger?: FastifyServerOptions['logger'];
  /** write requests (holds, bookings, moves, form posts, logins) per client address and minute, counted in the database; 0 = unlimited (default 600) */
  rateLimitPerMinute?: number;
  /** availability reads per client address and minute, counted in the database; 0 = unlimited (the default here; `serve` passes RATE_LIMIT_READS_PER_MINUTE) */
  readRateLimitPerMinute?: number;
  /** origins allowed to call /api from a browser: ['*'] (default), a list, or [] */
  corsOrigins?: string[];
  /** proxies believed about the client's address: false, a number of hops (true = 1), or addresses/CIDRs (http/trust-proxy.ts) */
  trustProxy?: TrustProxySetting;
  bodyLimitBytes?: number;
  /** NODE_ENV=production: no /dev pages */
  production?: boolean;
  /** the mail transport's state for /healthz (null: this process sends no mail) */
  mailHealth?: () => TransportHealth | null;
  /** directory of the file transport: shown at /dev/mail unless production */
  devMailDir?: string | null;
  /** the waiting-room display (/aufruf/{officeId}): PostgreSQL's URL to LISTEN for calls; without it, polled */
  callDisplay?: CallDisplayOptions;
}

export { logSerializers } from './log-serializers.ts';

/** /healthz says 'down' when the database has not answered a ping within this. */
const HEALTH_PING_TIMEOUT_MS = 2000;

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: fastifyTrustProxy(opts.trustProxy ?? false),
    bodyLimit: opts.bodyLimitBytes ?? 64 * 1024,
    routerOptions: { maxParamLength: 2000 },
    return503OnClosing: true,
    // requests refused before any route: the usual error format and headers (bad-requests.ts)
    frameworkErrors: frameworkErrorsHandler(opts.ctx),
    clientErrorHandler: clientErrorHandler(opts.ctx),
  });

  // JSON: an empty body is no body (POST …/cancel), anything else must parse.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      const err = Object.assign(new Error('invalid JSON'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
      done(err, undefined);
    }
  });
  await app.register(formbody);
  // The API speaks JSON only; forms are for the citizen pages.
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/') || req.body === undefined) return;
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') throw Object.assign(new Error('unsupported media type'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
  });
  app.addHook('preValidation', async (req) => {
    const field = findControlCharacter(req.body) ?? findControlCharacter(req.query);
    if (field) throw new ControlCharacterError(field);
  });
  // helmet's security headers (strict CSP, X-Frame-Options: DENY) on every answer
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
  // Answers may hold personal data or a token: no cache keeps any answer unless
  // its route says otherwise (static assets, the staff CSS).
  app.addHook('onSend', async (_req, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  const { ctx } = opts;
  // per client address, counted in the database that every instance shares (http/rate-limit.ts)
  const limits = await registerRateLimits(app, ctx, { writes: opts.rateLimitPerMinute ?? 600, reads: opts.readRateLimitPerMinute ?? 0 });
  const writeLimit = limits.write;
  // Answers without an explicit language (?lang=, Accept-Language, cookie) speak the organization's default.
  app.decorateRequest('orgLocale', 'de');
  app.addHook('onRequest', async (req) => {
    const catalog = await ctx.catalog().catch(() => null);
    if (catalog) req.orgLocale = catalog.config.organization.defaultLocale;
  });
  const allowedMethods = trackRoutes(app);

  app.setErrorHandler(handleError);
  app.setNotFoundHandler((req, reply) =>
    wantsHtml(req) ? webNotFound(opts.ctx, req, reply) : handleNotFound(req, reply, allowedMethods(req.url.split('?')[0])));

  registerCors(app, opts.corsOrigins ?? ['*']);
  registerCatalogRoutes(app, ctx);
  registerAvailabilityRoutes(app, ctx, limits.read);
  registerHoldRoutes(app, ctx, writeLimit);
  registerAppointmentRoutes(app, ctx, writeLimit);

  app.get('/api/openapi.json', async (req) => {
    const catalog = await ctx.catalog().catch(() => null);
    return openApiDocument({ title: catalog?.config.organization.name ?? 'Amtszeit', serverUrl: `${req.protocol}://${req.host}` });
  });

  // 200 ok; 200 degraded when the mail server is unreachable (bookings go on,
  // mails wait in the outbox); 503 when the database is unreachable.
  app.get('/healthz', async (_req, reply) => {
    const mail = opts.mailHealth?.() ?? null;
    const mailPart = mail ? { mail: { transport: mail.transport, state: mail.state, ...(mail.reason ? { reason: mail.reason } : {}) } } : {};
    try {
      // A monitor must learn quickly that the database is gone: a frozen link
      // would otherwise hold this answer until the client-side read timeout.
      await Promise.race([
        pingDatabase(ctx.db),
        new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), HEALTH_PING_TIMEOUT_MS).unref()),
      ]);
    } catch {
      reply.header('Retry-After', '5');
      return reply.status(503).send({ status: 'down', database: 'unreachable', ...mailPart });
    }
    if (mail?.state === 'unreachable') {
      return { status: 'degraded', database: 'ok', ...mailPart, reason: `mail server unreachable: ${mail.reason ?? 'unknown error'}` };
    }
    return { status: 'ok', database: 'ok', ...mailPart };
  });

  if (opts.devMailDir && !opts.production) registerDevMail(app, opts.devMailDir);

  await registerCallDisplay(app, ctx, opts.callDisplay);
  await registerWebPages(app, ctx, { config: writeLimit }, { config: limits.read });
  await registerStaffPages(app, ctx, { config: writeLimit });
  return app;
}
