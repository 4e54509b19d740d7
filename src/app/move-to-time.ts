// Moving an appointment to another time, shared by the citizen's reschedule and
// the staff's move on behalf: the row keeps its identity and only changes time
// and lane, so the old time is freed exactly when the new one is taken (or
// nothing changes). Holds the configuration lock shared and checks the
// catalog is current (fresh-config.ts); a lane taken between check and update
// is looked at again. The `reschedule` e-mail and the history entry
// (`appointment.move`: who, from and to, the reason) are written in the same transaction.
import type { Transaction } from 'kysely';
import { checkStart } from '../domain/availability.ts';
import type { ChangeCause, HistoryActor } from '../domain/appointment-history.ts';
import type { Channel, Office } from '../domain/types.ts';
import type { Database } from '../db/schema.ts';
import { busyAndConfigVersion, releaseExpired, updateAppointment, type AppointmentRow } from '../db/repositories/appointment-repo.ts';
import { shareConfigLock } from '../db/repositories/organization-repo.ts';
import { recordAppointmentChanges } from '../db/repositories/appointment-history-repo.ts';
import { enqueueMail } from '../db/repositories/outbox-repo.ts';
import { isExclusionViolation, withRetry } from '../db/retry.ts';
import type { Catalog } from './catalog.ts';
import type { AppContext } from './context.ts';
import { requireCurrentConfig } from './fresh-config.ts';
import { historyEntry, instant } from './history-entry.ts';

const LANE_ATTEMPTS = 8;

/** The moved row (unchanged if it already starts then), or null when the time is not free for it. */
export async function moveToTime(
  ctx: AppContext,
  catalog: Catalog,
  q: {
    office: Office;
    start: number;
    durationMinutes: number;
    channel: Channel;
    /** loads the row locked for update and throws if it may not move (status, deadline, access) */
    lockRow: (tx: Transaction<Database>) => Promise<AppointmentRow>;
    /** what the e-mail adds to the previous time (e.g. the staff's reason) */
    mailPayload?: Record<string, unknown>;
    /** for the history: who moves it, the reason typed, why (a closure or block) */
    history: { actor: HistoryActor; reason?: string; cause?: ChangeCause };
  },
): Promise<AppointmentRow | null> {
  const { office, start, durationMinutes, channel } = q;
  const end = start + durationMinutes * 60_000;
  const now = ctx.now();
  for (let attempt = 0; attempt < LANE_ATTEMPTS; attempt++) {
    try {
      const row = await withRetry(() =>
        ctx.db.transaction().execute(async (tx) => {
          await shareConfigLock(tx, ctx.orgId);
          const row = await q.lockRow(tx);
          if (row.starts_at.getTime() === start) return row;
          const nowDate = new Date(now);
          await releaseExpired(tx, { orgId: ctx.orgId, officeId: office.id, from: new Date(start), to: new Date(end), now: nowDate });
          const { busy, configVersion } = await busyAndConfigVersion(tx, {
            orgId: ctx.orgId, officeId: office.id, from: new Date(start), to: new Date(end), now: nowDate, excludeIds: [row.id],
          });
          requireCurrentConfig(catalog, configVersion);
          const check = checkStart({ office, org: catalog.config.organization, durationMinutes, channel, now, busy }, start);
          if (!check.ok) return null;
          const updated = await updateAppointment(tx, ctx.orgId, row.id, {
            lane: check.lane, starts_at: new Date(start), ends_at: new Date(end), sequence: row.sequence + 1, updated_at: nowDate, conflict: null,
          });
          const { actor, reason, cause } = q.history;
          await recordAppointmentChanges(tx, [historyEntry({ orgId: ctx.orgId, now }, row, actor, 'appointment.move', {
            fromStart: instant(row.starts_at), toStart: instant(start), ...(reason ? { reason } : {}), ...(cause ? { cause } : {}),
          })]);
          if (updated.contact_email) {
            await enqueueMail(tx, {
              orgId: ctx.orgId, appointmentId: row.id, kind: 'reschedule', recipient: updated.contact_email, locale: updated.locale,
              payload: { previousStartsAt: row.starts_at.toISOString(), ...q.mailPayload },
            });
          }
          return updated;
        }),
      );
      ctx.forgetAvailability();
      return row;
    } catch (e) {
      if (!isExclusionViolation(e)) throw e;
      // another booking took the lane between our check and the update: look again
    }
  }
  return null;
}
