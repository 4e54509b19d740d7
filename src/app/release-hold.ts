// Use case: give a held time back before it expires.
import { DomainError } from '../domain/errors.ts';
import { deleteHold } from '../db/repositories/appointment-repo.ts';
import type { AppContext } from './context.ts';
import { isHoldId } from './tokens.ts';

export async function releaseHold(ctx: AppContext, holdId: string): Promise<void> {
  if (!isHoldId(holdId) || !(await deleteHold(ctx.db, ctx.orgId, holdId))) throw new DomainError('not_found');
  ctx.forgetAvailability();
}
