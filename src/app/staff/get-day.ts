// Use case: an office's day for the back office: per counter lane the
// appointments, live holds and free gaps inside the opening hours, plus the
// list of appointments in time order. Conflicts (kept after a config import) are flagged.
// Also the public holiday's name, the periods blocks and closures take lanes
// away, and the day's cancelled appointments (a list of their own).
import { daySchedule } from '../../domain/opening-windows.ts';
import { laneClosures } from '../../domain/lane-closures.ts';
import { publicHoliday } from '../../domain/holidays.ts';
import { subtract, type Interval } from '../../domain/intervals.ts';
import { DomainError } from '../../domain/errors.ts';
import { addDays, isValidLocalDate, localDateOf, localTimeOf, zonedInstant } from '../../domain/time.ts';
import type { Locale } from '../../domain/types.ts';
import { cancelledDayRows, dayRows } from '../../db/repositories/staff-appointment-repo.ts';
import type { AppointmentRow } from '../../db/repositories/appointment-repo.ts';
import type { AppContext } from '../context.ts';
import { effectiveStatus, type PublicStatus } from '../appointment-view.ts';
import { formatReference } from '../tokens.ts';
import { requireOffice, type StaffUser } from './access.ts';

export interface DayItem {
  kind: 'appointment' | 'hold';
  reference: string | null;
  status: PublicStatus | 'held';
  lane: number;
  from: string;
  to: string;
  name: string | null;
  services: string[];
  /** what to bring, combined over the concerns */
  documents: string[];
  channel: 'online' | 'phone' | 'counter';
  conflict: string | null;
  /** cancelled appointments only: who cancelled (`expired`: not confirmed in time) */
  cancelledBy?: 'citizen' | 'staff' | 'expired' | null;
}

/** A period a lane is not staffed although the opening hours would staff it. */
export interface LaneBlocked {
  from: string;
  to: string;
  /** `closure`: the office is closed then; `block`: this counter is taken away ("Zeit sperren") */
  kind: 'block' | 'closure';
  /** the reasons given, joined with "; "; null when none was given */
  reason: string | null;
}

export interface DayView {
  office: { id: string; name: string };
  date: string;
  closed: boolean;
  /** the public holiday's name in the asked language, or null */
  holiday: string | null;
  lanes: { lane: number; items: DayItem[]; free: { from: string; to: string }[]; blocked: LaneBlocked[] }[];
  /** appointments (no holds, none cancelled) in time order */
  list: DayItem[];
  /** the cancelled appointments starting on the day, in time order */
  cancelled: DayItem[];
  conflicts: number;
}

export async function getDay(ctx: AppContext, user: StaffUser, q: { office: string; date?: string; locale: Locale }): Promise<DayView> {
  const catalog = await ctx.catalog();
  requireOffice(user, q.office, catalog);
  const office = catalog.offices.get(q.office)!;
  const org = catalog.config.organization;
  const tz = org.timezone;
  const now = ctx.now();
  const date = q.date ?? localDateOf(now, tz);
  if (!isValidLocalDate(date)) throw new DomainError('validation', { fields: { date: { key: 'date.invalid' } } });
  const from = zonedInstant(date, 0, tz);
  const to = zonedInstant(addDays(date, 1), 0, tz);
  const rows = await dayRows(ctx.db, { orgId: ctx.orgId, officeId: office.id, from: new Date(from), to: new Date(to), now: new Date(now) });
  const cancelledRows = await cancelledDayRows(ctx.db, { orgId: ctx.orgId, officeId: office.id, from: new Date(from), to: new Date(to), now: new Date(now) });
  const zone = { timezone: tz, holidays: org.holidays };
  const schedule = daySchedule(office, zone, date);
  const taken = laneClosures(office, zone, date);
  const counters = Math.max(0, ...schedule.windows.flatMap((w) => w.segments.map((s) => s.counters)));
  const laneCount = Math.max(counters, taken.lanes, ...rows.map((r) => r.lane + 1));

  const item = (r: AppointmentRow): DayItem => ({
    kind: r.status === 'held' ? 'hold' : 'appointment',
    reference: r.reference ? formatReference(r.reference) : null,
    status: r.status === 'held' ? 'held' : effectiveStatus(r, now),
    lane: r.lane,
    from: localTimeOf(r.starts_at.getTime(), tz),
    to: localTimeOf(r.ends_at.getTime(), tz),
    name: r.contact_name,
    services: r.services.map((l) => {
      const s = catalog.services.get(l.id);
      const name = s ? s.name[q.locale] : l.id;
      return l.quantity > 1 ? `${l.quantity} × ${name}` : name;
    }),
    documents: [...new Set(r.services.flatMap((l) => catalog.services.get(l.id)?.documents[q.locale] ?? []))],
    channel: r.channel,
    conflict: r.conflict,
  });

  const lanes = [];
  for (let lane = 0; lane < laneCount; lane++) {
    const open: Interval[] = schedule.windows.flatMap((w) =>
      w.segments.filter((s) => s.counters > lane).map((s) => ({ start: Math.max(s.start, now), end: s.end })),
    ).filter((i) => i.end > i.start);
    const mine = rows.filter((r) => r.lane === lane);
    const free = subtract(open, mine.map((r) => ({ start: r.starts_at.getTime(), end: r.ends_at.getTime() })))
      .filter((i) => i.end - i.start >= office.slotMinutes * 60_000)
      .map((i) => ({ from: localTimeOf(i.start, tz), to: localTimeOf(i.end, tz) }));
    const blocked = taken.taken.filter((b) => b.lane === lane).map((b): LaneBlocked => ({
      from: localTimeOf(b.start, tz), to: localTimeOf(b.end, tz), kind: b.kind,
      reason: b.reasons.length > 0 ? b.reasons.map((r) => r[q.locale]).join('; ') : null,
    }));
    lanes.push({ lane, items: mine.map(item), free, blocked });
  }
  const list = rows.filter((r) => r.status !== 'held').map(item);
  const cancelled = cancelledRows.map((r): DayItem => ({
    ...item(r), status: 'cancelled',
    cancelledBy: r.cancel_reason === 'citizen' || r.cancel_reason === 'staff' || r.cancel_reason === 'expired' ? r.cancel_reason : r.status === 'pending' ? 'expired' : null,
  }));
  return {
    office: { id: office.id, name: office.name },
    date,
    closed: schedule.windows.length === 0,
    holiday: publicHoliday(org.holidays, date, q.locale),
    lanes,
    list,
    cancelled,
    conflicts: list.filter((i) => i.conflict).length,
  };
}
