// Why an outbox row's last attempt failed (src/jobs/outbox-relay.ts):
// `unreachable` (the mail server did not answer: sent at once when it answers
// again), `temporary` (retried with backoff) or `rejected` (refused for good:
// the row is `failed` at once and shown to staff). NULL while a relay holds the
// row's lease, and for rows that never failed. The partial index finds the rows
// waiting for the server.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE outbox ADD COLUMN last_error_kind text
      CHECK (last_error_kind IN ('unreachable', 'temporary', 'rejected'))`.execute(db);
  await sql`CREATE INDEX outbox_waiting_for_server ON outbox (next_attempt_at) WHERE status = 'pending' AND last_error_kind = 'unreachable'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS outbox_waiting_for_server`.execute(db);
  await sql`ALTER TABLE outbox DROP COLUMN last_error_kind`.execute(db);
}
