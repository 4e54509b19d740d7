// Use case: the staff member behind an API token, or null. Notes when the
// token was last used (a write at most once a minute per token).
import { findApiTokenUser, touchApiToken } from '../../db/repositories/staff-api-token-repo.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../tokens.ts';
import type { StaffUser } from './access.ts';
import { API_TOKEN_PREFIX } from './create-api-token.ts';

export async function resolveApiToken(ctx: AppContext, token: string | undefined): Promise<StaffUser | null> {
  if (!token || !token.startsWith(API_TOKEN_PREFIX) || token.length > 100) return null;
  const u = await findApiTokenUser(ctx.db, { orgId: ctx.orgId, idHash: hashToken(token) });
  if (!u) return null;
  const now = ctx.now();
  if (!u.token_last_used_at || now - u.token_last_used_at.getTime() > 60_000) {
    await touchApiToken(ctx.db, { orgId: ctx.orgId, id: u.token_id, at: new Date(now) });
  }
  return { id: u.id, email: u.email, name: u.name, role: u.role, offices: u.offices };
}
