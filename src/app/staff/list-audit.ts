// Use case: read the audit log (admins only): newest first, by action and actor, a page at a time.
import { listAuditActions, listAuditEntries, type AuditRow } from '../../db/repositories/staff-audit-repo.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from './access.ts';
import { canReadAudit } from './settings-access.ts';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditPage {
  entries: AuditRow[];
  actions: string[];
  page: number;
  hasMore: boolean;
  timezone: string;
}

export async function listAudit(
  ctx: AppContext,
  user: StaffUser,
  q: { action?: string; actor?: string; page?: number },
): Promise<AuditPage> {
  if (!canReadAudit(user)) throw new DomainError('not_found');
  const page = Math.min(Math.max(1, Math.floor(q.page ?? 1)), 10_000);
  const rows = await listAuditEntries(ctx.db, {
    orgId: ctx.orgId,
    action: q.action?.trim().slice(0, 100) || undefined,
    actor: q.actor?.trim().slice(0, 200) || undefined,
    limit: AUDIT_PAGE_SIZE + 1,
    offset: (page - 1) * AUDIT_PAGE_SIZE,
  });
  const catalog = await ctx.catalog();
  return {
    entries: rows.slice(0, AUDIT_PAGE_SIZE),
    actions: await listAuditActions(ctx.db, ctx.orgId),
    page,
    hasMore: rows.length > AUDIT_PAGE_SIZE,
    timezone: catalog.config.organization.timezone,
  };
}
