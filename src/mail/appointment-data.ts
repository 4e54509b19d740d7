// What a mail or calendar file says about an appointment, gathered from the
// stored row and the organization's configuration (pure).
import { whatToBring } from '../domain/what-to-bring.ts';
import type { Locale, OrgConfig } from '../domain/types.ts';

/** The columns of an appointment row that mails use. */
export interface AppointmentFacts {
  id: string;
  office_id: string;
  reference: string | null;
  starts_at: Date;
  ends_at: Date;
  duration_minutes: number;
  services: { id: string; quantity: number }[];
  sequence: number;
  status: string;
  expires_at: Date | null;
  contact_name: string | null;
  contact_email: string | null;
  updated_at: Date;
}

export interface MailAppointment {
  id: string;
  /** formatted: `K7Q2-9XMD` */
  reference: string;
  orgName: string;
  timeZone: string;
  publicUrl: string;
  office: { name: string; address: string; phone: string; email: string };
  startsAt: number;
  endsAt: number;
  durationMinutes: number;
  services: { name: string; quantity: number; fee?: string }[];
  /** what to bring, each document once, in the order first asked for */
  documents: string[];
  sequence: number;
  contactName: string | null;
  contactEmail: string | null;
  /** the confirmation deadline of a pending booking */
  expiresAt: number | null;
  updatedAt: number;
}

/** `K7Q29XMD` -> `K7Q2-9XMD` (as app/tokens.ts formats it) */
export function formatStoredReference(stored: string): string {
  return stored.length === 8 ? `${stored.slice(0, 4)}-${stored.slice(4)}` : stored;
}

export function mailAppointment(row: AppointmentFacts, config: OrgConfig, locale: Locale): MailAppointment {
  const office = config.offices.find((o) => o.id === row.office_id);
  const services = row.services.map((line) => {
    const s = config.services.find((x) => x.id === line.id);
    return { name: s ? s.name[locale] : line.id, quantity: line.quantity, fee: s?.fee?.[locale] || undefined, documents: s?.documents[locale] ?? [] };
  });
  // one checklist: each document once, with how many where a concern is booked for several people
  const documents = whatToBring(services).map((d) =>
    d.times > 1 ? (locale === 'de' ? `je Person (${d.times}×): ${d.text}` : `per person (${d.times}×): ${d.text}`) : d.text,
  );
  return {
    id: row.id,
    reference: formatStoredReference(row.reference ?? ''),
    orgName: config.organization.name,
    timeZone: config.organization.timezone,
    publicUrl: config.organization.publicUrl,
    office: office
      ? { name: office.name, address: office.address, phone: office.phone, email: office.email }
      : { name: row.office_id, address: '', phone: '', email: '' },
    startsAt: row.starts_at.getTime(),
    endsAt: row.ends_at.getTime(),
    durationMinutes: row.duration_minutes,
    services: services.map(({ name, quantity, fee }) => ({ name, quantity, fee })),
    documents,
    sequence: row.sequence,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    expiresAt: row.expires_at ? row.expires_at.getTime() : null,
    updatedAt: row.updated_at.getTime(),
  };
}
