// `amtszeit serve`: the HTTP server (loads the demo city into an empty database).
import { createAppContext } from '../app/context.ts';
import { importConfig } from '../app/import-config.ts';
import { loadDemoConfig } from '../config/demo.ts';
import type { Env } from '../env.ts';
import { buildServer, logSerializers } from '../http/server.ts';
import { createLogger, openMigratedDatabase, resolveOrgId } from './runtime.ts';

export async function serve(env: Env): Promise<void> {
  const logger = createLogger(env);
  const handle = await openMigratedDatabase(env, logger);
  const existing = await resolveOrgId(handle.db, env);
  let orgId: string;
  if (existing) orgId = existing;
  else {
    const demo = loadDemoConfig();
    orgId = env.ORG_ID ?? demo.orgId;
    await importConfig(handle.db, { orgId, config: demo.config, now: Date.now(), actor: 'demo' });
    logger.info({ orgId }, 'empty database: loaded the demo city');
  }
  const ctx = createAppContext({ db: handle.db, orgId });
  const app = await buildServer({
    ctx,
    logger: { level: env.LOG_LEVEL, serializers: logSerializers },
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    trustProxy: env.TRUST_PROXY,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await app.close();
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
    await handle.close();
    throw e;
  }
  const address = app.server.address();
  const port = address && typeof address === 'object' ? address.port : env.PORT;
  const host = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(env.HOST) ? 'localhost' : env.HOST;
  logger.info({ url: `http://${host}:${port}`, database: handle.kind, orgId }, `Amtszeit is running at http://${host}:${port}`);
}

