// Use case: revoke an API token: one's own, or, for admins, anyone's (and the
// command line). Someone else's token or an unknown id is not_found. Recorded
// in the audit log (label and id, never the token).
import { deleteApiToken } from '../../db/repositories/staff-api-token-repo.ts';
import { findStaffUserById } from '../../db/repositories/staff-user-repo.ts';
import { recordAudit } from '../../db/repositories/organization-repo.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from './access.ts';
import { actorOf, requireId, requireTokenOwnerOrAdmin } from './admin-access.ts';

/** `actor` is a signed-in staff member, or the command line (`'cli'`). */
export async function revokeApiToken(ctx: AppContext, actor: StaffUser | 'cli', q: { userId: string; tokenId: string }): Promise<void> {
  const userId = requireId(q.userId);
  const tokenId = requireId(q.tokenId);
  if (actor !== 'cli') requireTokenOwnerOrAdmin(actor, userId);
  await ctx.db.transaction().execute(async (tx) => {
    const owner = await findStaffUserById(tx, ctx.orgId, userId);
    const label = owner ? await deleteApiToken(tx, { orgId: ctx.orgId, userId, id: tokenId }) : undefined;
    if (!owner || label === undefined) throw new DomainError('not_found');
    await recordAudit(tx, {
      orgId: ctx.orgId, actor: actor === 'cli' ? 'cli' : actorOf(actor), action: 'token.revoke', details: { tokenId, userId, email: owner.email, label },
    });
  });
}
