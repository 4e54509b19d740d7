// Use case: the calendar feeds of an office (label, created by, created, last
// used), for its leads and admins.
import { listCalendarFeeds, type CalendarFeedInfo } from '../../db/repositories/staff-calendar-feed-repo.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from './access.ts';
import { requireFeedOffice } from './admin-access.ts';

export async function listOfficeFeeds(ctx: AppContext, user: StaffUser, q: { office: string }): Promise<CalendarFeedInfo[]> {
  requireFeedOffice(user, q.office, await ctx.catalog());
  return listCalendarFeeds(ctx.db, { orgId: ctx.orgId, officeId: q.office });
}
