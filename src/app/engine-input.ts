// Loads what the engine needs to answer for an office over some local dates:
// the occupied lanes from the database, with the office and the clock.
import type { Transaction, Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { busyIntervals } from '../db/repositories/appointment-repo.ts';
import type { EngineInput } from '../domain/availability.ts';
import { addDays, zonedInstant } from '../domain/time.ts';
import type { Channel, LocalDate, Office } from '../domain/types.ts';
import type { Catalog } from './catalog.ts';

/** An appointment being moved: its own time is free for it, but not offered as a new time. */
export interface MovingAppointment {
  id: string;
  start: number;
}

export interface LoadedRange {
  from: LocalDate;
  to: LocalDate;
  input: EngineInput;
}

export async function loadEngineInput(
  db: Kysely<Database> | Transaction<Database>,
  q: {
    catalog: Catalog;
    office: Office;
    durationMinutes: number;
    channel: Channel;
    now: number;
    from: LocalDate;
    to: LocalDate;
    excludeIds?: string[];
  },
): Promise<LoadedRange> {
  const org = q.catalog.config.organization;
  const busy = await busyIntervals(db, {
    orgId: q.catalog.orgId,
    officeId: q.office.id,
    from: new Date(zonedInstant(q.from, 0, org.timezone)),
    to: new Date(zonedInstant(addDays(q.to, 1), 0, org.timezone)),
    now: new Date(q.now),
    excludeIds: q.excludeIds,
  });
  return {
    from: q.from,
    to: q.to,
    input: {
      office: q.office,
      org: { timezone: org.timezone, holidays: org.holidays },
      durationMinutes: q.durationMinutes,
      channel: q.channel,
      now: q.now,
      busy,
    },
  };
}
