// Reading the audit log (written by organization-repo's recordAudit and
// appointment-history-repo): newest first, filtered by period, person, kind and
// office, paged; with the name of the staff user who acted.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  actorUserId: string | null;
  /** the staff user's name now, if a staff user acted */
  actorName: string | null;
  action: string;
  officeId: string | null;
  details: unknown;
}

export interface AuditQuery {
  orgId: string;
  /** only entries of these offices (a lead's); undefined: every entry, organization-wide ones too (admins) */
  offices?: string[];
  /** one office, or `null` for the organization-wide entries (no office) */
  office?: string | null;
  /** an exact action, or a family `user.*` */
  action?: string;
  /** a staff user (id), the citizen, or the system (anything else that is not staff) */
  person?: { userId: string } | 'citizen' | 'system';
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export async function listAuditEntries(db: Kysely<Database>, q: AuditQuery): Promise<AuditRow[]> {
  if (q.offices?.length === 0) return [];
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('staff_users as u', (j) => j.onRef('u.org_id', '=', 'a.org_id').onRef('u.id', '=', 'a.actor_user_id'))
    .select(['a.id', 'a.at', 'a.actor', 'a.actor_user_id', 'u.name', 'a.action', 'a.office_id', 'a.details'])
    .where('a.org_id', '=', q.orgId);
  if (q.offices) query = query.where('a.office_id', 'in', q.offices);
  if (q.office === null) query = query.where('a.office_id', 'is', null);
  else if (q.office !== undefined) query = query.where('a.office_id', '=', q.office);
  if (q.action?.endsWith('.*')) query = query.where('a.action', 'like', `${q.action.slice(0, -2).replace(/[\\%_]/g, (c) => `\\${c}`)}.%`);
  else if (q.action) query = query.where('a.action', '=', q.action);
  if (q.person === 'citizen') query = query.where('a.actor', '=', 'citizen');
  else if (q.person === 'system') query = query.where('a.actor_user_id', 'is', null).where('a.actor', '<>', 'citizen').where('a.actor', 'not like', 'staff%');
  else if (q.person) query = query.where('a.actor_user_id', '=', q.person.userId);
  if (q.from) query = query.where('a.at', '>=', q.from);
  if (q.to) query = query.where('a.at', '<', q.to);
  const rows = await query.orderBy('a.id', 'desc').limit(q.limit).offset(q.offset).execute();
  return rows.map((r) => ({
    id: String(r.id), at: new Date(r.at as unknown as string | Date), actor: r.actor, actorUserId: r.actor_user_id, actorName: r.name ?? null,
    action: r.action, officeId: r.office_id, details: r.details,
  }));
}
