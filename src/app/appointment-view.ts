// The public shape of an appointment (spec/api.md `Appointment`).
import type { AppointmentRow } from '../db/repositories/appointment-repo.ts';
import type { Locale } from '../domain/types.ts';
import { toRfc3339 } from '../domain/time.ts';
import type { Catalog } from './catalog.ts';
import { formatReference } from './tokens.ts';

export type PublicStatus = 'pending' | 'booked' | 'cancelled' | 'checked_in' | 'completed' | 'no_show';

export interface AppointmentView {
  reference: string;
  status: PublicStatus;
  office: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  services: { id: string; name: string; quantity: number; documents: string[] }[];
  contact: { name: string | null; email: string | null; phone: string | null };
  channel: 'online' | 'phone' | 'counter';
  locale: Locale;
  createdAt: string;
}

/** An unconfirmed booking past its deadline counts as released, even before the job has run. */
export function effectiveStatus(row: AppointmentRow, now: number): PublicStatus {
  if (row.status === 'held') return 'cancelled';
  if (row.status === 'pending' && row.expires_at && row.expires_at.getTime() <= now) return 'cancelled';
  return row.status;
}

/** An unconfirmed booking whose time to confirm ran out (released, or about to be). */
export function hasLapsed(row: AppointmentRow, now: number): boolean {
  if (row.status === 'cancelled') return row.cancel_reason === 'expired';
  return row.status === 'pending' && row.expires_at !== null && row.expires_at.getTime() <= now;
}

export function toAppointmentView(row: AppointmentRow, catalog: Catalog, locale: Locale, now: number): AppointmentView {
  const tz = catalog.config.organization.timezone;
  return {
    reference: formatReference(row.reference ?? ''),
    status: effectiveStatus(row, now),
    office: row.office_id,
    startsAt: toRfc3339(row.starts_at.getTime(), tz),
    endsAt: toRfc3339(row.ends_at.getTime(), tz),
    durationMinutes: row.duration_minutes,
    services: row.services.map((line) => {
      const s = catalog.services.get(line.id);
      return {
        id: line.id,
        name: s ? s.name[locale] : line.id,
        quantity: line.quantity,
        documents: s ? s.documents[locale] : [],
      };
    }),
    contact: { name: row.contact_name, email: row.contact_email, phone: row.contact_phone },
    channel: row.channel,
    locale: (row.locale === 'en' ? 'en' : 'de'),
    createdAt: toRfc3339(row.created_at.getTime(), tz),
  };
}
