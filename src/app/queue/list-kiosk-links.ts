// Use case: the kiosk links of an office (label, made by, made, last used),
// for its leads and admins.
import { listKioskLinks, type KioskLinkInfo } from '../../db/repositories/kiosk-link-repo.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from '../staff/access.ts';
import { requireFeedOffice } from '../staff/admin-access.ts';

export async function listOfficeKioskLinks(ctx: AppContext, user: StaffUser, q: { office: string }): Promise<KioskLinkInfo[]> {
  requireFeedOffice(user, q.office, await ctx.catalog());
  return listKioskLinks(ctx.db, { orgId: ctx.orgId, officeId: q.office });
}
