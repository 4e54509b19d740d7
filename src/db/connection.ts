// Opens the database: PostgreSQL when a URL is given, otherwise embedded PGlite
// (one instance, btree_gist loaded, data dir locked against other processes).
// Both go through `pg` and Kysely's PostgresDialect, so parameters and results
// are converted identically: timestamptz -> Date, jsonb -> parsed value,
// int8/bigserial -> string. Write jsonb as JSON.stringify(value).
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { PglitePgConnection } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock } from './lock.ts';
import { sessionClientClass } from './pg-client.ts';
import type { Database } from './schema.ts';

/** The subset of a pino logger used here. */
export interface DbLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface OpenDatabaseOptions {
  /** postgres://… — when set, PostgreSQL is used and dataDir is ignored */
  databaseUrl?: string;
  /** PGlite data directory, or 'memory' for a throwaway in-memory database; default ./data */
  dataDir?: string | 'memory';
  /** For 'memory': start from this PGlite data-dir dump (from `dump()`) instead of an empty cluster */
  snapshot?: Blob;
  /** PostgreSQL pool size (DB_POOL_SIZE); PGlite always has one connection */
  poolSize?: number;
  /** How long a query waits for a free connection before failing (retryable); default 5 s */
  connectionTimeoutMillis?: number;
  /**
   * PostgreSQL: the longest one statement may run (server-side statement_timeout);
   * the client gives up a little later if no answer comes at all (a frozen link).
   * Default 5 s; 0: no limit (migrations).
   */
  statementTimeoutMs?: number;
  logger?: DbLogger;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  /** Ends the pool; for PGlite also closes the instance and releases the data-dir lock. Idempotent. */
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball, to open again with `snapshot` */
  dump?(): Promise<Blob>;
}

const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;
/** How much longer than the statement timeout the client waits for any answer before it drops the connection. */
const READ_GRACE_MS = 1_000;

export async function openDatabase(opts: OpenDatabaseOptions): Promise<DatabaseHandle> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts) : openPglite(opts.dataDir ?? './data', opts);
}

function openPostgres(url: string, opts: OpenDatabaseOptions): DatabaseHandle {
  const statementTimeout = opts.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: opts.connectionTimeoutMillis ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    application_name: 'amtszeit',
    // A dead peer is noticed by TCP keep-alive even when no query runs.
    keepAlive: true,
    ...(statementTimeout > 0 ? { statement_timeout: statementTimeout, query_timeout: statementTimeout + READ_GRACE_MS } : {}),
    Client: sessionClientClass(),
  });
  // An idle client losing its connection emits here; unhandled it would crash the process.
  pool.on('error', (err) => opts.logger?.error({ err }, 'idle PostgreSQL connection failed'));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: once(() => db.destroy()) };
}

async function openPglite(dataDir: string, opts: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const memory = dataDir === 'memory';
  const lock = memory
    ? null
    : acquireDataDirLock(dataDir, (pid) =>
        opts.logger?.warn({ dataDir, pid }, 'took over a stale data-directory lock'),
      );
  let pglite: PGlite;
  try {
    const options = { extensions: { btree_gist }, ...(memory && opts.snapshot ? { loadDataDir: opts.snapshot } : {}) };
    pglite = memory ? await PGlite.create(options) : await PGlite.create(dataDir, options);
  } catch (e) {
    lock?.release();
    throw e;
  }
  // PGlite has one session: the pool has exactly one client, so a transaction
  // holds it exclusively and every other query waits in the pool's queue.
  const pool = new pg.Pool({
    max: 1,
    idleTimeoutMillis: 0,
    connectionTimeoutMillis: opts.connectionTimeoutMillis ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    Client: sessionClientClass({ connection: () => new PglitePgConnection({ pglite }) }),
  });
  pool.on('error', (err) => opts.logger?.error({ err }, 'PGlite connection failed'));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  opts.logger?.info({ dataDir }, 'opened embedded PGlite database');
  const close = once(async () => {
    try {
      await db.destroy();
      await pglite.close();
    } finally {
      lock?.release();
    }
  });
  return { db, kind: 'pglite', close, dump: () => pglite.dumpDataDir('none') };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= fn());
}
