// Use case: every staff account of the organization, for the users page (admins only).
import { listStaffUsers } from '../../db/repositories/staff-user-admin-repo.ts';
import { findStaffUserById } from '../../db/repositories/staff-user-repo.ts';
import type { StaffRole } from '../../db/schema.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from './access.ts';
import { requireAdmin, requireId } from './admin-access.ts';

export interface StaffAccount {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  offices: string[];
  active: boolean;
  lastLoginAt: Date | null;
}

function account(r: { id: string; email: string; name: string; role: StaffRole; offices: string[]; active: boolean; last_login_at: Date | null }): StaffAccount {
  return { id: r.id, email: r.email, name: r.name, role: r.role, offices: r.offices, active: r.active, lastLoginAt: r.last_login_at };
}

export async function listUsers(ctx: AppContext, actor: StaffUser): Promise<StaffAccount[]> {
  requireAdmin(actor);
  return (await listStaffUsers(ctx.db, ctx.orgId)).map(account);
}

export async function getUser(ctx: AppContext, actor: StaffUser, id: string): Promise<StaffAccount> {
  requireAdmin(actor);
  const row = await findStaffUserById(ctx.db, ctx.orgId, requireId(id));
  if (!row) throw new DomainError('not_found');
  return account(row);
}
