// Migrations on both kinds: idempotent, safe from several pools at once
// (PostgreSQL), and the schema's no-double-booking exclusion constraint.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from './connection.ts';
import { MIGRATIONS, migrateToLatest } from './migrate.ts';
import { isExclusionViolation, pgErrorCode } from './retry.ts';
import type { Database } from './schema.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../test/helpers/database.ts';

const ALL = Object.keys(MIGRATIONS).sort();

for (const kind of testDatabaseKinds()) {
  describe(`migrations (${kind})`, () => {
    test('apply once, then a second run applies nothing', async () => {
      const t = await createTestDatabase(kind, { migrate: false });
      try {
        assert.deepEqual(await migrateToLatest(t.db), ALL);
        assert.deepEqual(await migrateToLatest(t.db), []);
        const r = await sql<{ c: string }>`SELECT count(*) AS c FROM kysely_migration`.execute(t.db);
        assert.equal(r.rows[0].c, String(ALL.length));
      } finally {
        await t.close();
      }
    });

    if (kind === 'postgres') {
      test('several processes migrating at once apply each migration exactly once', async () => {
        const t = await createTestDatabase('postgres', { migrate: false });
        const url = t.url;
        assert.ok(url, 'a PostgreSQL test database has a url');
        const others = await Promise.all([1, 2, 3, 4].map(() => openDatabase({ databaseUrl: url, poolSize: 2 })));
        try {
          const applied = await Promise.all([t, ...others].map((h) => migrateToLatest(h.db)));
          assert.deepEqual(applied.flat().sort(), ALL);
          const r = await sql<{ c: string }>`SELECT count(*) AS c FROM kysely_migration`.execute(t.db);
          assert.equal(r.rows[0].c, String(ALL.length));
        } finally {
          await Promise.all(others.map((h) => h.close()));
          await t.close();
        }
      });
    }
  });

  describe(`appointments_no_overlap (${kind})`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(kind);
      await t.db.insertInto('organizations').values({ id: 'org', config: '{}' }).execute();
    });
    after(() => t?.close());

    const at = (hhmm: string) => new Date(`2025-06-02T${hhmm}:00Z`);
    const insert = (db: Kysely<Database>, o: { office?: string; lane: number; from: string; to: string; status?: 'booked' | 'held' | 'cancelled'; org?: string }) =>
      db
        .insertInto('appointments')
        .values({
          org_id: o.org ?? 'org',
          office_id: o.office ?? 'buergeramt',
          lane: o.lane,
          starts_at: at(o.from),
          ends_at: at(o.to),
          status: o.status ?? 'booked',
          channel: 'online',
          services: '[]',
          duration_minutes: 30,
          locale: 'de',
        })
        .execute();

    test('rejects two overlapping live rows on one lane with 23P01', async () => {
      await insert(t.db, { lane: 0, from: '08:00', to: '08:30' });
      const err = await insert(t.db, { lane: 0, from: '08:15', to: '08:45', status: 'held' }).then(
        () => assert.fail('the overlapping insert succeeded'),
        (e: unknown) => e,
      );
      assert.equal(pgErrorCode(err), '23P01');
      assert.ok(isExclusionViolation(err, 'appointments_no_overlap'));
    });

    test('allows adjacent rows ([start, end) is half-open)', async () => {
      await insert(t.db, { lane: 0, from: '09:00', to: '09:30' });
      await insert(t.db, { lane: 0, from: '09:30', to: '10:00' });
    });

    test('allows overlap on another lane, another office, another organization', async () => {
      await t.db.insertInto('organizations').values({ id: 'org2', config: '{}' }).execute();
      await insert(t.db, { lane: 0, from: '11:00', to: '11:30' });
      await insert(t.db, { lane: 1, from: '11:00', to: '11:30' });
      await insert(t.db, { office: 'standesamt', lane: 0, from: '11:00', to: '11:30' });
      await insert(t.db, { org: 'org2', lane: 0, from: '11:00', to: '11:30' });
    });

    test('allows overlap with a cancelled row, and cancelling frees the lane', async () => {
      await insert(t.db, { lane: 2, from: '12:00', to: '12:30', status: 'cancelled' });
      await insert(t.db, { lane: 2, from: '12:00', to: '12:30' });
      await assert.rejects(insert(t.db, { lane: 2, from: '12:10', to: '12:20' }), (e) => isExclusionViolation(e));
      await t.db.updateTable('appointments').set({ status: 'cancelled' }).where('lane', '=', 2).execute();
      await insert(t.db, { lane: 2, from: '12:10', to: '12:20' });
    });
  });
}
