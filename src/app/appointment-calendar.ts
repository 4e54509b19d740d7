// Use case: the appointment as an iCalendar file for the holder of the manage token.
import type { Locale } from '../domain/types.ts';
import { mailAppointment } from '../mail/appointment-data.ts';
import { appointmentEvent, buildCalendar } from '../mail/calendar.ts';
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
  const data = mailAppointment(row, catalog.config, locale);
  const content = buildCalendar(
    appointmentEvent(data, {
      locale,
      // a download is the event itself, not an invitation (see mail/calendar.ts)
      method: 'PUBLISH',
      cancelled: effectiveStatus(row, ctx.now()) === 'cancelled',
      stamp: row.updated_at.getTime(),
    }),
  );
  return { filename: `termin-${formatReference(row.reference ?? '')}.ics`, content };
}
