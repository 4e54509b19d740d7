// Use case: a user's API tokens (label, created, last used): one's own, or, for admins, anyone's.
import { listApiTokens, type ApiTokenInfo } from '../../db/repositories/staff-api-token-repo.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from './access.ts';
import { requireId, requireTokenOwnerOrAdmin } from './admin-access.ts';

/** `actor` is a signed-in staff member, or the command line (`'cli'`). */
export async function listTokensOf(ctx: AppContext, actor: StaffUser | 'cli', q: { userId: string }): Promise<ApiTokenInfo[]> {
  const userId = requireId(q.userId);
  if (actor !== 'cli') requireTokenOwnerOrAdmin(actor, userId);
  return listApiTokens(ctx.db, { orgId: ctx.orgId, userId });
}
