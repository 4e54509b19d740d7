// Use case: an office's appointments over a date range (at most 92 days) as
// CSV rows, for office leads and admins. Cells that a spreadsheet would read as
// a formula are prefixed with an apostrophe.
import { DomainError, type FieldErrors } from '../../domain/errors.ts';
import { addDays, compareDates, epochDayOf, isValidLocalDate, localDateOf, localTimeOf, zonedInstant } from '../../domain/time.ts';
import type { Locale } from '../../domain/types.ts';
import { dayRows } from '../../db/repositories/staff-appointment-repo.ts';
import type { AppContext } from '../context.ts';
import { effectiveStatus } from '../appointment-view.ts';
import { formatReference } from '../tokens.ts';
import { requireOffice, type StaffUser } from './access.ts';

export const MAX_EXPORT_DAYS = 92;

const HEADER = ['date', 'from', 'to', 'reference', 'status', 'channel', 'counter', 'name', 'email', 'phone', 'concerns', 'conflict'];

export function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** What is wrong with a range, per field (`export.date_invalid`, `export.end_before_start`, `export.too_long`), or null. */
export function exportRangeProblems(from: string, to: string): FieldErrors | null {
  const fields: FieldErrors = {};
  if (!isValidLocalDate(from)) fields.from = { key: 'export.date_invalid' };
  if (!isValidLocalDate(to)) fields.to = { key: 'export.date_invalid' };
  else if (!fields.from && compareDates(from, to) > 0) fields.to = { key: 'export.end_before_start' };
  else if (!fields.from && epochDayOf(to) - epochDayOf(from) >= MAX_EXPORT_DAYS) fields.to = { key: 'export.too_long', params: { max: MAX_EXPORT_DAYS } };
  return Object.keys(fields).length > 0 ? fields : null;
}

export async function exportAppointments(
  ctx: AppContext, user: StaffUser, q: { office: string; from: string; to: string; locale: Locale },
): Promise<string> {
  const catalog = await ctx.catalog();
  if (user.role === 'clerk') throw new DomainError('not_found');
  requireOffice(user, q.office, catalog);
  const fields = exportRangeProblems(q.from, q.to);
  if (fields) throw new DomainError('validation', { fields });
  const tz = catalog.config.organization.timezone;
  const now = ctx.now();
  const rows = await dayRows(ctx.db, {
    orgId: ctx.orgId, officeId: q.office, from: new Date(zonedInstant(q.from, 0, tz)), to: new Date(zonedInstant(addDays(q.to, 1), 0, tz)), now: new Date(now),
  });
  const lines = [HEADER.join(',')];
  for (const r of rows) {
    if (r.status === 'held') continue;
    const concerns = r.services.map((l) => `${l.quantity} × ${catalog.services.get(l.id)?.name[q.locale] ?? l.id}`).join('; ');
    lines.push([
      localDateOf(r.starts_at.getTime(), tz), localTimeOf(r.starts_at.getTime(), tz), localTimeOf(r.ends_at.getTime(), tz),
      formatReference(r.reference ?? ''), effectiveStatus(r, now), r.channel, String(r.lane + 1),
      r.contact_name ?? '', r.contact_email ?? '', r.contact_phone ?? '', concerns, r.conflict ?? '',
    ].map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
