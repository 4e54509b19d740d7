// Use case: a token for the staff API (`Authorization: Bearer …`), acting as
// the given user with that user's role and offices. Shown once; stored hashed.
import { randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { findStaffUserByEmail } from '../../db/repositories/staff-user-repo.ts';
import { insertApiToken } from '../../db/repositories/staff-api-token-repo.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../tokens.ts';
import { normalizeStaffEmail } from './add-user.ts';

export const API_TOKEN_PREFIX = 'azs_';

export async function createApiToken(ctx: AppContext, q: { email: string; label: string }): Promise<string> {
  const user = await findStaffUserByEmail(ctx.db, ctx.orgId, normalizeStaffEmail(q.email));
  if (!user) throw new DomainError('not_found');
  const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  await insertApiToken(ctx.db, { orgId: ctx.orgId, idHash: hashToken(token), userId: user.id, label: q.label.slice(0, 200) });
  return token;
}
