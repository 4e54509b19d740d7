// Staff administration in the browser: when a user last logged in, API tokens
// with an id (to list and revoke them) and when they were last used, and the
// token-protected calendar feeds per office (only the SHA-256 of a feed's token
// is stored; a feed acts with the rights of the user who created it).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE staff_users ADD COLUMN last_login_at timestamptz`.execute(db);
  await sql`ALTER TABLE staff_api_tokens ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()`.execute(db);
  await sql`ALTER TABLE staff_api_tokens ADD COLUMN last_used_at timestamptz`.execute(db);
  await sql`CREATE UNIQUE INDEX staff_api_tokens_id ON staff_api_tokens (org_id, id)`.execute(db);
  await sql`CREATE INDEX staff_api_tokens_user ON staff_api_tokens (org_id, user_id)`.execute(db);
  await sql`
    CREATE TABLE staff_calendar_feeds (
      org_id        text NOT NULL REFERENCES organizations(id),
      id            uuid NOT NULL DEFAULT gen_random_uuid(),
      id_hash       text NOT NULL UNIQUE,
      office_id     text NOT NULL,
      label         text NOT NULL,
      created_by    uuid NOT NULL,
      created_at    timestamptz NOT NULL DEFAULT now(),
      last_used_at  timestamptz,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, created_by) REFERENCES staff_users(org_id, id) ON DELETE CASCADE
    )`.execute(db);
  await sql`CREATE INDEX staff_calendar_feeds_office ON staff_calendar_feeds (org_id, office_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS staff_calendar_feeds`.execute(db);
  await sql`DROP INDEX IF EXISTS staff_api_tokens_user`.execute(db);
  await sql`DROP INDEX IF EXISTS staff_api_tokens_id`.execute(db);
  await sql`ALTER TABLE staff_api_tokens DROP COLUMN IF EXISTS last_used_at`.execute(db);
  await sql`ALTER TABLE staff_api_tokens DROP COLUMN IF EXISTS id`.execute(db);
  await sql`ALTER TABLE staff_users DROP COLUMN IF EXISTS last_login_at`.execute(db);
}
