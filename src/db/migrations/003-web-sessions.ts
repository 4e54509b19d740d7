// Sessions of the citizen booking pages: the journey's state lives here, not
// in the URL. The cookie carries a random id (256 bits); only its SHA-256 is
// stored. Rows expire; expired rows are deleted when new sessions are made.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE web_sessions (
      org_id      text NOT NULL REFERENCES organizations(id),
      id_hash     text PRIMARY KEY,
      data        jsonb NOT NULL,
      created_at  timestamptz NOT NULL DEFAULT now(),
      updated_at  timestamptz NOT NULL DEFAULT now(),
      expires_at  timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX web_sessions_expiry ON web_sessions (expires_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS web_sessions`.execute(db);
}
