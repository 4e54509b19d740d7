// Use case: the staff member behind an API token, or null.
import { findApiTokenUser } from '../../db/repositories/staff-api-token-repo.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../tokens.ts';
import type { StaffUser } from './access.ts';
import { API_TOKEN_PREFIX } from './create-api-token.ts';

export async function resolveApiToken(ctx: AppContext, token: string | undefined): Promise<StaffUser | null> {
  if (!token || !token.startsWith(API_TOKEN_PREFIX) || token.length > 100) return null;
  const u = await findApiTokenUser(ctx.db, { orgId: ctx.orgId, idHash: hashToken(token) });
  return u ? { id: u.id, email: u.email, name: u.name, role: u.role, offices: u.offices } : null;
}
