// What the history of an appointment records: who changed it (a staff user, the
// citizen through the booking pages, API or manage link, or the system), which
// kind of change, and what changed (old and new time, old and new status, the
// reason). Stored as audit_log entries (actions `appointment.*`); pure types and
// helpers, no I/O.
import type { Channel } from './types.ts';

/** Who made a change. Staff by user id only (the name is looked up when shown; no e-mail address is stored). */
export type HistoryActor = { kind: 'staff'; userId: string } | { kind: 'citizen' } | { kind: 'system' };

export const APPOINTMENT_ACTIONS = [
  'appointment.book',
  'appointment.confirm',
  'appointment.move',
  'appointment.cancel',
  'appointment.expire',
  'appointment.attendance',
  'appointment.attendance_undo',
  'appointment.relane',
  'appointment.conflict',
  'appointment.conflict_cleared',
  'appointment.contacted',
  // the counter queue (src/app/queue): called (again) to a desk, service begun, put back, passed on, not there after the call
  'appointment.queue_call',
  'appointment.queue_start',
  'appointment.queue_defer',
  'appointment.queue_transfer',
  'appointment.queue_no_show',
] as const;
export type AppointmentAction = (typeof APPOINTMENT_ACTIONS)[number];

export function isAppointmentAction(action: string): action is AppointmentAction {
  return (APPOINTMENT_ACTIONS as readonly string[]).includes(action);
}

/**
 * Why the system or a plan made a change: a closure or block entered or removed
 * (`closure.add`, `block.add`, `closure.remove`, `block.remove`), a settings
 * page (`settings`), or a configuration import (`import`).
 */
export type ChangeCause = 'closure.add' | 'block.add' | 'closure.remove' | 'block.remove' | 'settings' | 'import';

/** The details of an `appointment.*` entry: only what is needed to say what happened, no contact data. */
export interface AppointmentChange {
  /** the reference as shown, `K7Q2-9XMD` */
  reference: string;
  /** how it was booked (on `appointment.book`) */
  channel?: Channel;
  /** start times, RFC 3339 instants (UTC) */
  fromStart?: string;
  toStart?: string;
  fromStatus?: string;
  toStatus?: string;
  /** desks (lanes, from 0) on `appointment.relane` */
  fromLane?: number;
  toLane?: number;
  /** the reason staff typed (move, cancel, closure, block) */
  reason?: string;
  /** why it no longer fits, on `appointment.conflict` (domain/config-conflicts.ts: `outside_hours`, …) */
  conflict?: string;
  cause?: ChangeCause;
  /** on `appointment.contacted`: a citizen without e-mail was called about a change, and reached or not (to try again) */
  contact?: ContactResult;
  /** a short note staff typed with the call ("Tochter am Telefon") */
  note?: string;
  /** the counter queue: the waiting number (`T004`), the desk's name (`Platz 2`), the how-manieth call */
  ticket?: string;
  desk?: string;
  calls?: number;
}

export const CONTACT_RESULTS = ['reached', 'not_reached'] as const;
export type ContactResult = (typeof CONTACT_RESULTS)[number];

/** The audit log's `actor` text for a history actor: `staff`, `citizen` or `system` (the staff user is in `actor_user_id`). */
export function actorText(actor: HistoryActor): string {
  return actor.kind;
}

/** The cause of a plan change from the `change` of its details (`closure.add`, …). */
export function causeOfChange(change: unknown): ChangeCause | undefined {
  return change === 'closure.add' || change === 'block.add' || change === 'closure.remove' || change === 'block.remove' ? change : undefined;
}

/** Who an audit entry's `actor` text names: staff (`staff`, or `staff:EMAIL` in older entries), the citizen, or else the system (`system`, `cli`, …). */
export function actorKind(actor: string): HistoryActor['kind'] {
  if (actor === 'citizen') return 'citizen';
  return actor === 'staff' || actor.startsWith('staff:') ? 'staff' : 'system';
}
