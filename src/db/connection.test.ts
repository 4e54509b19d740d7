// openDatabase on both kinds: values come back as the same JS types, and
// transactions, row locks, savepoints and advisory locks behave alike (on
// PGlite because its one session is handed to one transaction at a time).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../test/helpers/database.ts';

for (const kind of testDatabaseKinds()) {
  describe(`connection (${kind})`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(kind);
      await sql`CREATE TABLE test_counter (id int PRIMARY KEY, n int NOT NULL)`.execute(t.db);
      await sql`INSERT INTO test_counter VALUES (1, 0)`.execute(t.db);
      await t.db
        .insertInto('organizations')
        .values({ id: 'org', config: JSON.stringify({ name: 'Stadt', list: [1, 'zwei'] }) })
        .execute();
    });
    after(() => t?.close());

    test('reports its kind', () => {
      assert.equal(t.kind, kind);
    });

    test('jsonb round-trips as parsed values', async () => {
      const row = await t.db.selectFrom('organizations').select('config').where('id', '=', 'org').executeTakeFirstOrThrow();
      assert.deepEqual(row.config, { name: 'Stadt', list: [1, 'zwei'] });
    });

    test('timestamptz comes back as Date with the same instant; the session zone is UTC', async () => {
      const at = new Date('2025-03-30T00:30:00.123Z');
      const r = await sql<{ at: Date; tz: string; txt: string }>`
        SELECT ${at}::timestamptz AS at, current_setting('TimeZone') AS tz, ${at}::timestamptz::text AS txt`.execute(t.db);
      const row = r.rows[0];
      assert.ok(row.at instanceof Date, 'a Date');
      assert.equal(row.at.toISOString(), at.toISOString());
      assert.equal(row.tz, 'UTC');
      assert.equal(row.txt, '2025-03-30 00:30:00.123+00');
      const org = await t.db.selectFrom('organizations').select('updated_at').executeTakeFirstOrThrow();
      assert.ok(org.updated_at instanceof Date);
    });

    test('int8 and bigserial come back as strings', async () => {
      const r = await sql<{ big: unknown }>`SELECT 9007199254740993::int8 AS big`.execute(t.db);
      assert.equal(r.rows[0].big, '9007199254740993');
      const row = await t.db
        .insertInto('audit_log')
        .values({ org_id: 'org', actor: 'test', action: 'x', details: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      assert.equal(typeof row.id, 'string');
      assert.match(row.id, /^\d+$/);
    });

    test('10 parallel transactions incrementing via SELECT FOR UPDATE give 10', async () => {
      await sql`UPDATE test_counter SET n = 0 WHERE id = 1`.execute(t.db);
      await Promise.all(
        Array.from({ length: 10 }, () =>
          t.db.transaction().execute(async (trx) => {
            const r = await sql<{ n: number }>`SELECT n FROM test_counter WHERE id = 1 FOR UPDATE`.execute(trx);
            await new Promise((res) => setTimeout(res, 5)); // widen the race window
            await sql`UPDATE test_counter SET n = ${r.rows[0].n + 1} WHERE id = 1`.execute(trx);
          }),
        ),
      );
      const r = await sql<{ n: number }>`SELECT n FROM test_counter WHERE id = 1`.execute(t.db);
      assert.equal(r.rows[0].n, 10);
    });

    test('a query outside a transaction never sees its uncommitted writes', async () => {
      let inside = false;
      const tx = t.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO test_counter VALUES (2, 0)`.execute(trx);
        inside = true;
        await new Promise((res) => setTimeout(res, 50));
        throw new Error('roll back');
      });
      while (!inside) await new Promise((res) => setTimeout(res, 1));
      const r = await sql<{ c: string }>`SELECT count(*) AS c FROM test_counter WHERE id = 2`.execute(t.db);
      await assert.rejects(tx, /roll back/);
      assert.equal(r.rows[0].c, '0');
    });

    test('a failed transaction is rolled back and the connection stays usable', async () => {
      await assert.rejects(
        t.db.transaction().execute(async (trx) => {
          await sql`UPDATE test_counter SET n = -1 WHERE id = 1`.execute(trx);
          await sql`SELECT * FROM no_such_table`.execute(trx);
        }),
        (e: { code?: string }) => e.code === '42P01',
      );
      const r = await sql<{ n: number }>`SELECT n FROM test_counter WHERE id = 1`.execute(t.db);
      assert.notEqual(r.rows[0].n, -1);
    });

    test('savepoints roll back part of a transaction', async () => {
      const trx = await t.db.startTransaction().execute();
      await sql`UPDATE test_counter SET n = 100 WHERE id = 1`.execute(trx);
      const sp = await trx.savepoint('inner').execute();
      await sql`UPDATE test_counter SET n = 200 WHERE id = 1`.execute(sp);
      await assert.rejects(sql`SELECT 1/0`.execute(sp), (e: { code?: string }) => e.code === '22012');
      await sp.rollbackToSavepoint('inner').execute();
      await trx.commit().execute();
      const r = await sql<{ n: number }>`SELECT n FROM test_counter WHERE id = 1`.execute(t.db);
      assert.equal(r.rows[0].n, 100);
    });

    test('pg_advisory_xact_lock serialises transactions on one key', async () => {
      const order: string[] = [];
      const run = (name: string) =>
        t.db.transaction().execute(async (trx) => {
          await sql`SELECT pg_advisory_xact_lock(4711)`.execute(trx);
          order.push(`${name}+`);
          await new Promise((res) => setTimeout(res, 20));
          order.push(`${name}-`);
        });
      await Promise.all([run('a'), run('b'), run('c')]);
      for (let i = 0; i < order.length; i += 2) assert.equal(order[i][0], order[i + 1][0], order.join(' '));
    });
  });
}
