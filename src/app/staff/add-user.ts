// Use case: create a staff account (CLI `amtszeit user add`, the demo admin).
import { DomainError, type FieldErrors } from '../../domain/errors.ts';
import type { StaffRole } from '../../db/schema.ts';
import { insertStaffUser } from '../../db/repositories/staff-user-repo.ts';
import type { AppContext } from '../context.ts';
import { STAFF_ROLES, type StaffUser } from './access.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';

export interface AddUserInput {
  email: string;
  name: string;
  role: string;
  offices: string[];
  password: string;
}

export function normalizeStaffEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function addUser(ctx: AppContext, input: AddUserInput): Promise<StaffUser> {
  const catalog = await ctx.catalog();
  const email = normalizeStaffEmail(input.email);
  const name = input.name.trim();
  const fields: FieldErrors = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) fields.email = { key: 'contact.email.invalid' };
  if (name.length === 0 || name.length > 200) fields.name = { key: 'contact.name.required' };
  if (!(STAFF_ROLES as readonly string[]).includes(input.role)) fields.role = { key: 'role.invalid' };
  if (input.password.length < MIN_PASSWORD_LENGTH) fields.password = { key: 'password.tooShort', params: { min: MIN_PASSWORD_LENGTH } };
  const unknown = input.offices.filter((o) => !catalog.offices.has(o));
  if (unknown.length > 0) fields.offices = { key: 'office.unknown', params: { office: unknown.join(', ') } };
  if (input.role !== 'admin' && input.offices.length === 0) fields.offices = { key: 'offices.required' };
  if (Object.keys(fields).length > 0) throw new DomainError('validation', { fields });
  const row = await insertStaffUser(ctx.db, {
    orgId: ctx.orgId, email, name, passwordHash: await hashPassword(input.password), role: input.role as StaffRole, offices: [...new Set(input.offices)],
  });
  if (!row) throw new DomainError('validation', { fields: { email: { key: 'email.taken' } } });
  return { id: row.id, email: row.email, name: row.name, role: row.role, offices: row.offices };
}
