// Use case: an admin adds a staff account in the browser. A random password
// (144 bits) is generated and returned once; only its argon2id hash is stored.
// The account and its audit entry are written in one transaction.
import { recordAudit } from '../../db/repositories/organization-repo.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from './access.ts';
import { addUser } from './add-user.ts';
import { actorOf, requireAdmin } from './admin-access.ts';
import { generatePassword } from './passwords.ts';

export async function createUser(
  ctx: AppContext, actor: StaffUser, q: { email: string; name: string; role: string; offices: string[] },
): Promise<{ user: StaffUser; password: string }> {
  requireAdmin(actor);
  const password = generatePassword();
  const offices = q.role === 'admin' ? [] : q.offices;
  // loaded before the transaction: inside it, every query must go through `tx` (PGlite has one connection)
  const catalog = await ctx.catalog();
  const user = await ctx.db.transaction().execute(async (tx) => {
    const created = await addUser({ ...ctx, db: tx, catalog: async () => catalog }, { email: q.email, name: q.name, role: q.role, offices, password });
    await recordAudit(tx, {
      orgId: ctx.orgId, actor: actorOf(actor), action: 'user.add',
      details: { userId: created.id, email: created.email, name: created.name, role: created.role, offices: created.offices },
    });
    return created;
  });
  return { user, password };
}
