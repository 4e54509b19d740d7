// The history entry of a change to an appointment row (see domain/appointment-history.ts):
// the appointment's id, office and reference with what changed, for
// recordAppointmentChanges in the transaction of the change.
import type { AppointmentAction, AppointmentChange, HistoryActor } from '../domain/appointment-history.ts';
import type { AppointmentEntry } from '../db/repositories/appointment-history-repo.ts';
import type { AppointmentRow } from '../db/repositories/appointment-repo.ts';
import { formatReference } from './tokens.ts';

export function historyEntry(
  at: { orgId: string; now: number },
  row: Pick<AppointmentRow, 'id' | 'office_id' | 'reference'>,
  actor: HistoryActor,
  action: AppointmentAction,
  details: Omit<AppointmentChange, 'reference'>,
): AppointmentEntry {
  return {
    orgId: at.orgId, at: new Date(at.now), actor, action, appointmentId: row.id, officeId: row.office_id,
    details: { reference: formatReference(row.reference ?? ''), ...details },
  };
}

/** A start time as the history stores it (an RFC 3339 instant in UTC). */
export const instant = (d: Date | number): string => new Date(d).toISOString();
