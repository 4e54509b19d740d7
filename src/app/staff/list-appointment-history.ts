// Use case: the history of one appointment for its page in the back office
// ("Verlauf"): every change, oldest first, with who made it (a staff member by
// name, the citizen, or the system); only in the staff member's own offices.
import { actorKind, type AppointmentChange } from '../../domain/appointment-history.ts';
import { appointmentHistory } from '../../db/repositories/appointment-history-repo.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from './access.ts';
import { loadForStaff } from './get-staff-appointment.ts';

/** Who made a change, as shown: a staff member's name (null if unknown), the citizen, or the system. */
export type HistoryWho = { kind: 'staff'; name: string | null } | { kind: 'citizen' } | { kind: 'system' };

export interface HistoryItem {
  id: string;
  /** epoch ms */
  at: number;
  who: HistoryWho;
  action: string;
  change: AppointmentChange;
}

export interface AppointmentHistory {
  entries: HistoryItem[];
  timezone: string;
}

export function whoOf(actor: string, name: string | null): HistoryWho {
  const kind = actorKind(actor);
  return kind === 'staff' ? { kind, name } : { kind };
}

export async function listAppointmentHistory(ctx: AppContext, user: StaffUser, q: { reference: string }): Promise<AppointmentHistory> {
  const catalog = await ctx.catalog();
  const row = await loadForStaff(ctx.db, ctx.orgId, user, catalog, q.reference);
  const rows = await appointmentHistory(ctx.db, ctx.orgId, row.id);
  return {
    entries: rows.map((r) => ({ id: r.id, at: r.at.getTime(), who: whoOf(r.actor, r.actorName), action: r.action, change: r.details })),
    timezone: catalog.config.organization.timezone,
  };
}
