// The initial schema. Every table carries its organization (`org_id`) so one
// database can hold many cities and can later be sharded by organization.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);

  await sql`
    CREATE TABLE organizations (
      id          text PRIMARY KEY,
      config      jsonb NOT NULL,
      updated_at  timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE services (
      org_id    text NOT NULL REFERENCES organizations(id),
      id        text NOT NULL,
      position  integer NOT NULL,
      data      jsonb NOT NULL,
      PRIMARY KEY (org_id, id)
    )`.execute(db);

  await sql`
    CREATE TABLE offices (
      org_id    text NOT NULL REFERENCES organizations(id),
      id        text NOT NULL,
      position  integer NOT NULL,
      data      jsonb NOT NULL,
      PRIMARY KEY (org_id, id)
    )`.execute(db);

  // Appointments and holds share one table: both occupy one lane (desk) of an
  // office for [starts_at, ends_at). The exclusion constraint makes a double
  // booking impossible whatever the application does; expired holds are
  // deleted before a booking that overlaps them.
  await sql`
    CREATE TABLE appointments (
      org_id            text NOT NULL REFERENCES organizations(id),
      id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      office_id         text NOT NULL,
      lane              integer NOT NULL CHECK (lane >= 0),
      starts_at         timestamptz NOT NULL,
      ends_at           timestamptz NOT NULL,
      period            tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
      status            text NOT NULL CHECK (status IN
                          ('held', 'pending', 'booked', 'cancelled', 'checked_in', 'completed', 'no_show')),
      channel           text NOT NULL CHECK (channel IN ('online', 'phone', 'counter')),
      expires_at        timestamptz,
      reference         text,
      token_hash        text,
      services          jsonb NOT NULL,
      duration_minutes  integer NOT NULL CHECK (duration_minutes > 0),
      contact_name      text,
      contact_email     text,
      contact_phone     text,
      email_key         text,
      locale            text NOT NULL DEFAULT 'de',
      sequence          integer NOT NULL DEFAULT 0,
      conflict          text,
      cancel_reason     text,
      created_at        timestamptz NOT NULL DEFAULT now(),
      updated_at        timestamptz NOT NULL DEFAULT now(),
      cancelled_at      timestamptz,
      anonymized_at     timestamptz,
      CHECK (ends_at > starts_at),
      CONSTRAINT appointments_no_overlap EXCLUDE USING gist
        (org_id WITH =, office_id WITH =, lane WITH =, period WITH &&)
        WHERE (status <> 'cancelled')
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX appointments_reference ON appointments (org_id, reference) WHERE reference IS NOT NULL`.execute(db);
  await sql`CREATE INDEX appointments_office_time ON appointments (org_id, office_id, starts_at)`.execute(db);
  await sql`CREATE INDEX appointments_email ON appointments (org_id, email_key) WHERE email_key IS NOT NULL`.execute(db);
  await sql`CREATE INDEX appointments_expiry ON appointments (expires_at) WHERE expires_at IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE idempotency_keys (
      org_id        text NOT NULL REFERENCES organizations(id),
      key           text NOT NULL,
      request_hash  text NOT NULL,
      status_code   integer,
      response      jsonb,
      created_at    timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, key)
    )`.execute(db);

  // Every e-mail is written here in the transaction that causes it; a relay sends it.
  await sql`
    CREATE TABLE outbox (
      org_id           text NOT NULL REFERENCES organizations(id),
      id               bigserial PRIMARY KEY,
      appointment_id   uuid,
      kind             text NOT NULL,
      recipient        text NOT NULL,
      locale           text NOT NULL,
      payload          jsonb NOT NULL,
      status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
      attempts         integer NOT NULL DEFAULT 0,
      next_attempt_at  timestamptz NOT NULL DEFAULT now(),
      last_error       text,
      created_at       timestamptz NOT NULL DEFAULT now(),
      sent_at          timestamptz
    )`.execute(db);
  await sql`CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending'`.execute(db);

  await sql`
    CREATE TABLE audit_log (
      org_id   text NOT NULL REFERENCES organizations(id),
      id       bigserial PRIMARY KEY,
      at       timestamptz NOT NULL DEFAULT now(),
      actor    text NOT NULL,
      action   text NOT NULL,
      details  jsonb NOT NULL DEFAULT '{}'::jsonb
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['audit_log', 'outbox', 'idempotency_keys', 'appointments', 'offices', 'services', 'organizations']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
  }
}
