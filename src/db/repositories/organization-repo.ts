// Reads and writes an organization's configuration (organization, services, offices).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { Assistant, Office, OrgConfig, Organization, Service } from '../../domain/types.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function loadOrgConfig(db: Db, orgId: string): Promise<OrgConfig | null> {
  const org = await db.selectFrom('organizations').select('config').where('id', '=', orgId).executeTakeFirst();
  if (!org) return null;
  const [services, offices] = await Promise.all([
    db.selectFrom('services').select('data').where('org_id', '=', orgId).orderBy('position').execute(),
    db.selectFrom('offices').select('data').where('org_id', '=', orgId).orderBy('position').execute(),
  ]);
  // the assistant is kept beside the organization's fields in the same JSON
  const { assistant, ...organization } = org.config as Organization & { assistant?: Assistant };
  return {
    organization: organization as Organization,
    services: services.map((r) => r.data as Service),
    offices: offices.map((r) => r.data as Office),
    ...(assistant ? { assistant } : {}),
  };
}

/** Serialises configuration changes of one organization (inside a transaction). */
export async function lockOrganizationConfig(tx: Transaction<Database>, orgId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`config:${orgId}`}, 0))`.execute(tx);
}

export async function organizationExists(db: Db, orgId: string): Promise<boolean> {
  return (await db.selectFrom('organizations').select('id').where('id', '=', orgId).executeTakeFirst()) !== undefined;
}

/** A trivial query: is the database reachable? */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`SELECT 1`.execute(db);
}

export async function listOrganizationIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('organizations').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Replaces the organization's whole configuration (call inside a transaction). */
export async function saveOrgConfig(tx: Transaction<Database>, orgId: string, config: OrgConfig): Promise<void> {
  const orgJson = JSON.stringify(config.assistant ? { ...config.organization, assistant: config.assistant } : config.organization);
  await tx
    .insertInto('organizations')
    .values({ id: orgId, config: orgJson })
    .onConflict((oc) => oc.column('id').doUpdateSet({ config: orgJson, updated_at: sql`now()` }))
    .execute();
  await tx.deleteFrom('services').where('org_id', '=', orgId).execute();
  await tx.deleteFrom('offices').where('org_id', '=', orgId).execute();
  if (config.services.length > 0) {
    await tx
      .insertInto('services')
      .values(config.services.map((s, position) => ({ org_id: orgId, id: s.id, position, data: JSON.stringify(s) })))
      .execute();
  }
  if (config.offices.length > 0) {
    await tx
      .insertInto('offices')
      .values(config.offices.map((o, position) => ({ org_id: orgId, id: o.id, position, data: JSON.stringify(o) })))
      .execute();
  }
}

export async function recordAudit(
  tx: Db,
  entry: { orgId: string; actor: string; action: string; details?: unknown },
): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({ org_id: entry.orgId, actor: entry.actor, action: entry.action, details: JSON.stringify(entry.details ?? {}) })
    .execute();
}
