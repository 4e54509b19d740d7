// Use case: read the audit log. Admins see every entry; office leads the entries
// of their offices (organization-wide ones, such as a configuration import or a
// user's account, only admins); clerks nothing (not_found). Newest first, 50 a
// page, filtered by period (days in the organization's time zone, typed as
// 03.12.2026 or 2026-12-03), person, kind and office; with the names the entries
// need to be told in words (staff users, offices, concerns).
import { listStaffUsers } from '../../db/repositories/staff-user-admin-repo.ts';
import { listAuditEntries, type AuditQuery } from '../../db/repositories/staff-audit-repo.ts';
import { parseDateInput } from '../../domain/date-input.ts';
import { DomainError, type FieldErrors } from '../../domain/errors.ts';
import { addDays, compareDates, zonedInstant } from '../../domain/time.ts';
import type { Locale } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { userOffices, type StaffUser } from './access.ts';
import { whoOf, type HistoryWho } from './list-appointment-history.ts';
import { canReadAudit } from './settings-access.ts';

export const AUDIT_PAGE_SIZE = 50;
/** The office filter's value for entries that concern no single office (admins only). */
export const ORGANIZATION_WIDE = 'organisation';

export interface AuditFilterInput {
  from?: string;
  to?: string;
  /** a staff user's id, `citizen` or `system` */
  person?: string;
  /** an action (`appointment.move`) or a family (`appointment.*`) */
  action?: string;
  office?: string;
  page?: number;
}

/** The filter as the form shows it again (what was typed, trimmed). */
export type AuditFilter = Required<Omit<AuditFilterInput, 'page'>>;

export interface AuditEntry {
  id: string;
  /** epoch ms */
  at: number;
  who: HistoryWho;
  action: string;
  officeId: string | null;
  details: unknown;
}

export interface AuditPage {
  entries: AuditEntry[];
  page: number;
  hasMore: boolean;
  timezone: string;
  filter: AuditFilter;
  /** `from` / `to` not a date, or `to` before `from`: nothing is listed */
  problems: FieldErrors;
  /** the staff users the person filter offers (admins: all; leads: those of their offices and the admins) */
  people: { id: string; name: string }[];
  /** the offices the office filter offers */
  offices: { id: string; name: string }[];
  /** whether the office filter offers the organization-wide entries (admins) */
  organizationWide: boolean;
  /** names for telling the entries: staff users and concerns by id (offices are in `offices`) */
  names: { users: Record<string, string>; services: Record<string, string>; offices: Record<string, string> };
}

const clip = (s: string | undefined, n: number) => (s ?? '').trim().slice(0, n);

export async function listAudit(ctx: AppContext, user: StaffUser, q: AuditFilterInput & { locale: Locale }): Promise<AuditPage> {
  if (!canReadAudit(user)) throw new DomainError('not_found');
  const catalog = await ctx.catalog();
  const tz = catalog.config.organization.timezone;
  const admin = user.role === 'admin';
  const mine = userOffices(user, catalog);
  const filter: AuditFilter = {
    from: clip(q.from, 20), to: clip(q.to, 20), person: clip(q.person, 64), action: clip(q.action, 100), office: clip(q.office, 64),
  };

  let office: AuditQuery['office'];
  if (filter.office === ORGANIZATION_WIDE && admin) office = null;
  else if (filter.office) {
    if (!mine.includes(filter.office)) throw new DomainError('not_found');
    office = filter.office;
  }

  const problems: FieldErrors = {};
  const from = filter.from ? parseDateInput(filter.from) : undefined;
  const to = filter.to ? parseDateInput(filter.to) : undefined;
  if (from === null) problems.from = { key: 'date.invalid', params: { value: filter.from } };
  if (to === null) problems.to = { key: 'date.invalid', params: { value: filter.to } };
  else if (from && to && compareDates(to, from) < 0) problems.to = { key: 'date.order' };

  const users = await listStaffUsers(ctx.db, ctx.orgId);
  const people = users
    .filter((u) => admin || u.role === 'admin' || u.offices.some((o) => mine.includes(o)))
    .map((u) => ({ id: u.id, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
  let person: AuditQuery['person'];
  if (filter.person === 'citizen' || filter.person === 'system') person = filter.person;
  else if (people.some((p) => p.id === filter.person)) person = { userId: filter.person };
  else filter.person = '';

  const page = Math.min(Math.max(1, Math.floor(q.page ?? 1) || 1), 10_000);
  const rows = Object.keys(problems).length > 0 ? [] : await listAuditEntries(ctx.db, {
    orgId: ctx.orgId,
    offices: admin ? undefined : mine,
    office,
    action: filter.action || undefined,
    person,
    from: from ? new Date(zonedInstant(from, 0, tz)) : undefined,
    to: to ? new Date(zonedInstant(addDays(to, 1), 0, tz)) : undefined,
    limit: AUDIT_PAGE_SIZE + 1,
    offset: (page - 1) * AUDIT_PAGE_SIZE,
  });
  const officeNames = Object.fromEntries(catalog.config.offices.map((o) => [o.id, o.name]));
  return {
    entries: rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({
      id: r.id, at: r.at.getTime(), who: whoOf(r.actor, r.actorName), action: r.action, officeId: r.officeId, details: r.details,
    })),
    page,
    hasMore: rows.length > AUDIT_PAGE_SIZE,
    timezone: tz,
    filter,
    problems,
    people,
    offices: mine.map((id) => ({ id, name: officeNames[id] ?? id })),
    organizationWide: admin,
    names: {
      users: Object.fromEntries((admin ? users : people).map((u) => [u.id, u.name])),
      services: Object.fromEntries(catalog.config.services.map((s) => [s.id, s.name[q.locale]])),
      offices: officeNames,
    },
  };
}
