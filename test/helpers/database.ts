// Throwaway, migrated databases for tests. PGlite in memory always; PostgreSQL
// when TEST_DATABASE_URL points at a server (a fresh database per call, dropped
// on close). REQUIRE_POSTGRES=1 makes a missing TEST_DATABASE_URL an error, so
// CI cannot skip the PostgreSQL runs silently.
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { built } from './node-child.ts';

export type TestDatabaseKind = DatabaseHandle['kind'];
/** `url` is set for PostgreSQL, so a test can open more pools on the same database. */
export type TestDatabase = DatabaseHandle & { name: string; url?: string };

let noticeShown = false;

function postgresUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return url;
  if (process.env.REQUIRE_POSTGRES === '1') {
    throw new Error('REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set: PostgreSQL tests must not be skipped.');
  }
  return undefined;
}

/** The kinds an integration test should loop over: always 'pglite', 'postgres' when configured. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  if (postgresUrl()) return ['pglite', 'postgres'];
  if (!noticeShown) {
    noticeShown = true;
    console.log('PostgreSQL tests skipped: set TEST_DATABASE_URL');
  }
  return ['pglite'];
}

/**
 * A fresh database, migrated unless `migrate: false`; default kind: PostgreSQL
 * if TEST_DATABASE_URL is set, else PGlite in memory. close() drops it.
 */
export async function createTestDatabase(
  kind?: TestDatabaseKind,
  opts: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = opts.migrate ?? true;
  const url = postgresUrl();
  const chosen = kind ?? (url ? 'postgres' : 'pglite');
  if (chosen === 'pglite') {
    if (migrate) return { ...(await openDatabase({ dataDir: 'memory', snapshot: await migratedSnapshot() })), name: 'pglite:memory' };
    const handle = await openDatabase({ dataDir: 'memory' });
    return { ...handle, name: 'pglite:memory' };
  }
  if (!url) throw new Error('createTestDatabase("postgres") needs TEST_DATABASE_URL');
  const name = `amtszeit_test_${randomBytes(6).toString('hex')}`;
  await admin(url, `CREATE DATABASE ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ databaseUrl: dbUrl.toString(), poolSize: 5 });
  } catch (e) {
    await admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw e;
  }
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= handle.close().finally(() => admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
  return migrated({ ...handle, name, url: dbUrl.toString(), close }, migrate);
}

async function migrated(t: TestDatabase, migrate: boolean): Promise<TestDatabase> {
  if (!migrate) return t;
  try {
    await migrateToLatest(t.db);
    return t;
  } catch (e) {
    await t.close();
    throw e;
  }
}

// A new PGlite cluster costs an initdb (about 3 s on a 2-core machine); loading
// a dump of a migrated one takes about 1 s. The dump is kept on disk per
// migrations (their files and their registration) and PGlite version, so every test process shares it.
const ROOT = new URL('../..', import.meta.url).pathname;
let snapshot: Promise<Blob> | null = null;

function snapshotKey(): string {
  const hash = createHash('sha256');
  hash.update(JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version);
  const dir = join(ROOT, 'src/db/migrations');
  for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  // the list of migrations that run: a file that lands before it is registered must not leave a stale dump
  hash.update(readFileSync(join(ROOT, built('src/db/migrate.ts'))));
  return hash.digest('hex').slice(0, 16);
}

function migratedSnapshot(): Promise<Blob> {
  return (snapshot ??= (async () => {
    const dir = join(ROOT, 'node_modules/.cache/amtszeit-tests');
    const file = join(dir, `pglite-migrated-${snapshotKey()}.tar`);
    try {
      return new Blob([readFileSync(file)]);
    } catch {
      // not made yet: make it below
    }
    const handle = await openDatabase({ dataDir: 'memory' });
    try {
      await migrateToLatest(handle.db);
      const dump = await handle.dump!();
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      renameSync(tmp, file); // atomic: a parallel test process reads a whole file or none
      return dump;
    } finally {
      await handle.close();
    }
  })());
}

/**
 * A new directory holding an empty, migrated PGlite data directory at
 * `<dir>/data`, as a fresh start would leave it. Copied from a template made
 * once per migrations and PGlite version (an initdb costs seconds on a busy
 * 2-core machine; a copy, milliseconds). The caller removes `dir`.
 */
export async function freshDataDir(prefix = 'amtszeit-data-'): Promise<{ dir: string; dataDir: string }> {
  const template = await migratedDataDir();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const dataDir = join(dir, 'data');
  cpSync(template, dataDir, { recursive: true });
  return { dir, dataDir };
}

let dataDirTemplate: Promise<string> | null = null;

function migratedDataDir(): Promise<string> {
  return (dataDirTemplate ??= (async () => {
    const cache = join(ROOT, 'node_modules/.cache/amtszeit-tests');
    const dir = join(cache, `pglite-datadir-${snapshotKey()}`);
    if (existsSync(dir)) return dir;
    mkdirSync(cache, { recursive: true });
    const tmp = `${dir}.${process.pid}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    const handle = await openDatabase({ dataDir: tmp });
    try {
      await migrateToLatest(handle.db);
    } finally {
      await handle.close(); // also removes the lock file
    }
    try {
      renameSync(tmp, dir); // atomic: another test process may have made it meanwhile
    } catch {
      rmSync(tmp, { recursive: true, force: true });
    }
    return dir;
  })());
}

/** Runs one statement on the server named by the URL (names here are generated, never user input). */
export async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
