// Use case: show one appointment to the holder of its manage token.
import type { Locale } from '../domain/types.ts';
import { toAppointmentView, type AppointmentView } from './appointment-view.ts';
import type { AppContext } from './context.ts';
import { findAppointment } from './find-appointment.ts';

export async function getAppointment(
  ctx: AppContext,
  q: { reference: string; token?: string; locale?: Locale },
): Promise<AppointmentView> {
  const catalog = await ctx.catalog();
  const row = await findAppointment(ctx.db, ctx.orgId, q.reference, q.token);
  const locale = q.locale ?? (row.locale === 'en' ? 'en' : 'de');
  return toAppointmentView(row, catalog, locale, ctx.now());
}
