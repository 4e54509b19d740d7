// Use case: keep a held time for another `holdMinutes` while the citizen is still
// filling in the form. A hold row that still exists blocks its lane (bookings
// delete expired holds they overlap), so even a just-expired one may be renewed.
import { DomainError } from '../domain/errors.ts';
import { toRfc3339 } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import { holdExpiry, type HoldResult } from './hold-slot.ts';
import { findHoldOffice, setHoldExpiry } from '../db/repositories/appointment-repo.ts';
import { isHoldId } from './tokens.ts';

export async function extendHold(ctx: AppContext, holdId: string): Promise<HoldResult> {
  if (!isHoldId(holdId)) throw new DomainError('not_found');
  const catalog = await ctx.catalog();
  const officeId = await findHoldOffice(ctx.db, ctx.orgId, holdId);
  const office = officeId ? catalog.offices.get(officeId) : undefined;
  if (!office) throw new DomainError('not_found');
  const now = ctx.now();
  const expiresAt = holdExpiry(now, office.booking.holdMinutes);
  if (!(await setHoldExpiry(ctx.db, ctx.orgId, holdId, new Date(expiresAt), new Date(now)))) throw new DomainError('not_found');
  return { holdId, expiresAt: toRfc3339(expiresAt, catalog.config.organization.timezone) };
}
