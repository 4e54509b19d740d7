// Use case: end a staff session.
import { deleteStaffSession } from '../../db/repositories/staff-session-repo.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../tokens.ts';

export async function logOut(ctx: AppContext, sessionId: string | undefined): Promise<void> {
  if (!sessionId || sessionId.length > 100) return;
  await deleteStaffSession(ctx.db, { orgId: ctx.orgId, idHash: hashToken(sessionId) });
}
