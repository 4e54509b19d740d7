// When plans change (a closure, a block, removing one): the shared steps of the
// staff pages that edit an office's days. A preview finds the appointments the
// new configuration strands (after moving to a free desk at the same time those
// that can be), each with the nearest free time under the new configuration.
// Applying writes the configuration through importConfig (same checks, the
// audit log, re-laning in the same transaction), then carries out staff's choice
// per appointment: move to the suggested time, cancel with the message, or keep
// as a conflict. Nothing is silently dropped: whatever cannot be done is kept.
import { causeOfChange } from '../../domain/appointment-history.ts';
import { DomainError, isDomainError, type FieldErrors } from '../../domain/errors.ts';
import { suggestMoves } from '../../domain/suggest-moves.ts';
import { compareDates, isValidLocalDate, isValidLocalTime, localDateOf, localTimeOf, parseLocalTime, parseRfc3339, addDays, zonedInstant } from '../../domain/time.ts';
import type { Closure, Locale, OrgConfig } from '../../domain/types.ts';
import { busyIntervals, findByReference, type AppointmentRow } from '../../db/repositories/appointment-repo.ts';
import { recordPlanOutcome } from '../../db/repositories/plan-outcome-repo.ts';
import type { AppContext } from '../context.ts';
import { importConfig, type ImportResult } from '../import-config.ts';
import { slotTime, type SlotTime } from '../slot-time.ts';
import { formatReference, normalizeReference } from '../tokens.ts';
import type { StaffUser } from './access.ts';
import { cancelOnBehalf } from './cancel-on-behalf.ts';
import { moveOnBehalf } from './move-on-behalf.ts';

/** How far around an appointment the nearest free time is looked for. */
const SEARCH_DAYS = 14;
/** The config's limit for short texts. */
export const REASON_MAX = 200;

export type Choice = 'move' | 'cancel' | 'keep';

export interface AffectedAppointment {
  /** formatted, `K7Q2-9XMD` */
  reference: string;
  date: string;
  from: string;
  to: string;
  name: string | null;
  services: string[];
  hasEmail: boolean;
  /** the nearest free time under the new configuration, or null when there is none */
  suggested: SlotTime | null;
}

export interface PlanPreview {
  affected: AffectedAppointment[];
  /** appointments that move to another desk at the same time (the citizen notices nothing) */
  relaned: number;
}

export type Outcome =
  | { reference: string; outcome: 'moved'; startsAt: string; /** the time it had before */ from?: string }
  | { reference: string; outcome: 'cancelled' | 'kept' | 'gone' | 'new' };

export interface PlanApplied {
  relaned: number;
  outcomes: Outcome[];
  /** the audit entry (`plan.outcome`) that records the outcomes, for the result page */
  outcomeId?: string;
}

export interface Period {
  from: string;
  to: string;
  fromTime?: string;
  toTime?: string;
  reason: string;
}

/**
 * Checks the days, times and reason of a closure or block; throws `validation` with the fields.
 * A period that ends before `today` is refused (`date.past`): it would change nothing and
 * would not be listed (only upcoming ones are), so it could not be removed.
 */
export function checkPeriod(q: Period, today: string, extra: FieldErrors = {}): Closure {
  const fields: FieldErrors = { ...extra };
  if (!isValidLocalDate(q.from)) fields.from = { key: 'date.invalid' };
  if (!isValidLocalDate(q.to) || (isValidLocalDate(q.from) && compareDates(q.from, q.to) > 0)) fields.to = { key: 'date.invalid' };
  else if (compareDates(q.to, today) < 0) fields.to = { key: 'date.past' };
  const partial = Boolean(q.fromTime || q.toTime);
  if (partial && (!isValidLocalTime(q.fromTime ?? '') || !isValidLocalTime(q.toTime ?? '') || parseLocalTime(q.fromTime!) >= parseLocalTime(q.toTime!))) {
    fields.toTime = { key: 'time.invalid' };
  }
  const reason = q.reason.trim();
  if (reason.length === 0 || reason.length > REASON_MAX) fields.reason = { key: 'reason.required' };
  if (Object.keys(fields).length > 0) throw new DomainError('validation', { fields });
  return { from: q.from, to: q.to, ...(partial ? { fromTime: q.fromTime, toTime: q.toTime } : {}), reason: { de: reason, en: reason } };
}

/** References (compact) of the office's appointments the current configuration already strands. */
async function knownConflicts(ctx: AppContext, config: OrgConfig, now: number): Promise<Set<string>> {
  const r = await importConfig(ctx.db, { orgId: ctx.orgId, config, now, dryRun: true });
  return new Set(r.conflicts.map((c) => c.appointment.reference));
}

function newlyStranded(result: ImportResult, officeId: string, known: Set<string>): string[] {
  return result.conflicts
    .filter((c) => c.appointment.officeId === officeId && !known.has(c.appointment.reference))
    .map((c) => c.appointment.reference);
}

export async function previewPlanChange(
  ctx: AppContext, q: { officeId: string; config: OrgConfig; locale: Locale },
): Promise<PlanPreview> {
  const catalog = await ctx.catalog();
  const now = ctx.now();
  const known = await knownConflicts(ctx, catalog.config, now);
  const result = await importConfig(ctx.db, { orgId: ctx.orgId, config: q.config, now, dryRun: true, relane: true });
  const refs = newlyStranded(result, q.officeId, known);
  const rows = (await Promise.all(refs.map((r) => findByReference(ctx.db, ctx.orgId, r)))).filter((r): r is AppointmentRow => r !== undefined);
  rows.sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime());
  const office = q.config.offices.find((o) => o.id === q.officeId);
  const tz = q.config.organization.timezone;
  let suggested = new Map<string, number | null>();
  if (office && rows.length > 0) {
    const first = localDateOf(Math.max(now, rows[0].starts_at.getTime()), tz);
    const last = localDateOf(rows[rows.length - 1].starts_at.getTime(), tz);
    const busy = await busyIntervals(ctx.db, {
      orgId: ctx.orgId, officeId: office.id, now: new Date(now),
      from: new Date(zonedInstant(addDays(first, -SEARCH_DAYS - 1), 0, tz)), to: new Date(zonedInstant(addDays(last, SEARCH_DAYS + 2), 0, tz)),
      excludeIds: rows.map((r) => r.id),
    });
    // where the re-laning will put the appointments it moves
    for (const m of result.relaned.filter((x) => x.officeId === office.id)) {
      const b = busy.find((x) => x.lane === m.from && x.start === m.start && x.end === m.end);
      if (b) b.lane = m.to;
    }
    suggested = suggestMoves(
      { office, org: { timezone: tz, holidays: q.config.organization.holidays }, now, busy, searchDays: SEARCH_DAYS },
      rows.map((r) => ({ id: r.id, start: r.starts_at.getTime(), durationMinutes: r.duration_minutes, channel: r.channel })),
    );
  }
  return {
    relaned: result.relaned.filter((m) => m.officeId === q.officeId).length,
    affected: rows.map((r) => {
      const s = suggested.get(r.id);
      return {
        reference: formatReference(r.reference!),
        date: localDateOf(r.starts_at.getTime(), tz),
        from: localTimeOf(r.starts_at.getTime(), tz),
        to: localTimeOf(r.ends_at.getTime(), tz),
        name: r.contact_name,
        services: r.services.map((l) => {
          const name = catalog.services.get(l.id)?.name[q.locale] ?? l.id;
          return l.quantity > 1 ? `${l.quantity} × ${name}` : name;
        }),
        hasEmail: Boolean(r.contact_email),
        suggested: s == null ? null : slotTime(s, tz),
      };
    }),
  };
}

/** Staff's choice per appointment (by reference, any spelling) with the time shown as suggested. */
export type Choices = Map<string, { choice: Choice; startsAt?: string }>;

export async function applyPlanChange(
  ctx: AppContext, user: StaffUser,
  q: {
    officeId: string; config: OrgConfig; choices: Choices; reason: string; locale: Locale; details: Record<string, unknown>; clearResolved?: boolean;
    /** write the outcomes as an audit entry for the result page (closures and blocks, not removals) */
    record?: { date: string };
  },
): Promise<PlanApplied> {
  const catalog = await ctx.catalog();
  const now = ctx.now();
  const known = await knownConflicts(ctx, catalog.config, now);
  const cause = causeOfChange(q.details.change);
  const reason = q.reason.trim();
  const done = await importConfig(ctx.db, {
    orgId: ctx.orgId, config: q.config, now, keepConflicts: true, relane: true, clearResolved: q.clearResolved,
    actor: `staff:${user.email}`, audit: { action: 'config.import', details: { office: q.officeId, ...q.details } },
    history: { actorUserId: user.id, cause: cause ?? 'settings', ...(reason ? { reason } : {}) },
  });
  ctx.invalidateCatalog();
  ctx.forgetAvailability();
  const stranded = newlyStranded(done, q.officeId, known);
  const choices = new Map([...q.choices].map(([ref, c]) => [normalizeReference(ref) ?? '', c]));
  const outcomes = new Map<string, Outcome>();
  // cancellations first: they may free the times the moves go to
  for (const ref of stranded) {
    const reference = formatReference(ref);
    const c = choices.get(ref);
    if (!c) outcomes.set(ref, { reference, outcome: 'new' }); // booked after the preview: kept for staff
    else if (c.choice === 'keep') outcomes.set(ref, { reference, outcome: 'kept' });
    else if (c.choice === 'cancel') {
      try {
        await cancelOnBehalf(ctx, user, { reference, reason, locale: q.locale, cause });
        outcomes.set(ref, { reference, outcome: 'cancelled' });
      } catch (e) {
        if (!isDomainError(e)) throw e;
        outcomes.set(ref, { reference, outcome: 'kept' });
      }
    }
  }
  for (const ref of stranded) {
    const c = choices.get(ref);
    if (c?.choice !== 'move') continue;
    const reference = formatReference(ref);
    const at = c.startsAt ? parseRfc3339(c.startsAt) : null;
    if (at === null) {
      outcomes.set(ref, { reference, outcome: 'gone' });
      continue;
    }
    try {
      const before = await findByReference(ctx.db, ctx.orgId, ref);
      const moved = await moveOnBehalf(ctx, user, { reference, startsAt: c.startsAt!, reason, locale: q.locale, cause });
      const from = before ? slotTime(before.starts_at.getTime(), catalog.config.organization.timezone).startsAt : undefined;
      outcomes.set(ref, { reference, outcome: 'moved', startsAt: moved.startsAt, ...(from ? { from } : {}) });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      outcomes.set(ref, { reference, outcome: 'gone' }); // the time is gone: kept as a conflict
    }
  }
  const relaned = done.relaned.filter((m) => m.officeId === q.officeId).length;
  const list = stranded.map((r) => outcomes.get(r)!);
  if (!q.record) return { relaned, outcomes: list };
  const outcomeId = await recordPlanOutcome(ctx.db, {
    orgId: ctx.orgId, actor: `staff:${user.email}`, at: ctx.now(),
    details: { office: q.officeId, date: q.record.date, change: q.details.change, reason, relaned, outcomes: list },
  });
  return { relaned, outcomes: list, outcomeId };
}
