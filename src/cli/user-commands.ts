// `amtszeit user add --email E --name N --role admin|lead|clerk [--office ID …]`
// creates a staff account. The password comes from AMTSZEIT_PASSWORD, or is
// generated and printed once. Also: the demo admin made when `serve` loads the demo city.
import { createAppContext, type AppContext } from '../app/context.ts';
import { addUser } from '../app/staff/add-user.ts';
import { createApiToken } from '../app/staff/create-api-token.ts';
import { createKioskLink } from '../app/queue/create-kiosk-link.ts';
import { generatePassword } from '../app/staff/passwords.ts';
import { countStaffUsers } from '../db/repositories/staff-user-repo.ts';
import { recordAudit } from '../db/repositories/organization-repo.ts';
import { DEFAULT_ORG_ID } from '../config/schema.ts';
import { isDomainError } from '../domain/errors.ts';
import { message } from '../http/messages.ts';
import type { Env } from '../env.ts';
import { UsageError } from './args.ts';
import type { Output } from './config-commands.ts';
import { openMigratedDatabase, resolveOrgId } from './runtime.ts';

const CLI_MESSAGES: Record<string, string> = {
  'email.taken': 'a user with this e-mail address exists',
  'role.invalid': 'must be admin, lead or clerk',
  'password.tooShort': 'AMTSZEIT_PASSWORD must have at least 12 characters',
  'offices.required': 'a lead or clerk needs at least one --office',
  'office.unknown': 'unknown office',
};

export const USER_USAGE = 'amtszeit user add --email E --name N --role admin|lead|clerk [--office ID …]';

/** Reads `--key value` pairs; `--office` may repeat. */
export function parseUserArgs(argv: string[]): { email?: string; name?: string; role?: string; offices: string[] } {
  const out: { email?: string; name?: string; role?: string; offices: string[] } = { offices: [] };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    const value = argv[i + 1];
    if (!['--email', '--name', '--role', '--office'].includes(key)) throw new UsageError(`unexpected argument ${key}\n\nUsage: ${USER_USAGE}`);
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${key} needs a value`);
    i++;
    if (key === '--office') out.offices.push(value);
    else out[key.slice(2) as 'email' | 'name' | 'role'] = value;
  }
  return out;
}

export async function userAdd(env: Env, argv: string[], io: Output): Promise<void> {
  const a = parseUserArgs(argv);
  const missing = (['email', 'name', 'role'] as const).filter((k) => !a[k]);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(', ')}\n\nUsage: ${USER_USAGE}`);
  const handle = await openMigratedDatabase(env);
  try {
    const orgId = env.ORG_ID ?? (await resolveOrgId(handle.db, env)) ?? DEFAULT_ORG_ID;
    const ctx = createAppContext({ db: handle.db, orgId });
    const generated = !env.AMTSZEIT_PASSWORD;
    const password = env.AMTSZEIT_PASSWORD ?? generatePassword();
    try {
      const user = await addUser(ctx, { email: a.email!, name: a.name!, role: a.role!, offices: a.offices, password });
      await recordAudit(ctx.db, { orgId, actor: 'cli', action: 'user.add', details: { userId: user.id, email: user.email, name: user.name, role: user.role, offices: user.offices } });
      io.out(`Created ${user.role} ${user.email}${user.offices.length ? ` (offices: ${user.offices.join(', ')})` : ''}.`);
      if (generated) io.out(`Password (shown only now): ${password}`);
    } catch (e) {
      if (isDomainError(e) && e.code === 'validation') {
        const lines = Object.entries(e.details.fields ?? {}).map(([f, p]) => `${f}: ${CLI_MESSAGES[p.key] ?? message(p.key, 'en', p.params)}`);
        throw new UsageError('the user was not created:', lines);
      }
      throw e;
    }
  } finally {
    await handle.close();
  }
}

/** `amtszeit user token --email E [--label L]`: an API token for the staff API, printed once. */
export async function userToken(env: Env, argv: string[], io: Output): Promise<void> {
  let email: string | undefined;
  let label = 'api';
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if ((key !== '--email' && key !== '--label') || value === undefined) throw new UsageError('usage: amtszeit user token --email E [--label L]');
    if (key === '--email') email = value;
    else label = value;
  }
  if (!email) throw new UsageError('usage: amtszeit user token --email E [--label L]');
  const handle = await openMigratedDatabase(env);
  try {
    const orgId = env.ORG_ID ?? (await resolveOrgId(handle.db, env)) ?? DEFAULT_ORG_ID;
    const ctx = createAppContext({ db: handle.db, orgId });
    try {
      const token = await createApiToken(ctx, { email, label });
      io.out(`API token for ${email} (shown only now; send as "Authorization: Bearer TOKEN"): ${token}`);
    } catch (e) {
      if (isDomainError(e) && e.code === 'not_found') throw new UsageError(`no active user with the e-mail address ${email}`);
      throw e;
    }
  } finally {
    await handle.close();
  }
}

/** Demo only (never with NODE_ENV=production): an admin with a generated password, when there are no users yet. */
export async function createDemoAdmin(
  ctx: AppContext, env: Env,
): Promise<{ email: string; password: string; kiosks: { office: string; url: string }[] } | null> {
  if (env.NODE_ENV === 'production') return null;
  if ((await countStaffUsers(ctx.db, ctx.orgId)) > 0) return null;
  const password = generatePassword();
  const email = 'admin@demo.invalid';
  const admin = await addUser(ctx, { email, name: 'Demo-Admin', role: 'admin', offices: [], password });
  // a kiosk link for each office whose kiosk is on, so that the demo's kiosk can be tried at once
  const kiosks: { office: string; url: string }[] = [];
  for (const office of (await ctx.catalog()).offices.values()) {
    if (office.queue?.kiosk) kiosks.push({ office: office.id, url: (await createKioskLink(ctx, admin, { office: office.id, label: 'Demo-Kiosk' })).url });
  }
  return { email, password, kiosks };
}
