// Who may change which settings: admins everything (concerns are organization-wide,
// so only admins); office leads the settings of their own offices; clerks nothing.
// Anything else answers not_found, like something that does not exist.
import { DomainError } from '../../domain/errors.ts';
import type { Catalog } from '../catalog.ts';
import { userOffices, type StaffUser } from './access.ts';

export type SettingsTarget = { office: string } | { concerns: true };

/** The offices whose settings this user may change (none for clerks). */
export function settingsOffices(user: StaffUser, catalog: Catalog): string[] {
  return user.role === 'clerk' ? [] : userOffices(user, catalog);
}

export function canEditConcerns(user: StaffUser): boolean {
  return user.role === 'admin';
}

/** The audit log: admins all of it, office leads the entries of their offices (list-audit.ts). */
export function canReadAudit(user: StaffUser): boolean {
  return user.role === 'admin' || user.role === 'lead';
}

export function requireSettings(user: StaffUser, target: SettingsTarget, catalog: Catalog): void {
  const ok = 'office' in target ? settingsOffices(user, catalog).includes(target.office) : canEditConcerns(user);
  if (!ok) throw new DomainError('not_found');
}
