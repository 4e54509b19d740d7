// Use case: log a staff member in with e-mail and password. Throttled: after 5
// failures in 15 minutes for an account, or 20 from one IP address, further
// attempts are refused (without checking the password) until the window passes.
// A successful login always starts a new session (a fresh id: no fixation).
import { countLoginFailures, clearLoginFailures, findStaffUserByEmail, recordLoginFailure } from '../../db/repositories/staff-user-repo.ts';
import { insertStaffSession, purgeStaffSessions } from '../../db/repositories/staff-session-repo.ts';
import { setLastLogin } from '../../db/repositories/staff-user-admin-repo.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../tokens.ts';
import type { StaffUser } from './access.ts';
import { normalizeStaffEmail } from './add-user.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { ABSOLUTE_HOURS, IDLE_MINUTES, newSessionId } from './staff-session.ts';

export const THROTTLE_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export type LogInResult =
  | { ok: true; sessionId: string; user: StaffUser }
  | { ok: false; reason: 'invalid' | 'throttled' };

export async function logIn(ctx: AppContext, q: { email: string; password: string; ip: string }): Promise<LogInResult> {
  const now = ctx.now();
  const email = normalizeStaffEmail(q.email).slice(0, 254);
  const accountKey = `account:${email}`;
  const ipKey = `ip:${q.ip}`;
  const since = new Date(now - THROTTLE_MINUTES * 60_000);
  const [byAccount, byIp] = await Promise.all([
    countLoginFailures(ctx.db, { orgId: ctx.orgId, key: accountKey, since }),
    countLoginFailures(ctx.db, { orgId: ctx.orgId, key: ipKey, since }),
  ]);
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byIp >= MAX_FAILURES_PER_IP) return { ok: false, reason: 'throttled' };

  const row = await findStaffUserByEmail(ctx.db, ctx.orgId, email);
  const good = row && row.active
    ? await verifyPassword(row.password_hash, q.password.slice(0, 1024))
    : (await verifyPassword(await dummyHash(), q.password.slice(0, 1024)), false);
  if (!row || !good) {
    await recordLoginFailure(ctx.db, { orgId: ctx.orgId, keys: [accountKey, ipKey], at: new Date(now) });
    return { ok: false, reason: 'invalid' };
  }
  await clearLoginFailures(ctx.db, { orgId: ctx.orgId, key: accountKey });
  await clearLoginFailures(ctx.db, { orgId: ctx.orgId, key: '', before: new Date(now - 24 * 3600_000) });
  await purgeStaffSessions(ctx.db, {
    idleBefore: new Date(now - IDLE_MINUTES * 60_000), createdBefore: new Date(now - ABSOLUTE_HOURS * 3600_000),
  });
  const sessionId = newSessionId();
  await insertStaffSession(ctx.db, { orgId: ctx.orgId, idHash: hashToken(sessionId), userId: row.id, now: new Date(now) });
  await setLastLogin(ctx.db, { orgId: ctx.orgId, id: row.id, at: new Date(now) });
  return { ok: true, sessionId, user: { id: row.id, email: row.email, name: row.name, role: row.role, offices: row.offices } };
}
