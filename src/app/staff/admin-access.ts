// Access rules of the staff administration: only admins manage users; leads
// and admins manage their offices' calendar feeds. Anyone else sees not_found,
// exactly like something that does not exist. Ids from the URL are checked
// before they reach the database (a malformed uuid would be a database error).
import { DomainError } from '../../domain/errors.ts';
import type { Catalog } from '../catalog.ts';
import { requireOffice, type StaffUser } from './access.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

export function requireId(id: string): string {
  if (!isUuid(id)) throw new DomainError('not_found');
  return id.toLowerCase();
}

export function requireAdmin(user: StaffUser): void {
  if (user.role !== 'admin') throw new DomainError('not_found');
}

/** Leads of the office and admins may manage its calendar feeds. */
export function requireFeedOffice(user: StaffUser, officeId: string, catalog: Catalog): void {
  if (user.role === 'clerk') throw new DomainError('not_found');
  requireOffice(user, officeId, catalog);
}

/** How the audit log names a staff member. */
export function actorOf(user: Pick<StaffUser, 'email'>): string {
  return `staff:${user.email}`;
}

/** Everyone manages their own API tokens; admins also anyone else's. */
export function requireTokenOwnerOrAdmin(actor: StaffUser, userId: string): void {
  if (actor.id !== userId && actor.role !== 'admin') throw new DomainError('not_found');
}
