// Who may do what in the back office. admin: every office, users, settings;
// lead: day work and settings of their own offices; clerk: day work in their own offices.
import { DomainError } from '../../domain/errors.ts';
import type { StaffRole } from '../../db/schema.ts';
import type { Catalog } from '../catalog.ts';

export const STAFF_ROLES = ['admin', 'lead', 'clerk'] as const satisfies readonly StaffRole[];

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** offices assigned (ignored for admins, who have all) */
  offices: string[];
}

/** The offices this user works in, in the configuration's order. */
export function userOffices(user: StaffUser, catalog: Catalog): string[] {
  const all = catalog.config.offices.map((o) => o.id);
  return user.role === 'admin' ? all : all.filter((id) => user.offices.includes(id));
}

export function canWorkIn(user: StaffUser, officeId: string, catalog: Catalog): boolean {
  return userOffices(user, catalog).includes(officeId);
}

/** Another office's data looks like nothing at all: not_found, never a hint that it exists. */
export function requireOffice(user: StaffUser, officeId: string, catalog: Catalog): void {
  if (!canWorkIn(user, officeId, catalog)) throw new DomainError('not_found');
}
