// Use case: the appointment as an iCalendar file for the holder of the manage token.
import type { Locale } from '../domain/types.ts';
import { appointmentIcs } from '../mail/calendar.ts';
import { effectiveStatus } from './appointment-view.ts';
import type { AppContext } from './context.ts';
import { findAppointment } from './find-appointment.ts';
import { formatReference } from './tokens.ts';

export async function appointmentCalendar(
  ctx: AppContext,
  q: { reference: string; token?: string; locale?: Locale },
): Promise<{ filename: string; content: string }> {
  const catalog = await ctx.catalog();
  const row = await findAppointment(ctx.db, ctx.orgId, q.reference, q.token);
  const locale: Locale = q.locale ?? (row.locale === 'en' ? 'en' : 'de');
  const office = catalog.offices.get(row.office_id);
  const org = catalog.config.organization;
  const lines = row.services.map((l) => {
    const s = catalog.services.get(l.id);
    return `${l.quantity} × ${s ? s.name[locale] : l.id}`;
  });
  const documents = [...new Set(row.services.flatMap((l) => catalog.services.get(l.id)?.documents[locale] ?? []))];
  const ref = formatReference(row.reference ?? '');
  const description = [
    `${locale === 'de' ? 'Buchungsnummer' : 'Reference'}: ${ref}`,
    '',
    ...lines,
    '',
    locale === 'de' ? 'Bitte mitbringen:' : 'Please bring:',
    ...documents.map((d) => `- ${d}`),
  ].join('\n');
  const content = appointmentIcs({
    uid: `${row.id}@amtszeit`,
    sequence: row.sequence,
    start: row.starts_at.getTime(),
    end: row.ends_at.getTime(),
    stamp: row.updated_at.getTime(),
    summary: `${office?.name ?? row.office_id} – ${org.name}`,
    location: office ? `${office.name}, ${office.address}` : row.office_id,
    description,
    cancelled: effectiveStatus(row, ctx.now()) === 'cancelled',
    organizer: { name: office?.name ?? org.name, email: office?.email ?? 'noreply@example.org' },
  });
  return { filename: `termin-${ref}.ics`, content };
}
