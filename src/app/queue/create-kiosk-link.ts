// Use case: an office lead (own offices) or admin enables a kiosk device: a
// label (where it stands) and an address with a 256-bit token, returned once
// and stored only hashed. Recorded in the audit log (without the token).
import { insertKioskLink } from '../../db/repositories/kiosk-link-repo.ts';
import { recordAudit } from '../../db/repositories/organization-repo.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from '../staff/access.ts';
import { actorOf, requireFeedOffice } from '../staff/admin-access.ts';
import { hashToken } from '../tokens.ts';
import { kioskPath, newKioskToken } from './kiosk-link-token.ts';

export async function createKioskLink(
  ctx: AppContext, user: StaffUser, q: { office: string; label: string },
): Promise<{ id: string; url: string }> {
  const catalog = await ctx.catalog();
  requireFeedOffice(user, q.office, catalog);
  const label = q.label.trim();
  if (label.length === 0 || label.length > 100) throw new DomainError('validation', { fields: { label: { key: 'label.required' } } });
  const token = newKioskToken();
  const id = await ctx.db.transaction().execute(async (tx) => {
    const linkId = await insertKioskLink(tx, { orgId: ctx.orgId, idHash: hashToken(token), officeId: q.office, label, createdBy: user.id });
    await recordAudit(tx, { orgId: ctx.orgId, actor: actorOf(user), action: 'kiosk.create', details: { kioskId: linkId, office: q.office, label } });
    return linkId;
  });
  const base = catalog.config.organization.publicUrl.replace(/\/+$/, '');
  return { id, url: `${base}${kioskPath(q.office, token)}` };
}
