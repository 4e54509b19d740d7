// Use case: a staff member changes their own password: the current one is
// required (a wrong one counts as a failed login for the throttle), the new
// one has at least 12 characters; every other session of theirs ends.
import { countLoginFailures, findStaffUserById, recordLoginFailure } from '../../db/repositories/staff-user-repo.ts';
import { deleteSessionsOfUser, updateStaffUser } from '../../db/repositories/staff-user-admin-repo.ts';
import { recordAudit } from '../../db/repositories/organization-repo.ts';
import { DomainError, type FieldErrors } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../tokens.ts';
import type { StaffUser } from './access.ts';
import { actorOf } from './admin-access.ts';
import { MAX_FAILURES_PER_ACCOUNT, THROTTLE_MINUTES } from './log-in.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';

export async function changeOwnPassword(
  ctx: AppContext, user: StaffUser, q: { current: string; next: string; confirm: string; sessionId?: string },
): Promise<{ sessionsEnded: number }> {
  const now = ctx.now();
  const accountKey = `account:${user.email}`;
  const failures = await countLoginFailures(ctx.db, { orgId: ctx.orgId, key: accountKey, since: new Date(now - THROTTLE_MINUTES * 60_000) });
  if (failures >= MAX_FAILURES_PER_ACCOUNT) throw new DomainError('validation', { fields: { current: { key: 'password.throttled' } } });
  const row = await findStaffUserById(ctx.db, ctx.orgId, user.id);
  if (!row || !row.active) throw new DomainError('not_found');
  const fields: FieldErrors = {};
  if (!(await verifyPassword(row.password_hash, q.current.slice(0, 1024)))) {
    await recordLoginFailure(ctx.db, { orgId: ctx.orgId, keys: [accountKey], at: new Date(now) });
    fields.current = { key: 'password.wrong' };
  }
  if (q.next.length < MIN_PASSWORD_LENGTH || q.next.length > 1024) fields.next = { key: 'password.tooShort', params: { min: MIN_PASSWORD_LENGTH } };
  else if (q.confirm !== q.next) fields.confirm = { key: 'password.mismatch' };
  if (Object.keys(fields).length > 0) throw new DomainError('validation', { fields });
  const passwordHash = await hashPassword(q.next);
  return ctx.db.transaction().execute(async (tx) => {
    await updateStaffUser(tx, { orgId: ctx.orgId, id: user.id, passwordHash });
    const sessionsEnded = await deleteSessionsOfUser(tx, {
      orgId: ctx.orgId, userId: user.id, keepIdHash: q.sessionId ? hashToken(q.sessionId) : undefined,
    });
    await recordAudit(tx, { orgId: ctx.orgId, actor: actorOf(user), action: 'user.password_change', details: { userId: user.id, otherSessionsEnded: sessionsEnded } });
    return { sessionsEnded };
  });
}
