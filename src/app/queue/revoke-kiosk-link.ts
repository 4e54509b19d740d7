// Use case: revoke a kiosk link of an office (its leads and admins); the
// device's address answers 404 from its next request on. Recorded in the audit log.
import { deleteKioskLink } from '../../db/repositories/kiosk-link-repo.ts';
import { recordAudit } from '../../db/repositories/organization-repo.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from '../staff/access.ts';
import { actorOf, requireFeedOffice, requireId } from '../staff/admin-access.ts';

export async function revokeKioskLink(ctx: AppContext, user: StaffUser, q: { office: string; id: string }): Promise<void> {
  requireFeedOffice(user, q.office, await ctx.catalog());
  const id = requireId(q.id);
  await ctx.db.transaction().execute(async (tx) => {
    const label = await deleteKioskLink(tx, { orgId: ctx.orgId, officeId: q.office, id });
    if (label === undefined) throw new DomainError('not_found');
    await recordAudit(tx, { orgId: ctx.orgId, actor: actorOf(user), action: 'kiosk.revoke', details: { kioskId: id, office: q.office, label } });
  });
}
