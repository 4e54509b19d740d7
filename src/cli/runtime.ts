// Opens what every command needs, from the environment: logger, database
// (migrated) and the organization to work on.
import pino, { type Logger } from 'pino';
import type { Kysely } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { listOrganizationIds } from '../db/repositories/organization-repo.ts';
import type { Env } from '../env.ts';
import { logSerializers } from '../http/log-serializers.ts';

export function createLogger(env: Env): Logger {
  return pino({ level: env.LOG_LEVEL, serializers: logSerializers, base: { app: 'amtszeit' } });
}

export async function openMigratedDatabase(env: Env, logger?: Logger): Promise<DatabaseHandle> {
  const open = (statementTimeoutMs: number) =>
    openDatabase({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.DATA_DIR,
      poolSize: env.DB_POOL_SIZE,
      connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs,
      logger,
    });
  // On PostgreSQL, migrations may run longer than any request should: they
  // get their own connection without a statement timeout. (PGlite allows one
  // handle per data directory and has no timeouts to lift.)
  if (env.DATABASE_URL) {
    const migrating = await open(0);
    try {
      await migrateToLatest(migrating.db);
    } finally {
      await migrating.close();
    }
    return open(env.DB_STATEMENT_TIMEOUT_MS);
  }
  const handle = await open(env.DB_STATEMENT_TIMEOUT_MS);
  try {
    await migrateToLatest(handle.db);
  } catch (e) {
    await handle.close();
    throw e;
  }
  return handle;
}

/** The organization to serve: ORG_ID, else the only one in the database; null when there is none. */
export async function resolveOrgId(db: Kysely<Database>, env: Env): Promise<string | null> {
  const ids = await listOrganizationIds(db);
  if (env.ORG_ID) return ids.includes(env.ORG_ID) ? env.ORG_ID : null;
  if (ids.length > 1) throw new Error(`The database holds several organizations (${ids.join(', ')}): set ORG_ID to choose one.`);
  return ids[0] ?? null;
}
