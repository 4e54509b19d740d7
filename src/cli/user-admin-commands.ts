// `amtszeit user deactivate|reactivate --email E` and
// `amtszeit user token --email E --list | --revoke ID|all`: the command-line
// side of the users page (audit actor `cli`). Deactivating ends the user's
// sessions and revokes their API tokens and calendar feeds; the last active
// admin cannot be deactivated.
import { createAppContext, type AppContext } from '../app/context.ts';
import { listTokensOf } from '../app/staff/list-api-tokens.ts';
import { revokeApiToken } from '../app/staff/revoke-api-token.ts';
import { setUserActive } from '../app/staff/set-user-active.ts';
import { normalizeStaffEmail } from '../app/staff/add-user.ts';
import { DEFAULT_ORG_ID } from '../config/schema.ts';
import { findStaffUserByEmail } from '../db/repositories/staff-user-repo.ts';
import { isDomainError } from '../domain/errors.ts';
import type { Env } from '../env.ts';
import { UsageError } from './args.ts';
import type { Output } from './config-commands.ts';
import { openMigratedDatabase, resolveOrgId } from './runtime.ts';

export const DEACTIVATE_USAGE = 'amtszeit user deactivate|reactivate --email E';
export const TOKEN_MANAGE_USAGE = 'amtszeit user token --email E --list | --revoke ID|all';

function readFlags(argv: string[], allowed: string[], usage: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    if (!allowed.includes(key)) throw new UsageError(`unexpected argument ${key}\n\nUsage: ${usage}`);
    if (key === '--list') { out.list = 'yes'; continue; }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${key} needs a value\n\nUsage: ${usage}`);
    out[key.slice(2)] = value;
    i++;
  }
  if (!out.email) throw new UsageError(`missing --email\n\nUsage: ${usage}`);
  return out;
}

async function withUser<T>(env: Env, email: string, fn: (ctx: AppContext, userId: string) => Promise<T>): Promise<T> {
  const handle = await openMigratedDatabase(env);
  try {
    const orgId = env.ORG_ID ?? (await resolveOrgId(handle.db, env)) ?? DEFAULT_ORG_ID;
    const ctx = createAppContext({ db: handle.db, orgId });
    const user = await findStaffUserByEmail(ctx.db, orgId, normalizeStaffEmail(email));
    if (!user) throw new UsageError(`no user with the e-mail address ${email}`);
    return await fn(ctx, user.id);
  } finally {
    await handle.close();
  }
}

export async function userSetActive(env: Env, argv: string[], io: Output, active: boolean): Promise<void> {
  const { email } = readFlags(argv, ['--email'], DEACTIVATE_USAGE);
  await withUser(env, email, async (ctx, id) => {
    try {
      const r = await setUserActive(ctx, 'cli', { id, active });
      io.out(active ? `Reactivated ${email}.` : `Deactivated ${email}: ${r.sessions} session(s) ended, ${r.tokens} API token(s) and ${r.feeds} calendar feed(s) revoked.`);
    } catch (e) {
      if (isDomainError(e) && e.code === 'validation') throw new UsageError(`${email} is the last active admin: add another admin first`);
      throw e;
    }
  });
}

export async function userTokenManage(env: Env, argv: string[], io: Output): Promise<void> {
  const flags = readFlags(argv, ['--email', '--list', '--revoke'], TOKEN_MANAGE_USAGE);
  if (Boolean(flags.list) === Boolean(flags.revoke)) throw new UsageError(`use either --list or --revoke\n\nUsage: ${TOKEN_MANAGE_USAGE}`);
  await withUser(env, flags.email, async (ctx, userId) => {
    const tokens = await listTokensOf(ctx, 'cli', { userId });
    if (flags.list) {
      if (tokens.length === 0) io.out(`No API tokens for ${flags.email}.`);
      for (const t of tokens) io.out(`${t.id}  ${t.label}  created ${t.createdAt.toISOString()}  last used ${t.lastUsedAt?.toISOString() ?? 'never'}`);
      return;
    }
    const chosen = flags.revoke === 'all' ? tokens : tokens.filter((t) => t.id === flags.revoke.toLowerCase());
    if (chosen.length === 0 && flags.revoke !== 'all') throw new UsageError(`${flags.email} has no API token ${flags.revoke} (see --list)`);
    for (const t of chosen) await revokeApiToken(ctx, 'cli', { userId, tokenId: t.id });
    io.out(`Revoked ${chosen.length} API token(s) of ${flags.email}.`);
  });
}
