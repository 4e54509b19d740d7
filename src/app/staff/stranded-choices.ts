// The appointments a change of an office's days strands (a closure, a block, new
// opening hours), shared by plan-change.ts and change-settings.ts: each one
// described for staff with its suggested time under the NEW configuration
// (domain/suggest-moves.ts), the times it could move to on a day staff pick from
// the calendar, and staff's choice per appointment carried out after the new
// configuration is written — move (to the suggested or the picked time), cancel
// with the reason, or keep as a conflict. Every time is checked again when
// moving: one taken meanwhile (or no longer open) keeps the appointment as a
// conflict and says so. Each move and cancellation is in its history.
import type { ChangeCause } from '../../domain/appointment-history.ts';
import { DomainError, isDomainError } from '../../domain/errors.ts';
import { suggestMoves } from '../../domain/suggest-moves.ts';
import { addDays, localDateOf, localTimeOf, parseRfc3339, zonedInstant } from '../../domain/time.ts';
import type { Locale, OrgConfig } from '../../domain/types.ts';
import { busyIntervals, findByReference, type AppointmentRow } from '../../db/repositories/appointment-repo.ts';
import { buildCatalog } from '../catalog.ts';
import type { AppContext } from '../context.ts';
import { slotTime, type SlotTime } from '../slot-time.ts';
import { formatReference, normalizeReference } from '../tokens.ts';
import type { StaffUser } from './access.ts';
import { cancelOnBehalf } from './cancel-on-behalf.ts';
import { concernsStillOffered } from './list-move-times.ts';
import { moveOnBehalf } from './move-on-behalf.ts';
import { searchStaffTimes, type TimeSearch, type TimeSearchResult } from './staff-time-search.ts';

/** How far around an appointment the suggested time is looked for. */
export const SEARCH_DAYS = 14;

export type Choice = 'move' | 'cancel' | 'keep';

/** Staff's choice per appointment (by reference, any spelling): the time to move to, and whether staff picked it in the calendar. */
export type Choices = Map<string, { choice: Choice; startsAt?: string; picked?: boolean }>;

export type Outcome =
  | { reference: string; outcome: 'moved'; startsAt: string; /** the time it had before */ from?: string; /** a time staff picked in the calendar */ picked?: true }
  | { reference: string; outcome: 'gone'; picked?: true }
  | { reference: string; outcome: 'cancelled' | 'kept' | 'new' };

export interface AffectedAppointment {
  /** formatted, `K7Q2-9XMD` */
  reference: string;
  date: string;
  from: string;
  to: string;
  name: string | null;
  services: string[];
  hasEmail: boolean;
  /** the suggested time under the new configuration, or null when there is none */
  suggested: SlotTime | null;
  /** whether it can move at all under the new configuration (its concerns still offered there) */
  movable: boolean;
}

const serviceNames = (config: OrgConfig, r: AppointmentRow, locale: Locale) => r.services.map((l) => {
  const name = config.services.find((s) => s.id === l.id)?.name[locale] ?? l.id;
  return l.quantity > 1 ? `${l.quantity} × ${name}` : name;
});

/**
 * The stranded appointments `refs` (compact references) of office `officeId`, earliest first,
 * each with its suggested time under `config`. `relaned`: where the re-laning of the same
 * change puts appointments at the same time (so suggestions see those desks taken).
 */
export async function describeStranded(
  ctx: AppContext,
  q: { config: OrgConfig; officeId: string; refs: string[]; locale: Locale; relaned?: { from: number; to: number; start: number; end: number }[] },
): Promise<AffectedAppointment[]> {
  const now = ctx.now();
  const rows = (await Promise.all(q.refs.map((r) => findByReference(ctx.db, ctx.orgId, r)))).filter((r): r is AppointmentRow => r !== undefined);
  rows.sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime());
  const office = q.config.offices.find((o) => o.id === q.officeId);
  const tz = q.config.organization.timezone;
  const catalog = buildCatalog(ctx.orgId, q.config);
  const movable = (r: AppointmentRow) => concernsStillOffered(r, catalog);
  let suggested = new Map<string, number | null>();
  const toMove = rows.filter(movable);
  if (office && toMove.length > 0) {
    const first = localDateOf(Math.max(now, toMove[0].starts_at.getTime()), tz);
    const last = localDateOf(toMove[toMove.length - 1].starts_at.getTime(), tz);
    const busy = await busyIntervals(ctx.db, {
      orgId: ctx.orgId, officeId: office.id, now: new Date(now),
      from: new Date(zonedInstant(addDays(first, -SEARCH_DAYS - 1), 0, tz)), to: new Date(zonedInstant(addDays(last, SEARCH_DAYS + 2), 0, tz)),
      excludeIds: rows.map((r) => r.id),
    });
    for (const m of q.relaned ?? []) {
      const b = busy.find((x) => x.lane === m.from && x.start === m.start && x.end === m.end);
      if (b) b.lane = m.to;
    }
    suggested = suggestMoves(
      { office, org: { timezone: tz, holidays: q.config.organization.holidays }, now, busy, searchDays: SEARCH_DAYS },
      toMove.map((r) => ({ id: r.id, start: r.starts_at.getTime(), durationMinutes: r.duration_minutes, channel: r.channel })),
    );
  }
  return rows.map((r) => {
    const s = suggested.get(r.id);
    return {
      reference: formatReference(r.reference!),
      date: localDateOf(r.starts_at.getTime(), tz),
      from: localTimeOf(r.starts_at.getTime(), tz),
      to: localTimeOf(r.ends_at.getTime(), tz),
      name: r.contact_name,
      services: serviceNames(q.config, r, q.locale),
      hasEmail: Boolean(r.contact_email),
      suggested: s == null ? null : slotTime(s, tz),
      movable: movable(r),
    };
  });
}

/**
 * The times one stranded appointment could move to under `config` (the phone lanes, every
 * counter for walk-ins): the nearest, or those of a day picked in the calendar, with the month.
 * The appointment's own time counts as free and is not offered; the calendar opens at its month.
 */
export async function strandedTimes(
  ctx: AppContext, q: { config: OrgConfig; officeId: string; reference: string; search: TimeSearch },
): Promise<TimeSearchResult> {
  const catalog = buildCatalog(ctx.orgId, q.config);
  const office = catalog.offices.get(q.officeId);
  const ref = normalizeReference(q.reference);
  const row = ref ? await findByReference(ctx.db, ctx.orgId, ref) : undefined;
  if (!office || !row || row.office_id !== q.officeId) throw new DomainError('not_found');
  return searchStaffTimes(ctx, {
    catalog, office, durationMinutes: row.duration_minutes, channel: row.channel === 'counter' ? 'counter' : 'phone',
    // the calendar opens at the appointment's month
    search: { count: 10, ...q.search, month: q.search.month ?? localDateOf(row.starts_at.getTime(), q.config.organization.timezone).slice(0, 7) },
    moving: { id: row.id, startsAt: row.starts_at.getTime() },
  });
}

/**
 * Carries out staff's choices for the stranded appointments `refs` (compact references), after
 * the new configuration is written: cancellations first (they may free the times the moves go
 * to), then moves, each re-checked against the configuration now in force. An appointment with
 * no choice was stranded after the preview (`new`) and is kept.
 */
export async function carryOutChoices(
  ctx: AppContext, user: StaffUser,
  q: { refs: string[]; choices: Choices; reason: string; locale: Locale; cause?: ChangeCause; timezone: string },
): Promise<Outcome[]> {
  const choices = new Map([...q.choices].map(([ref, c]) => [normalizeReference(ref) ?? '', c]));
  const outcomes = new Map<string, Outcome>();
  for (const ref of q.refs) {
    const reference = formatReference(ref);
    const c = choices.get(ref);
    if (!c) outcomes.set(ref, { reference, outcome: 'new' });
    else if (c.choice === 'keep') outcomes.set(ref, { reference, outcome: 'kept' });
    else if (c.choice === 'cancel') {
      try {
        await cancelOnBehalf(ctx, user, { reference, reason: q.reason, locale: q.locale, cause: q.cause });
        outcomes.set(ref, { reference, outcome: 'cancelled' });
      } catch (e) {
        if (!isDomainError(e)) throw e;
        outcomes.set(ref, { reference, outcome: 'kept' });
      }
    }
  }
  for (const ref of q.refs) {
    const c = choices.get(ref);
    if (c?.choice !== 'move') continue;
    const reference = formatReference(ref);
    const picked = c.picked ? { picked: true as const } : {};
    if (!c.startsAt || parseRfc3339(c.startsAt) === null) {
      outcomes.set(ref, { reference, outcome: 'gone', ...picked });
      continue;
    }
    try {
      const before = await findByReference(ctx.db, ctx.orgId, ref);
      const moved = await moveOnBehalf(ctx, user, { reference, startsAt: c.startsAt, reason: q.reason, locale: q.locale, cause: q.cause });
      const from = before ? slotTime(before.starts_at.getTime(), q.timezone).startsAt : undefined;
      outcomes.set(ref, { reference, outcome: 'moved', startsAt: moved.startsAt, ...(from ? { from } : {}), ...picked });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      outcomes.set(ref, { reference, outcome: 'gone', ...picked }); // the time is gone: kept as a conflict
    }
  }
  return q.refs.map((r) => outcomes.get(r)!);
}
