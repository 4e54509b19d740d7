// Use case: an admin deactivates or reactivates a staff account. Deactivating
// ends the user's sessions, revokes their API tokens and the calendar feeds
// they created, at once and in one transaction; a deactivated user cannot log
// in (log-in.ts), and sessions and tokens resolve only for active users.
// Guard rails: nobody deactivates themselves, and the last active admin stays.
import { countActiveAdmins, deleteSessionsOfUser, lockStaffUsers, updateStaffUser } from '../../db/repositories/staff-user-admin-repo.ts';
import { deleteApiTokensOfUser } from '../../db/repositories/staff-api-token-repo.ts';
import { deleteCalendarFeedsOfUser } from '../../db/repositories/staff-calendar-feed-repo.ts';
import { findStaffUserById } from '../../db/repositories/staff-user-repo.ts';
import { recordAudit } from '../../db/repositories/organization-repo.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from './access.ts';
import { actorOf, requireAdmin, requireId } from './admin-access.ts';

/** `actor` is a signed-in admin, or the command line (`'cli'`). */
export async function setUserActive(
  ctx: AppContext, actor: StaffUser | 'cli', q: { id: string; active: boolean },
): Promise<{ sessions: number; tokens: number; feeds: number }> {
  if (actor !== 'cli') requireAdmin(actor);
  const id = requireId(q.id);
  return ctx.db.transaction().execute(async (tx) => {
    await lockStaffUsers(tx, ctx.orgId);
    const target = await findStaffUserById(tx, ctx.orgId, id);
    if (!target) throw new DomainError('not_found');
    const ended = { sessions: 0, tokens: 0, feeds: 0 };
    if (!q.active) {
      if (actor !== 'cli' && target.id === actor.id) throw new DomainError('validation', { fields: { active: { key: 'user.selfDeactivate' } } });
      if (target.role === 'admin' && target.active && (await countActiveAdmins(tx, ctx.orgId)) <= 1) {
        throw new DomainError('validation', { fields: { active: { key: 'user.lastAdmin' } } });
      }
      ended.sessions = await deleteSessionsOfUser(tx, { orgId: ctx.orgId, userId: id });
      ended.tokens = await deleteApiTokensOfUser(tx, { orgId: ctx.orgId, userId: id });
      ended.feeds = await deleteCalendarFeedsOfUser(tx, { orgId: ctx.orgId, userId: id });
    }
    if (target.active === q.active) return ended;
    await updateStaffUser(tx, { orgId: ctx.orgId, id, active: q.active });
    await recordAudit(tx, {
      orgId: ctx.orgId, actor: actor === 'cli' ? 'cli' : actorOf(actor), action: q.active ? 'user.reactivate' : 'user.deactivate',
      details: { userId: id, email: target.email, ...(q.active ? {} : { sessionsEnded: ended.sessions, tokensRevoked: ended.tokens, feedsRevoked: ended.feeds }) },
    });
    return ended;
  });
}
