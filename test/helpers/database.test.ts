// The test-database helper: which kinds run, the skip notice, REQUIRE_POSTGRES,
// and that a PostgreSQL test database really is created, migrated and dropped.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { MIGRATIONS } from '../../src/db/migrate.ts';
import { createTestDatabase, testDatabaseKinds } from './database.ts';

const realUrl = process.env.TEST_DATABASE_URL;
const realRequire = process.env.REQUIRE_POSTGRES;

function setEnv(url: string | undefined, require: string | undefined) {
  if (url === undefined) delete process.env.TEST_DATABASE_URL;
  else process.env.TEST_DATABASE_URL = url;
  if (require === undefined) delete process.env.REQUIRE_POSTGRES;
  else process.env.REQUIRE_POSTGRES = require;
}

describe('testDatabaseKinds', () => {
  afterEach(() => setEnv(realUrl, realRequire));

  test('without TEST_DATABASE_URL: pglite only, and says so once', (t) => {
    setEnv(undefined, undefined);
    const log = t.mock.method(console, 'log', () => {});
    assert.deepEqual(testDatabaseKinds(), ['pglite']);
    assert.deepEqual(testDatabaseKinds(), ['pglite']);
    assert.equal(log.mock.callCount(), 1);
    assert.deepEqual(log.mock.calls[0].arguments, ['PostgreSQL tests skipped: set TEST_DATABASE_URL']);
  });

  test('with TEST_DATABASE_URL: both kinds', () => {
    setEnv('postgres://example.invalid/db', '1');
    assert.deepEqual(testDatabaseKinds(), ['pglite', 'postgres']);
  });

  test('REQUIRE_POSTGRES=1 without TEST_DATABASE_URL fails instead of skipping', async () => {
    setEnv(undefined, '1');
    assert.throws(() => testDatabaseKinds(), /REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set/);
    await assert.rejects(createTestDatabase('pglite'), /REQUIRE_POSTGRES=1/);
  });
});

describe('createTestDatabase', () => {
  test('pglite: in memory and migrated', async () => {
    const t = await createTestDatabase('pglite');
    try {
      assert.equal(t.kind, 'pglite');
      const r = await sql<{ c: string }>`SELECT count(*) AS c FROM kysely_migration`.execute(t.db);
      assert.ok(Number(r.rows[0].c) >= 1);
    } finally {
      await t.close();
    }
  });

  test('pglite: databases made from the shared migrated snapshot are independent and fully migrated', async () => {
    const [a, b] = [await createTestDatabase('pglite'), await createTestDatabase('pglite')];
    try {
      await sql`INSERT INTO organizations (id, config) VALUES ('only-in-a', '{}')`.execute(a.db);
      const inB = await sql<{ c: string }>`SELECT count(*) AS c FROM organizations WHERE id = 'only-in-a'`.execute(b.db);
      assert.equal(Number(inB.rows[0].c), 0);
      const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(b.db);
      assert.deepEqual(applied.rows.map((r) => r.name), Object.keys(MIGRATIONS).sort());
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('postgres: a fresh database, migrated, dropped on close', { skip: !realUrl && 'needs TEST_DATABASE_URL' }, async () => {
    const exists = async (name: string) => {
      const c = new pg.Client({ connectionString: realUrl });
      await c.connect();
      try {
        return (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
      } finally {
        await c.end();
      }
    };
    const t = await createTestDatabase('postgres');
    assert.equal(t.kind, 'postgres');
    assert.match(t.name, /^amtszeit_test_[0-9a-f]{12}$/);
    try {
      assert.ok(await exists(t.name));
      const r = await sql<{ db: string }>`SELECT current_database() AS db`.execute(t.db);
      assert.equal(r.rows[0].db, t.name);
      await sql`SELECT 1 FROM appointments`.execute(t.db);
    } finally {
      await t.close();
    }
    assert.equal(await exists(t.name), false);
  });
});
