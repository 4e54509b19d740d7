// Puts a row (appointment or hold) on a free lane of an office: asks the
// engine for the preferred lane, inserts unless the exclusion constraint finds
// it taken meanwhile, and then looks again. Expired holds and unconfirmed
// bookings are invisible to the engine but still rows the constraint sees, so
// after a refused insert they are released before the next look (not before
// the first: the common case needs no such statement). Runs inside the
// caller's transaction, which holds the configuration lock shared (shareConfigLock):
// the stored configuration must still be the one the catalog was built from.
import type { Transaction } from 'kysely';
import { checkStart } from '../domain/availability.ts';
import type { Channel, Office } from '../domain/types.ts';
import type { Database } from '../db/schema.ts';
import {
  busyAndConfigVersion, insertIfLaneFree, releaseExpired, type AppointmentRow, type HistoryDraft, type NewAppointment, type OutboxDraft,
} from '../db/repositories/appointment-repo.ts';
import type { Catalog } from './catalog.ts';
import { requireCurrentConfig } from './fresh-config.ts';

const LANE_ATTEMPTS = 8;

export async function occupyFreeLane(
  tx: Transaction<Database>,
  q: {
    catalog: Catalog;
    office: Office;
    start: number;
    durationMinutes: number;
    channel: Channel;
    now: number;
    /** the rest of the row; called per attempt, so each try may draw a new reference */
    row: (attempt: number) => Omit<NewAppointment, 'lane' | 'starts_at' | 'ends_at' | 'office_id' | 'org_id' | 'channel' | 'duration_minutes'>;
    /** an e-mail about the row, written to the outbox with it */
    mail?: OutboxDraft;
    /** the history entry of the new row (bookings; not holds), written with it */
    history?: (row: NewAppointment) => HistoryDraft;
  },
): Promise<AppointmentRow | null> {
  const end = q.start + q.durationMinutes * 60_000;
  const orgId = q.catalog.orgId;
  for (let attempt = 0; attempt < LANE_ATTEMPTS; attempt++) {
    const { busy, configVersion } = await busyAndConfigVersion(tx, {
      orgId, officeId: q.office.id, from: new Date(q.start), to: new Date(end), now: new Date(q.now),
    });
    requireCurrentConfig(q.catalog, configVersion);
    const check = checkStart(
      { office: q.office, org: q.catalog.config.organization, durationMinutes: q.durationMinutes, channel: q.channel, now: q.now, busy },
      q.start,
    );
    if (!check.ok) return null;
    const row: NewAppointment = {
      ...q.row(attempt),
      org_id: orgId,
      office_id: q.office.id,
      lane: check.lane,
      starts_at: new Date(q.start),
      ends_at: new Date(end),
      channel: q.channel,
      duration_minutes: q.durationMinutes,
    };
    const inserted = await insertIfLaneFree(tx, row, q.mail, q.history?.(row));
    if (inserted) return inserted;
    if (attempt === 0) {
      await releaseExpired(tx, { orgId, officeId: q.office.id, from: new Date(q.start), to: new Date(end), now: new Date(q.now) });
    }
  }
  return null;
}
