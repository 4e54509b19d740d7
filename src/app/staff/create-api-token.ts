// Use case: a token for the staff API (`Authorization: Bearer …`), acting as
// the given user with that user's role and offices. Shown once; stored hashed.
// Made on the command line (`amtszeit user token`, actor `cli`) or by the user
// on their account page; recorded in the audit log (without the token).
import { randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { findStaffUserByEmail } from '../../db/repositories/staff-user-repo.ts';
import { insertApiToken } from '../../db/repositories/staff-api-token-repo.ts';
import { recordAudit } from '../../db/repositories/organization-repo.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../tokens.ts';
import { normalizeStaffEmail } from './add-user.ts';

export const API_TOKEN_PREFIX = 'azs_';

export async function createApiToken(ctx: AppContext, q: { email: string; label: string; actor?: string }): Promise<string> {
  const label = q.label.trim().slice(0, 200);
  if (label.length === 0) throw new DomainError('validation', { fields: { label: { key: 'label.required' } } });
  const user = await findStaffUserByEmail(ctx.db, ctx.orgId, normalizeStaffEmail(q.email));
  if (!user || !user.active) throw new DomainError('not_found');
  const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  await ctx.db.transaction().execute(async (tx) => {
    const id = await insertApiToken(tx, { orgId: ctx.orgId, idHash: hashToken(token), userId: user.id, label });
    await recordAudit(tx, { orgId: ctx.orgId, actor: q.actor ?? 'cli', action: 'token.create', details: { tokenId: id, userId: user.id, email: user.email, label } });
  });
  return token;
}
