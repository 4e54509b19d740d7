// Use case: the staff member behind a session id, or null when the session is
// unknown, idle for more than 30 minutes or older than 10 hours (then it is deleted).
// A request that is no one's action (the day view refreshing itself) does not
// count as activity: `touch: false` leaves the idle clock running.
import { deleteStaffSession, findStaffSession, touchStaffSession } from '../../db/repositories/staff-session-repo.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../tokens.ts';
import type { StaffUser } from './access.ts';
import { ABSOLUTE_HOURS, IDLE_MINUTES } from './staff-session.ts';

export async function resolveSession(ctx: AppContext, sessionId: string | undefined, opts: { touch?: boolean } = {}): Promise<StaffUser | null> {
  if (!sessionId || sessionId.length > 100) return null;
  const idHash = hashToken(sessionId);
  const s = await findStaffSession(ctx.db, { orgId: ctx.orgId, idHash });
  if (!s) return null;
  const now = ctx.now();
  if (now - s.lastSeenAt.getTime() > IDLE_MINUTES * 60_000 || now - s.createdAt.getTime() > ABSOLUTE_HOURS * 3600_000) {
    await deleteStaffSession(ctx.db, { orgId: ctx.orgId, idHash });
    return null;
  }
  // a write at most every 30 seconds per session
  if (opts.touch !== false && now - s.lastSeenAt.getTime() > 30_000) await touchStaffSession(ctx.db, { orgId: ctx.orgId, idHash, now: new Date(now) });
  const u = s.user;
  return { id: u.id, email: u.email, name: u.name, role: u.role, offices: u.offices };
}
