// Staff back office: user accounts (argon2id hashes), server-side sessions
// (only the SHA-256 of the cookie's id is stored), API tokens for the staff
// API (also stored hashed), and failed login attempts
// for throttling per account and per IP address.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE staff_users (
      org_id         text NOT NULL REFERENCES organizations(id),
      id             uuid NOT NULL DEFAULT gen_random_uuid(),
      email          text NOT NULL,
      name           text NOT NULL,
      password_hash  text NOT NULL,
      role           text NOT NULL CHECK (role IN ('admin', 'lead', 'clerk')),
      offices        jsonb NOT NULL DEFAULT '[]',
      active         boolean NOT NULL DEFAULT true,
      created_at     timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, email)
    )`.execute(db);
  await sql`
    CREATE TABLE staff_sessions (
      org_id       text NOT NULL REFERENCES organizations(id),
      id_hash      text PRIMARY KEY,
      user_id      uuid NOT NULL,
      created_at   timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      FOREIGN KEY (org_id, user_id) REFERENCES staff_users(org_id, id) ON DELETE CASCADE
    )`.execute(db);
  await sql`CREATE INDEX staff_sessions_user ON staff_sessions (org_id, user_id)`.execute(db);
  await sql`
    CREATE TABLE staff_api_tokens (
      org_id      text NOT NULL REFERENCES organizations(id),
      id_hash     text PRIMARY KEY,
      user_id     uuid NOT NULL,
      label       text NOT NULL,
      created_at  timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (org_id, user_id) REFERENCES staff_users(org_id, id) ON DELETE CASCADE
    )`.execute(db);
  await sql`
    CREATE TABLE staff_login_failures (
      org_id  text NOT NULL REFERENCES organizations(id),
      key     text NOT NULL,
      at      timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX staff_login_failures_key ON staff_login_failures (org_id, key, at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS staff_login_failures`.execute(db);
  await sql`DROP TABLE IF EXISTS staff_api_tokens`.execute(db);
  await sql`DROP TABLE IF EXISTS staff_sessions`.execute(db);
  await sql`DROP TABLE IF EXISTS staff_users`.execute(db);
}
