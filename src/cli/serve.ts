// `amtszeit serve`: the HTTP server (loads the demo city into an empty database).
import { createAppContext } from '../app/context.ts';
import { importConfig } from '../app/import-config.ts';
import { loadDemoConfig } from '../config/demo.ts';
import type { Env } from '../env.ts';
import { buildServer, logSerializers } from '../http/server.ts';
import { trackInFlight } from '../http/in-flight.ts';
import { startBackground } from '../jobs/background.ts';
import { createLogger, openMigratedDatabase, resolveOrgId } from './runtime.ts';
import { createDemoAdmin } from './user-commands.ts';

/** The demo city as `serve` loads it: links in mails and feed addresses point at this server's port. */
export function servedDemo(env: Pick<Env, 'PORT'>): ReturnType<typeof loadDemoConfig> {
  const demo = loadDemoConfig();
  if (env.PORT !== 0) demo.config.organization.publicUrl = `http://localhost:${env.PORT}`;
  return demo;
}

export async function serve(env: Env): Promise<void> {
  const logger = createLogger(env);
  const handle = await openMigratedDatabase(env, logger);
  const existing = await resolveOrgId(handle.db, env);
  let orgId: string;
  if (existing) orgId = existing;
  else {
    const demo = servedDemo(env);
    orgId = env.ORG_ID ?? demo.orgId;
    await importConfig(handle.db, { orgId, config: demo.config, now: Date.now(), actor: 'demo' });
    logger.info({ orgId }, 'empty database: loaded the demo city');
  }
  const ctx = createAppContext({ db: handle.db, orgId, availabilityCacheMs: env.AVAILABILITY_CACHE_MS });
  if (!existing) {
    // demo only (createDemoAdmin refuses with NODE_ENV=production): a login for the back office
    const admin = await createDemoAdmin(ctx, env);
    if (admin) logger.info({ email: admin.email }, `demo back office: log in at /staff as ${admin.email} with password ${admin.password}`);
    for (const k of admin?.kiosks ?? []) logger.info({ office: k.office }, `demo kiosk (self check-in) of ${k.office}: ${k.url}`);
  }
  // Outbox relay and background jobs in this process (RELAY, JOBS; see docs/mail.md).
  const background = await startBackground({ db: handle.db, env, logger });
  if (env.NODE_ENV === 'production' && env.RELAY && !env.SMTP_URL) {
    logger.warn({ mailDir: background.mailDir }, 'NODE_ENV=production without SMTP_URL: mails are only written to the mail directory, nobody receives them');
  }
  const app = await buildServer({
    ctx,
    logger: { level: env.LOG_LEVEL, serializers: logSerializers },
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    readRateLimitPerMinute: env.RATE_LIMIT_READS_PER_MINUTE,
    corsOrigins: env.CORS_ORIGINS,
    trustProxy: env.TRUST_PROXY,
    production: env.NODE_ENV === 'production',
    mailHealth: background.mailHealth,
    devMailDir: background.mailDir,
    callDisplay: { databaseUrl: env.DATABASE_URL },
  });
  // A request that changes something may have written mail: send it now, not at the next poll.
  app.addHook('onResponse', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') background.kick();
  });

  let stopping = false;
  const inFlight = trackInFlight(app);
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await app.close();
      await inFlight.drain();
      await background.stop();
      await handle.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  try {
    await app.listen({ port: env.PORT, host: env.HOST });
  } catch (e) {
    await background.stop();
    await handle.close();
    throw e;
  }
  const address = app.server.address();
  const port = address && typeof address === 'object' ? address.port : env.PORT;
  const host = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(env.HOST) ? 'localhost' : env.HOST;
  logger.info({ url: `http://${host}:${port}`, database: handle.kind, orgId }, `Amtszeit is running at http://${host}:${port}`);
}

