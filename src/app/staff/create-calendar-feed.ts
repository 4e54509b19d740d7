// Use case: an office lead (own offices) or admin creates a calendar feed for
// an office: a label, and a URL with a 256-bit token, returned once and
// stored only hashed. Recorded in the audit log (without the token).
import { insertCalendarFeed } from '../../db/repositories/staff-calendar-feed-repo.ts';
import { recordAudit } from '../../db/repositories/organization-repo.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../tokens.ts';
import type { StaffUser } from './access.ts';
import { actorOf, requireFeedOffice } from './admin-access.ts';
import { feedPath, newFeedToken } from './calendar-feed-token.ts';

export async function createCalendarFeed(
  ctx: AppContext, user: StaffUser, q: { office: string; label: string },
): Promise<{ id: string; token: string; url: string }> {
  const catalog = await ctx.catalog();
  requireFeedOffice(user, q.office, catalog);
  const label = q.label.trim();
  if (label.length === 0 || label.length > 100) throw new DomainError('validation', { fields: { label: { key: 'label.required' } } });
  const token = newFeedToken();
  const id = await ctx.db.transaction().execute(async (tx) => {
    const feedId = await insertCalendarFeed(tx, { orgId: ctx.orgId, idHash: hashToken(token), officeId: q.office, label, createdBy: user.id });
    await recordAudit(tx, { orgId: ctx.orgId, actor: actorOf(user), action: 'feed.create', details: { feedId, office: q.office, label } });
    return feedId;
  });
  const base = catalog.config.organization.publicUrl.replace(/\/+$/, '');
  return { id, token, url: `${base}${feedPath(token)}` };
}
