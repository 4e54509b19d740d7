// The kiosk links of an office: a lead or admin enables a self-service kiosk
// device by creating a link /kiosk/{office}/{token} (src/app/queue/kiosk-link-token.ts)
// and can revoke it; only the SHA-256 of the token is stored. A link outlives
// the person who made it (it belongs to the office's device, not to them).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE kiosk_links (
      org_id        text NOT NULL REFERENCES organizations(id),
      id            uuid NOT NULL DEFAULT gen_random_uuid(),
      id_hash       text NOT NULL UNIQUE,
      office_id     text NOT NULL,
      label         text NOT NULL,
      created_by    uuid NOT NULL,
      created_at    timestamptz NOT NULL DEFAULT now(),
      last_used_at  timestamptz,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, created_by) REFERENCES staff_users(org_id, id)
    )`.execute(db);
  await sql`CREATE INDEX kiosk_links_office ON kiosk_links (org_id, office_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS kiosk_links`.execute(db);
}
