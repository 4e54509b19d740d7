// Use case: keep a held time for another `holdMinutes` while the citizen is still
// filling in the form. A hold row that still exists blocks its lane (bookings
// delete expired holds they overlap), so even a just-expired one may be renewed.
import { DomainError } from '../domain/errors.ts';
import { toRfc3339 } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import type { HoldResult } from './hold-slot.ts';
import { isHoldId } from './tokens.ts';

export async function extendHold(ctx: AppContext, holdId: string): Promise<HoldResult> {
  if (!isHoldId(holdId)) throw new DomainError('not_found');
  const catalog = await ctx.catalog();
  const hold = await ctx.db
    .selectFrom('appointments')
    .select(['office_id'])
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', holdId)
    .where('status', '=', 'held')
    .executeTakeFirst();
  const office = hold && catalog.offices.get(hold.office_id);
  if (!office) throw new DomainError('not_found');
  const now = ctx.now();
  const expiresAt = now + office.booking.holdMinutes * 60_000;
  const r = await ctx.db
    .updateTable('appointments')
    .set({ expires_at: new Date(expiresAt), updated_at: new Date(now) })
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', holdId)
    .where('status', '=', 'held')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new DomainError('not_found');
  return { holdId, expiresAt: toRfc3339(expiresAt, catalog.config.organization.timezone) };
}
