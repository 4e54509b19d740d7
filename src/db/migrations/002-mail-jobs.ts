// E-mail and background jobs: reminders are claimed once per appointment
// (`reminded_at`), an outbox row whose mail became pointless (appointment
// cancelled before it went out) ends as `skipped`, and indexes for the jobs
// that scan by time (reminders, retention purge, idempotency purge).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE appointments ADD COLUMN reminded_at timestamptz`.execute(db);
  await sql`ALTER TABLE outbox DROP CONSTRAINT outbox_status_check`.execute(db);
  await sql`ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sent', 'failed', 'skipped'))`.execute(db);
  await sql`CREATE INDEX outbox_appointment ON outbox (appointment_id) WHERE appointment_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX outbox_failed ON outbox (org_id, created_at) WHERE status = 'failed'`.execute(db);
  await sql`CREATE INDEX appointments_reminder_due ON appointments (starts_at) WHERE status = 'booked' AND reminded_at IS NULL`.execute(db);
  await sql`CREATE INDEX appointments_retention ON appointments (ends_at) WHERE anonymized_at IS NULL`.execute(db);
  await sql`CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const i of ['idempotency_keys_created', 'appointments_retention', 'appointments_reminder_due', 'outbox_failed', 'outbox_appointment']) {
    await sql`DROP INDEX IF EXISTS ${sql.id(i)}`.execute(db);
  }
  await sql`ALTER TABLE outbox DROP CONSTRAINT outbox_status_check`.execute(db);
  await sql`UPDATE outbox SET status = 'sent' WHERE status = 'skipped'`.execute(db);
  await sql`ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sent', 'failed'))`.execute(db);
  await sql`ALTER TABLE appointments DROP COLUMN reminded_at`.execute(db);
}
