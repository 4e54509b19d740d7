// Use case: what deactivating a staff account would end, for the confirmation
// an admin sees first (the second POST does it, set-user-active.ts): the
// sessions still valid, the API tokens and the calendar feeds the user made
// (by label). The same guard rails as the deactivation itself (not oneself,
// not the last active admin), so a refusal comes before the question.
import { countActiveAdmins, countLiveSessionsOfUser } from '../../db/repositories/staff-user-admin-repo.ts';
import { listApiTokens } from '../../db/repositories/staff-api-token-repo.ts';
import { listCalendarFeedsOfUser } from '../../db/repositories/staff-calendar-feed-repo.ts';
import { findStaffUserById } from '../../db/repositories/staff-user-repo.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from './access.ts';
import { requireAdmin, requireId } from './admin-access.ts';
import { ABSOLUTE_HOURS, IDLE_MINUTES } from './staff-session.ts';

export interface DeactivationPreview {
  user: { id: string; name: string; email: string; active: boolean };
  /** sessions that are still valid now */
  sessions: number;
  tokens: { label: string }[];
  feeds: { label: string; office: string }[];
}

export async function previewDeactivation(ctx: AppContext, actor: StaffUser, q: { id: string }): Promise<DeactivationPreview> {
  requireAdmin(actor);
  const id = requireId(q.id);
  const target = await findStaffUserById(ctx.db, ctx.orgId, id);
  if (!target) throw new DomainError('not_found');
  if (target.id === actor.id) throw new DomainError('validation', { fields: { active: { key: 'user.selfDeactivate' } } });
  if (target.role === 'admin' && target.active && (await countActiveAdmins(ctx.db, ctx.orgId)) <= 1) {
    throw new DomainError('validation', { fields: { active: { key: 'user.lastAdmin' } } });
  }
  const now = ctx.now();
  const [sessions, tokens, feeds] = await Promise.all([
    countLiveSessionsOfUser(ctx.db, {
      orgId: ctx.orgId, userId: id, seenSince: new Date(now - IDLE_MINUTES * 60_000), createdSince: new Date(now - ABSOLUTE_HOURS * 3600_000),
    }),
    listApiTokens(ctx.db, { orgId: ctx.orgId, userId: id }),
    listCalendarFeedsOfUser(ctx.db, { orgId: ctx.orgId, userId: id }),
  ]);
  return {
    user: { id, name: target.name, email: target.email, active: target.active },
    sessions,
    tokens: tokens.map((t) => ({ label: t.label })),
    feeds: feeds.map((f) => ({ label: f.label, office: f.officeId })),
  };
}
