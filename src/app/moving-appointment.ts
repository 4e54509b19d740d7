// Use case: what the move calendar needs of the appointment being moved (checked by its token),
// so its own time counts as free around it.
import type { AppContext } from './context.ts';
import type { MovingAppointment } from './engine-input.ts';
import { findAppointment } from './find-appointment.ts';

export async function movingAppointment(ctx: AppContext, q: { reference: string; token?: string }): Promise<MovingAppointment> {
  const row = await findAppointment(ctx.db, ctx.orgId, q.reference, q.token);
  return { id: row.id, start: row.starts_at.getTime() };
}
