// The databases the benchmark runs on: a fresh PostgreSQL database
// `amtszeit_bench_<random>` (dropped at the end), or PGlite in a temporary data
// directory (removed at the end), so a server child process can open it too.
import { admin } from '../test/helpers/database.ts';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

export type BenchKind = 'postgres' | 'pglite';

export interface BenchDatabase {
  kind: BenchKind;
  /** e.g. `PostgreSQL 15.20` */
  version: string;
  /** the open in-process handle (null between close() and reopen()) */
  handle: DatabaseHandle | null;
  /** what a server child needs to open the same database */
  childEnv: { DATABASE_URL?: string; DATA_DIR?: string };
  /** closes the in-process handle (PGlite: a child may then take the data dir) */
  close(): Promise<void>;
  reopen(): Promise<DatabaseHandle>;
  /** closes and deletes the database; idempotent */
  drop(): Promise<void>;
}

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether a PostgreSQL server answers at the URL within two seconds. */
export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function versionOf(h: DatabaseHandle): Promise<string> {
  const r = await sql<{ v: string }>`SELECT version() AS v`.execute(h.db);
  return /^PostgreSQL [\d.]+/.exec(r.rows[0].v)?.[0] ?? r.rows[0].v;
}

export async function openBenchDatabase(kind: BenchKind, adminUrl: string): Promise<BenchDatabase> {
  if (kind === 'postgres') {
    const name = `amtszeit_bench_${randomBytes(5).toString('hex')}`;
    await admin(adminUrl, `CREATE DATABASE ${name}`);
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    const url = u.toString();
    return prepare({
      kind, childEnv: { DATABASE_URL: url },
      open: () => openDatabase({ databaseUrl: url, poolSize: 10 }),
      remove: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      describe: (version) => `${version} (database ${name})`,
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'amtszeit-bench-'));
  return prepare({
    kind, childEnv: { DATA_DIR: dir },
    open: () => openDatabase({ dataDir: dir }),
    remove: async () => rmSync(dir, { recursive: true, force: true }),
    describe: (version) => `PGlite ${version} (data dir ${dir})`,
  });
}

/** The handle's life cycle, shared by both kinds: open and migrate now, close and reopen, drop once. */
async function prepare(q: {
  kind: BenchKind;
  childEnv: BenchDatabase['childEnv'];
  open: () => Promise<DatabaseHandle>;
  remove: () => Promise<void>;
  describe: (version: string) => string;
}): Promise<BenchDatabase> {
  const b: BenchDatabase = {
    kind: q.kind,
    version: '',
    handle: null,
    childEnv: q.childEnv,
    async close() {
      await b.handle?.close();
      b.handle = null;
    },
    async reopen() {
      return (b.handle ??= await q.open());
    },
    drop: once(async () => {
      try {
        await b.close();
      } finally {
        await q.remove();
      }
    }),
  };
  try {
    const h = await b.reopen();
    await migrateToLatest(h.db);
    b.version = q.describe(await versionOf(h));
  } catch (e) {
    await b.drop();
    throw e;
  }
  return b;
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let p: Promise<void> | null = null;
  return () => (p ??= fn());
}
