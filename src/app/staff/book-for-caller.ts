// Use case: staff book for a caller (channel 'phone', within the phone lanes)
// or a walk-in (channel 'counter'). E-mail is optional; when given, the
// confirmation goes out exactly as for online bookings (bookAppointment does it).
// The history records the staff member as the one who booked.
import type { Locale, ServiceRequest } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { bookAppointment } from '../book-appointment.ts';
import type { AppointmentView } from '../appointment-view.ts';
import { requireOffice, type StaffUser } from './access.ts';

export async function bookForCaller(
  ctx: AppContext,
  user: StaffUser,
  q: {
    office: string; services: ServiceRequest[]; startsAt: string; channel: 'phone' | 'counter';
    contact: { name: string; email: string; phone: string }; locale: Locale;
  },
): Promise<AppointmentView> {
  requireOffice(user, q.office, await ctx.catalog());
  const r = await bookAppointment(ctx, {
    office: q.office, services: q.services, startsAt: q.startsAt, channel: q.channel, contact: q.contact, locale: q.locale,
    actor: { kind: 'staff', userId: user.id },
  });
  return r.appointment;
}
