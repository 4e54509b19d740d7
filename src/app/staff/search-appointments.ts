// Use case: find appointments in the staff member's offices by reference (or a part of one),
// name or e-mail; accents do not matter ("celik" finds "Çelik").
import type { Locale } from '../../domain/types.ts';
import { searchAppointments as searchRows } from '../../db/repositories/staff-appointment-repo.ts';
import type { AppContext } from '../context.ts';
import { normalizeReference, referenceFragment } from '../tokens.ts';
import { userOffices, type StaffUser } from './access.ts';
import { staffView, type StaffAppointmentView } from './get-staff-appointment.ts';

export async function searchAppointments(ctx: AppContext, user: StaffUser, q: { query: string; locale: Locale }): Promise<StaffAppointmentView[]> {
  const text = q.query.trim().slice(0, 200);
  if (text.length < 2) return [];
  const catalog = await ctx.catalog();
  const rows = await searchRows(ctx.db, {
    orgId: ctx.orgId, officeIds: userOffices(user, catalog), reference: normalizeReference(text), referencePart: referenceFragment(text), text, limit: 50,
  });
  return rows.map((r) => staffView(r, catalog, q.locale, ctx.now()));
}
