// Use case: revoke a calendar feed of an office (its leads and admins); the
// URL answers 404 from then on. Recorded in the audit log.
import { deleteCalendarFeed } from '../../db/repositories/staff-calendar-feed-repo.ts';
import { recordAudit } from '../../db/repositories/organization-repo.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from './access.ts';
import { actorOf, requireFeedOffice, requireId } from './admin-access.ts';

export async function revokeCalendarFeed(ctx: AppContext, user: StaffUser, q: { office: string; id: string }): Promise<void> {
  requireFeedOffice(user, q.office, await ctx.catalog());
  const id = requireId(q.id);
  await ctx.db.transaction().execute(async (tx) => {
    const label = await deleteCalendarFeed(tx, { orgId: ctx.orgId, officeId: q.office, id });
    if (label === undefined) throw new DomainError('not_found');
    await recordAudit(tx, { orgId: ctx.orgId, actor: actorOf(user), action: 'feed.revoke', details: { feedId: id, office: q.office, label } });
  });
}
