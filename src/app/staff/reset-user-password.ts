// Use case: an admin gives another staff member a new random password (shown
// once, stored as argon2id hash); all of that user's sessions end. Admins
// change their own password on their account page (change-own-password.ts).
import { deleteSessionsOfUser, updateStaffUser } from '../../db/repositories/staff-user-admin-repo.ts';
import { findStaffUserById } from '../../db/repositories/staff-user-repo.ts';
import { recordAudit } from '../../db/repositories/organization-repo.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from './access.ts';
import { actorOf, requireAdmin, requireId } from './admin-access.ts';
import { generatePassword, hashPassword } from './passwords.ts';

export async function resetUserPassword(ctx: AppContext, actor: StaffUser, q: { id: string }): Promise<{ email: string; password: string }> {
  requireAdmin(actor);
  const id = requireId(q.id);
  const target = await findStaffUserById(ctx.db, ctx.orgId, id);
  if (!target) throw new DomainError('not_found');
  if (target.id === actor.id) throw new DomainError('validation', { fields: { password: { key: 'user.selfReset' } } });
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction().execute(async (tx) => {
    await updateStaffUser(tx, { orgId: ctx.orgId, id, passwordHash });
    const sessions = await deleteSessionsOfUser(tx, { orgId: ctx.orgId, userId: id });
    await recordAudit(tx, { orgId: ctx.orgId, actor: actorOf(actor), action: 'user.password_reset', details: { userId: id, email: target.email, sessionsEnded: sessions } });
  });
  return { email: target.email, password };
}
