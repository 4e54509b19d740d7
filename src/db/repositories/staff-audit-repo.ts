// Reading the audit log (written by organization-repo's recordAudit): newest first, filtered, paged.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  details: unknown;
}

export async function listAuditEntries(
  db: Kysely<Database>,
  q: { orgId: string; action?: string; actor?: string; limit: number; offset: number },
): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').select(['id', 'at', 'actor', 'action', 'details']).where('org_id', '=', q.orgId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.actor) query = query.where('actor', 'ilike', `%${q.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await query.orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute();
  return rows.map((r) => ({ ...r, id: String(r.id), at: new Date(r.at as unknown as string | Date) }));
}

/** The actions that occur in the log, for the filter. */
export async function listAuditActions(db: Kysely<Database>, orgId: string): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('action').distinct().where('org_id', '=', orgId).orderBy('action').execute();
  return rows.map((r) => r.action);
}
