// Use case: an admin changes a staff account's name, role and offices. Guard
// rails: nobody demotes themselves, and the last active admin stays an admin
// (checked under a lock, so two admins cannot demote each other at once).
import { countActiveAdmins, lockStaffUsers, updateStaffUser } from '../../db/repositories/staff-user-admin-repo.ts';
import { findStaffUserById } from '../../db/repositories/staff-user-repo.ts';
import { recordAudit } from '../../db/repositories/organization-repo.ts';
import type { StaffRole } from '../../db/schema.ts';
import { DomainError, type FieldErrors } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import { STAFF_ROLES, type StaffUser } from './access.ts';
import { actorOf, requireAdmin, requireId } from './admin-access.ts';

export async function updateUser(
  ctx: AppContext, actor: StaffUser, q: { id: string; name: string; role: string; offices: string[] },
): Promise<void> {
  requireAdmin(actor);
  const id = requireId(q.id);
  const catalog = await ctx.catalog();
  const name = q.name.trim();
  const offices = q.role === 'admin' ? [] : [...new Set(q.offices)];
  const fields: FieldErrors = {};
  if (name.length === 0 || name.length > 200) fields.name = { key: 'contact.name.required' };
  if (!(STAFF_ROLES as readonly string[]).includes(q.role)) fields.role = { key: 'role.invalid' };
  const unknown = offices.filter((o) => !catalog.offices.has(o));
  if (unknown.length > 0) fields.offices = { key: 'office.unknown', params: { office: unknown.join(', ') } };
  else if (q.role !== 'admin' && offices.length === 0) fields.offices = { key: 'offices.required' };
  if (Object.keys(fields).length > 0) throw new DomainError('validation', { fields });
  const role = q.role as StaffRole;

  await ctx.db.transaction().execute(async (tx) => {
    await lockStaffUsers(tx, ctx.orgId);
    const before = await findStaffUserById(tx, ctx.orgId, id);
    if (!before) throw new DomainError('not_found');
    if (before.role === 'admin' && role !== 'admin') {
      if (before.id === actor.id) throw new DomainError('validation', { fields: { role: { key: 'user.selfDemote' } } });
      if (before.active && (await countActiveAdmins(tx, ctx.orgId)) <= 1) throw new DomainError('validation', { fields: { role: { key: 'user.lastAdmin' } } });
    }
    await updateStaffUser(tx, { orgId: ctx.orgId, id, name, role, offices });
    await recordAudit(tx, {
      orgId: ctx.orgId, actor: actorOf(actor), action: 'user.update',
      details: {
        userId: id, email: before.email,
        before: { name: before.name, role: before.role, offices: before.offices },
        after: { name, role, offices },
      },
    });
  });
}
