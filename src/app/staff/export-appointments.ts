// Use case: an office's appointments over a period (at most 366 days) for the
// CSV export, for office leads and admins. Cancelled appointments are included
// with who cancelled and when. Without personal data by default; with it
// (names, e-mail addresses, phone numbers and the staff member who cancelled,
// from the appointment's history) the export is recorded in the audit log (`export.personal_data`: actor,
// office, period, row count) in the same transaction as the read. The file
// itself is written by the view (http/views/staff/export-csv.ts).
import { DomainError, type FieldErrors } from '../../domain/errors.ts';
import { parseDateInput } from '../../domain/date-input.ts';
import { compareDates, epochDayOf, localDateOf, localTimeOf, zonedInstant } from '../../domain/time.ts';
import type { Locale, LocalDate, LocalTime } from '../../domain/types.ts';
import type { AppointmentRow } from '../../db/repositories/appointment-repo.ts';
import { recordAudit } from '../../db/repositories/organization-repo.ts';
import { exportRows, staffCancellers } from '../../db/repositories/staff-export-repo.ts';
import { withRetry } from '../../db/retry.ts';
import type { AppContext } from '../context.ts';
import { formatReference } from '../tokens.ts';
import { requireOffice, type StaffUser } from './access.ts';

/** A year, leap years included (both ends count). */
export const MAX_EXPORT_DAYS = 366;

export const PERSONAL_EXPORT_ACTION = 'export.personal_data';

export type ExportStatus =
  | 'pending' | 'booked' | 'checked_in' | 'completed' | 'no_show'
  /** cancelled by the citizen, by the office (staff), by the system (not confirmed in time), or for an unknown reason */
  | 'cancelled_by_citizen' | 'cancelled_by_office' | 'lapsed' | 'cancelled';

export interface ExportRow {
  /** local date and times in the organization's time zone */
  date: LocalDate;
  start: LocalTime;
  end: LocalTime;
  /** the office's name */
  office: string;
  /** names in the requested language, with quantities */
  concerns: { name: string; quantity: number }[];
  channel: 'online' | 'phone' | 'counter';
  status: ExportStatus;
  /** with dash: `K7Q2-9XMD` */
  reference: string;
  /** the counter (1, 2, …); null for cancelled appointments, which hold none */
  counter: number | null;
  /** kept as a conflict by a configuration change, closure or block */
  conflict: boolean;
  /**
   * `by`: who cancelled; `staffName`: the staff member, only with personal data
   * and only where the history records it (else null: "the office")
   */
  cancelled: { by: 'citizen' | 'office' | 'system' | null; staffName: string | null; date: LocalDate; time: LocalTime } | null;
  /** only with personal data */
  contact: { name: string; email: string; phone: string } | null;
}

export interface AppointmentsExport {
  office: { id: string; name: string };
  from: LocalDate;
  to: LocalDate;
  personalData: boolean;
  rows: ExportRow[];
}

/**
 * The period from the form's two fields (`03.12.2026`, `3.12.2026` or a date
 * picker's `2026-12-03`), or what is wrong per field
 * (`export.date_missing`, `export.date_invalid` with the input, `export.end_before_start`, `export.too_long`).
 */
export function parseExportPeriod(fromInput: string, toInput: string): { from: LocalDate; to: LocalDate } | { fields: FieldErrors } {
  const fields: FieldErrors = {};
  const parse = (field: 'from' | 'to', input: string) => {
    const d = parseDateInput(input);
    if (!d) fields[field] = input.trim() === '' ? { key: 'export.date_missing' } : { key: 'export.date_invalid', params: { value: input.trim().slice(0, 20) } };
    return d;
  };
  const from = parse('from', fromInput);
  const to = parse('to', toInput);
  if (from && to) {
    if (compareDates(from, to) > 0) fields.to = { key: 'export.end_before_start' };
    else if (epochDayOf(to) - epochDayOf(from) >= MAX_EXPORT_DAYS) fields.to = { key: 'export.too_long', params: { max: MAX_EXPORT_DAYS } };
  }
  return from && to && Object.keys(fields).length === 0 ? { from, to } : { fields };
}

function statusOf(r: AppointmentRow, now: number): ExportStatus {
  if (r.status === 'pending' && r.expires_at && r.expires_at.getTime() <= now) return 'lapsed';
  if (r.status !== 'cancelled') return r.status === 'held' ? 'cancelled' : r.status;
  return r.cancel_reason === 'citizen' ? 'cancelled_by_citizen'
    : r.cancel_reason === 'staff' ? 'cancelled_by_office'
    : r.cancel_reason === 'expired' ? 'lapsed' : 'cancelled';
}

const CANCELLED_BY: Partial<Record<ExportStatus, 'citizen' | 'office' | 'system'>> = {
  cancelled_by_citizen: 'citizen', cancelled_by_office: 'office', lapsed: 'system',
};

export async function exportAppointments(
  ctx: AppContext, user: StaffUser, q: { office: string; from: string; to: string; personalData: boolean; locale: Locale },
): Promise<AppointmentsExport> {
  const catalog = await ctx.catalog();
  if (user.role === 'clerk') throw new DomainError('not_found');
  requireOffice(user, q.office, catalog);
  const period = parseExportPeriod(q.from, q.to);
  if ('fields' in period) throw new DomainError('validation', { fields: period.fields });
  const tz = catalog.config.organization.timezone;
  const officeName = catalog.offices.get(q.office)?.name ?? q.office;
  const now = ctx.now();
  const at = (ms: number) => ({ date: localDateOf(ms, tz), time: localTimeOf(ms, tz) });

  const rows = await withRetry(() => ctx.db.transaction().execute(async (tx) => {
    const found = await exportRows(tx, {
      orgId: ctx.orgId, officeId: q.office,
      // the end is the wall clock's midnight after the last day (24:00: no day after 9998-12-31 is needed)
      from: new Date(zonedInstant(period.from, 0, tz)), to: new Date(zonedInstant(period.to, 24 * 60, tz)),
    });
    const byStaff = q.personalData
      ? await staffCancellers(tx, { orgId: ctx.orgId, appointmentIds: found.filter((r) => statusOf(r, now) === 'cancelled_by_office').map((r) => r.id) })
      : new Map<string, string>();
    const out = found.map((r): ExportRow => {
      const status = statusOf(r, now);
      const cancelledAt = r.cancelled_at?.getTime() ?? (status === 'lapsed' ? r.expires_at?.getTime() : undefined);
      const cancelled = status.startsWith('cancelled') || status === 'lapsed';
      return {
        date: localDateOf(r.starts_at.getTime(), tz),
        start: localTimeOf(r.starts_at.getTime(), tz),
        end: localTimeOf(r.ends_at.getTime(), tz),
        office: officeName,
        concerns: r.services.map((l) => ({ name: catalog.services.get(l.id)?.name[q.locale] ?? l.id, quantity: l.quantity })),
        channel: r.channel,
        status,
        reference: formatReference(r.reference ?? ''),
        counter: cancelled ? null : r.lane + 1,
        conflict: !cancelled && r.conflict !== null,
        cancelled: cancelled
          ? { by: CANCELLED_BY[status] ?? null, staffName: byStaff.get(r.id) ?? null, ...(cancelledAt === undefined ? { date: '', time: '' } : at(cancelledAt)) }
          : null,
        contact: q.personalData ? { name: r.contact_name ?? '', email: r.contact_email ?? '', phone: r.contact_phone ?? '' } : null,
      };
    });
    if (q.personalData) {
      await recordAudit(tx, {
        orgId: ctx.orgId, actor: `staff:${user.email}`, action: PERSONAL_EXPORT_ACTION,
        details: { office: q.office, from: period.from, to: period.to, rows: out.length },
      });
    }
    return out;
  }));
  return { office: { id: q.office, name: officeName }, from: period.from, to: period.to, personalData: q.personalData, rows };
}
