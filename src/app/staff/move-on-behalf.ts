// Use case: staff move an appointment on the citizen's behalf (phone lanes
// allowed, no cancellation deadline), with a reason, atomically (move-to-time.ts).
// The citizen is told by e-mail ('reschedule', with the reason in the payload);
// the history records who moved it, from when to when, and the reason.
import type { ChangeCause } from '../../domain/appointment-history.ts';
import { DomainError } from '../../domain/errors.ts';
import { parseRfc3339 } from '../../domain/time.ts';
import type { Locale } from '../../domain/types.ts';
import type { Catalog } from '../catalog.ts';
import { withFreshCatalog } from '../fresh-config.ts';
import { moveToTime } from '../move-to-time.ts';
import type { AppContext } from '../context.ts';
import { effectiveStatus } from '../appointment-view.ts';
import type { StaffUser } from './access.ts';
import { concernsStillOffered } from './list-move-times.ts';
import { loadForStaff, staffView, type StaffAppointmentView } from './get-staff-appointment.ts';

export interface MoveOnBehalfInput {
  reference: string;
  startsAt: string;
  reason: string;
  locale: Locale;
  /** for the history: a closure or block made the move necessary */
  cause?: ChangeCause;
}

export async function moveOnBehalf(ctx: AppContext, user: StaffUser, q: MoveOnBehalfInput): Promise<StaffAppointmentView> {
  return withFreshCatalog(ctx, (catalog) => move(ctx, catalog, user, q));
}

async function move(ctx: AppContext, catalog: Catalog, user: StaffUser, q: MoveOnBehalfInput): Promise<StaffAppointmentView> {
  const now = ctx.now();
  const start = parseRfc3339(q.startsAt);
  const reason = q.reason.trim();
  const fields: Record<string, { key: string }> = {};
  if (start === null) fields.startsAt = { key: q.startsAt.trim() ? 'startsAt.invalid' : 'startsAt.required' };
  if (reason.length > 500) fields.reason = { key: 'reason.tooLong' };
  if (start === null || Object.keys(fields).length > 0) throw new DomainError('validation', { fields });
  const current = await loadForStaff(ctx.db, ctx.orgId, user, catalog, q.reference);
  const office = catalog.offices.get(current.office_id);
  if (!office || !concernsStillOffered(current, catalog)) throw new DomainError('not_allowed', { fields: { services: { key: 'concern_gone' } } });

  const row = await moveToTime(ctx, catalog, {
    office, start, durationMinutes: current.duration_minutes, channel: current.channel === 'counter' ? 'counter' : 'phone',
    lockRow: async (tx) => {
      const row = await loadForStaff(tx, ctx.orgId, user, catalog, q.reference, { forUpdate: true });
      const status = effectiveStatus(row, now);
      if (status !== 'booked' && status !== 'pending') throw new DomainError('not_allowed');
      return row;
    },
    mailPayload: { ...(reason ? { reason } : {}), byStaff: true },
    history: { actor: { kind: 'staff', userId: user.id }, reason, cause: q.cause },
  });
  if (row) return staffView(row, catalog, q.locale, now);
  throw new DomainError('slot_unavailable');
}
