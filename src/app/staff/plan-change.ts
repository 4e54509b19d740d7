// When plans change (a closure, a block, removing one): the shared steps of the
// staff pages that edit an office's days. A preview finds the appointments the
// new configuration strands (after moving to a free desk at the same time those
// that can be), each with the nearest free time under the new configuration.
// Applying writes the configuration through importConfig (same checks, the
// audit log, re-laning in the same transaction), then carries out staff's choice
// per appointment: move to the suggested time, cancel with the message, or keep
// as a conflict. Nothing is silently dropped: whatever cannot be done is kept.
import { causeOfChange, type ChangeCause } from '../../domain/appointment-history.ts';
import type { ConflictReason } from '../../domain/config-conflicts.ts';
import { recordAppointmentChanges } from '../../db/repositories/appointment-history-repo.ts';
import { historyEntry } from '../history-entry.ts';
import { DomainError, type FieldErrors } from '../../domain/errors.ts';
import { compareDates, isValidLocalDate, isValidLocalTime, parseLocalTime } from '../../domain/time.ts';
import type { Closure, Locale, OrgConfig } from '../../domain/types.ts';
import { findByReference } from '../../db/repositories/appointment-repo.ts';
import { recordPlanOutcome } from '../../db/repositories/plan-outcome-repo.ts';
import type { AppContext } from '../context.ts';
import { importConfig, type ImportResult } from '../import-config.ts';
import { formatReference, normalizeReference } from '../tokens.ts';
import type { StaffUser } from './access.ts';
import type { TimeSearch, TimeSearchResult } from './staff-time-search.ts';
import { carryOutChoices, describeStranded, strandedTimes, type AffectedAppointment, type Choices, type Outcome } from './stranded-choices.ts';

export type { AffectedAppointment, Choice, Choices, Outcome } from './stranded-choices.ts';

/** The config's limit for short texts. */
export const REASON_MAX = 200;

/** Picking another time for one stranded appointment: which, and the calendar's search. */
export interface PickTime {
  reference: string;
  search: TimeSearch;
}

export interface PlanPreview {
  affected: AffectedAppointment[];
  /** appointments that move to another desk at the same time (the citizen notices nothing) */
  relaned: number;
  /** the appointment staff pick another time for, with the times under the new configuration */
  picking?: { appointment: AffectedAppointment; found: TimeSearchResult };
}

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
  ctx: AppContext, q: { officeId: string; config: OrgConfig; locale: Locale; pick?: PickTime },
): Promise<PlanPreview> {
  const catalog = await ctx.catalog();
  const now = ctx.now();
  const known = await knownConflicts(ctx, catalog.config, now);
  const result = await importConfig(ctx.db, { orgId: ctx.orgId, config: q.config, now, dryRun: true, relane: true });
  const refs = newlyStranded(result, q.officeId, known);
  const relaned = result.relaned.filter((m) => m.officeId === q.officeId);
  const affected = await describeStranded(ctx, { config: q.config, officeId: q.officeId, refs, locale: q.locale, relaned });
  const preview: PlanPreview = { relaned: relaned.length, affected };
  if (!q.pick) return preview;
  // only an appointment this change strands, and one that can move at all
  const ref = normalizeReference(q.pick.reference);
  const appointment = affected.find((a) => normalizeReference(a.reference) === ref);
  if (!ref || !appointment || !appointment.movable) throw new DomainError('not_found');
  const found = await strandedTimes(ctx, { config: q.config, officeId: q.officeId, reference: appointment.reference, search: q.pick.search });
  return { ...preview, picking: { appointment, found } };
}

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
  const choices = new Map([...q.choices].map(([ref, c]) => [normalizeReference(ref) ?? '', c]));
  const resolvedAfter = new Set([...choices].filter(([, c]) => c.choice !== 'keep').map(([ref]) => ref));
  const done = await importConfig(ctx.db, {
    orgId: ctx.orgId, config: q.config, now, keepConflicts: true, relane: true, clearResolved: q.clearResolved,
    actor: `staff:${user.email}`, audit: { action: 'config.import', details: { office: q.officeId, ...q.details } },
    history: { actorUserId: user.id, cause: cause ?? 'settings', ...(reason ? { reason } : {}), resolvedAfter },
  });
  ctx.invalidateCatalog();
  ctx.forgetAvailability();
  const stranded = newlyStranded(done, q.officeId, known);
  // cancellations first (they may free the times the moves go to), then moves, each re-checked now
  const carried = await carryOutChoices(ctx, user, {
    refs: stranded, choices: q.choices, reason, locale: q.locale, cause, timezone: catalog.config.organization.timezone,
  });
  const outcomes = new Map<string, Outcome>(stranded.map((r, i) => [r, carried[i]!]));
  // a move or cancellation that could not be done leaves the appointment a conflict: its history says so now
  const unresolved = stranded.filter((r) => resolvedAfter.has(r) && ['kept', 'gone'].includes(outcomes.get(r)!.outcome));
  await recordKeptConflicts(ctx, user, unresolved.map((r) => ({ ref: r, conflict: done.conflicts.find((c) => normalizeReference(c.appointment.reference) === r)?.reason })),
    { cause: cause ?? 'settings', ...(reason ? { reason } : {}) });
  const relaned = done.relaned.filter((m) => m.officeId === q.officeId).length;
  const list = stranded.map((r) => outcomes.get(r)!);
  if (!q.record) return { relaned, outcomes: list };
  const outcomeId = await recordPlanOutcome(ctx.db, {
    orgId: ctx.orgId, actor: `staff:${user.email}`, at: ctx.now(),
    details: { office: q.officeId, date: q.record.date, change: q.details.change, reason, relaned, outcomes: list },
  });
  return { relaned, outcomes: list, outcomeId };
}

/** The "kept as a conflict" history entries the import left out for appointments meant to be moved or cancelled (also for settings changes). */
export async function recordKeptConflicts(
  ctx: AppContext, user: StaffUser, items: { ref: string; conflict: ConflictReason | undefined }[], why: { cause: ChangeCause; reason?: string },
): Promise<void> {
  const entries = [];
  for (const i of items) {
    const row = await findByReference(ctx.db, ctx.orgId, i.ref);
    if (row && row.status !== 'cancelled' && i.conflict) {
      entries.push(historyEntry({ orgId: ctx.orgId, now: ctx.now() }, row, { kind: 'staff', userId: user.id }, 'appointment.conflict', { conflict: i.conflict, ...why }));
    }
  }
  await recordAppointmentChanges(ctx.db, entries);
}
