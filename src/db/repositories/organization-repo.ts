// Reads and writes an organization's configuration (organization, services, offices).
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { Assistant, Office, OrgConfig, Organization, Service } from '../../domain/types.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function loadOrgConfig(db: Db, orgId: string): Promise<OrgConfig | null> {
  return (await loadVersionedConfig(db, orgId))?.config ?? null;
}

/**
 * The configuration and its version (the time of its last write, to the microsecond), read in one
 * statement so the organization, services and offices always come from the same snapshot.
 */
export async function loadVersionedConfig(db: Db, orgId: string): Promise<{ config: OrgConfig; version: string } | null> {
  const r = await sql<{ config: Organization & { assistant?: Assistant }; version: string; services: Service[] | null; offices: Office[] | null }>`
    SELECT o.config, o.updated_at::text AS version,
           (SELECT json_agg(s.data ORDER BY s.position) FROM services s WHERE s.org_id = o.id) AS services,
           (SELECT json_agg(f.data ORDER BY f.position) FROM offices f WHERE f.org_id = o.id) AS offices
      FROM organizations o
     WHERE o.id = ${orgId}`.execute(db);
  const row = r.rows[0];
  if (!row) return null;
  // the assistant is kept beside the organization's fields in the same JSON
  const { assistant, ...organization } = row.config;
  return {
    version: row.version,
    config: {
      organization: organization as Organization,
      services: row.services ?? [],
      offices: row.offices ?? [],
      ...(assistant ? { assistant } : {}),
    },
  };
}

/**
 * Taken (shared) by every write that places an appointment on a lane, so a configuration change
 * (which takes it exclusively) either sees that appointment or is seen by it. With an e-mail key,
 * the address's lock (maxActivePerEmail) is taken in the same round trip.
 */
export async function shareConfigLock(tx: Transaction<Database>, orgId: string, emailLock?: string): Promise<void> {
  if (emailLock === undefined) {
    await sql`SELECT pg_advisory_xact_lock_shared(hashtextextended(${`config:${orgId}`}, 0))`.execute(tx);
  } else {
    await sql`SELECT pg_advisory_xact_lock_shared(hashtextextended(${`config:${orgId}`}, 0)),
                     pg_advisory_xact_lock(hashtextextended(${`${orgId}:${emailLock}`}, 0))`.execute(tx);
  }
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

/**
 * Writes an audit entry. The office it concerns is taken from `details.office` (so a lead
 * sees their offices' entries), the staff user from an actor `staff:EMAIL` (by id, for the
 * person filter and the name shown).
 */
export async function recordAudit(
  tx: Db,
  entry: { orgId: string; actor: string; action: string; details?: unknown; /** when (epoch ms; default: the database's clock) */ at?: number },
): Promise<void> {
  await tx.insertInto('audit_log').values(auditValues(entry)).execute();
}

/** The audit_log row of an entry: its office from `details.office`, its staff user from the actor `staff:EMAIL`. */
export function auditValues(entry: { orgId: string; actor: string; action: string; details?: unknown; at?: number }) {
  const office = (entry.details as { office?: unknown } | undefined)?.office;
  const email = entry.actor.startsWith('staff:') ? entry.actor.slice('staff:'.length) : null;
  return {
    org_id: entry.orgId, actor: entry.actor, action: entry.action, details: JSON.stringify(entry.details ?? {}),
    ...(entry.at === undefined ? {} : { at: new Date(entry.at) }),
    office_id: typeof office === 'string' ? office : null,
    actor_user_id: email === null ? null
      : (eb: ExpressionBuilder<Database, 'audit_log'>) => eb.selectFrom('staff_users').select('id').where('org_id', '=', entry.orgId).where('email', '=', email),
  };
}
