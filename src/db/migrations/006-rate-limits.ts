// Request counters that every instance shares (src/db/repositories/rate-limit-repo.ts):
// one row per organization, bucket ('write', 'read', …), client key and
// fixed time window, incremented atomically by INSERT … ON CONFLICT DO UPDATE.
// UNLOGGED: a counter is worth no WAL write; after a crash of the database
// server the table is empty, which only hands out fresh budgets. No foreign
// key to organizations: the hot statement should check nothing else, and the
// rows live minutes (the rate-limit purge job deletes ended windows).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE UNLOGGED TABLE rate_limits (
      org_id        text NOT NULL,
      bucket        text NOT NULL,
      key           text NOT NULL,
      window_start  timestamptz NOT NULL,
      expires_at    timestamptz NOT NULL,
      count         integer NOT NULL,
      PRIMARY KEY (org_id, bucket, key, window_start)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS rate_limits`.execute(db);
}
