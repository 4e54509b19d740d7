// Use case: change settings from a back-office form. The form's change is
// applied to the current configuration as config-file data and checked by the
// import's own validation; the result goes through the configuration import
// (one transaction under the organization's lock). Refused when the
// configuration changed since the form was shown (`base` version); upcoming
// appointments it would strand are shown first, each with staff's choice (for an
// office's settings: the suggested time, another time from the calendar, cancel
// with a reason, or keep as a conflict; see stranded-choices.ts), and applied only
// when confirmed; the choices are carried out after the change and recorded for
// the result page (`plan.outcome`, like a closure's). Every applied change is in
// the audit log with what it changed.
import { rawConfig, type RawConfig } from '../../config/raw.ts';
import { toProblem, validateDetailed, type DetailedProblem, type Problem } from '../../config/validate.ts';
import { diffConfig, type ConfigChange } from '../../domain/config-diff.ts';
import type { ConflictReason } from '../../domain/config-conflicts.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDateOf } from '../../domain/time.ts';
import type { Locale, OrgConfig } from '../../domain/types.ts';
import { recordPlanOutcome } from '../../db/repositories/plan-outcome-repo.ts';
import type { AppContext } from '../context.ts';
import { configVersion } from '../config-version.ts';
import { importConfig } from '../import-config.ts';
import { formatReference, normalizeReference } from '../tokens.ts';
import type { StaffUser } from './access.ts';
import { recordKeptConflicts, REASON_MAX, type PickTime } from './plan-change.ts';
import { requireSettings, type SettingsTarget } from './settings-access.ts';
import type { TimeSearchResult } from './staff-time-search.ts';
import { carryOutChoices, describeStranded, strandedTimes, type AffectedAppointment, type Choices, type Outcome } from './stranded-choices.ts';

export interface ChangeSettingsInput {
  target: SettingsTarget;
  /** audit action, e.g. `settings.office.hours` */
  action: string;
  /** the version of the configuration the form was based on */
  base: string;
  /** applies the form's change to the config-file data */
  edit: (raw: RawConfig) => void;
  /** references (K7Q2-9XMD) of the appointments the user saw and agreed to keep as conflicts */
  confirm: string[];
  locale: Locale;
  /** what the entry is about, for the audit log (`{ office: 'a' }`) */
  subject: Record<string, string>;
  /** an office's settings: what to do with each stranded appointment (absent: keep), and the reason told to the citizens */
  choices?: Choices;
  reason?: string;
  /** only show the stranded appointments (never apply), with the calendar for one of them */
  dryRun?: boolean;
  pick?: PickTime;
}

export interface StrandedAppointment {
  reference: string;
  officeId: string;
  start: number;
  reason: ConflictReason;
  serviceId?: string;
}

/** A problem of the import's validation: its path and message (as the CLI shows them), and its key, parameters and path segments for the form to put in its own words. */
export type SettingsProblem = Problem & Pick<DetailedProblem, 'key' | 'params'> & { at: DetailedProblem['path'] };

export type ChangeSettingsResult =
  | {
    status: 'applied'; changes: ConfigChange[]; kept: StrandedAppointment[];
    /** what became of the stranded appointments, and the record of it for the result page (when any was moved or cancelled) */
    outcomes?: Outcome[]; outcomeId?: string;
  }
  | { status: 'unchanged' }
  | { status: 'invalid'; problems: SettingsProblem[] }
  | {
    status: 'conflicts'; conflicts: StrandedAppointment[];
    /** an office's settings: each stranded appointment with its suggested time under the new configuration */
    affected: AffectedAppointment[];
    /** the appointment staff pick another time for, with the times under the new configuration */
    picking?: { appointment: AffectedAppointment; found: TimeSearchResult };
    /** a move or cancellation was chosen without a reason */
    reasonMissing?: boolean;
  }
  | { status: 'stale' };

/** The current configuration and its version, for a form (after the access check). */
export async function settingsForm(ctx: AppContext, user: StaffUser, target: SettingsTarget): Promise<{ config: OrgConfig; version: string }> {
  const catalog = await ctx.catalog();
  requireSettings(user, target, catalog);
  return { config: catalog.config, version: configVersion(catalog.config) };
}

export async function changeSettings(ctx: AppContext, user: StaffUser, q: ChangeSettingsInput): Promise<ChangeSettingsResult> {
  const catalog = await ctx.catalog();
  requireSettings(user, q.target, catalog);
  const current = catalog.config;
  if (configVersion(current) !== q.base) return { status: 'stale' };

  const raw = rawConfig(ctx.orgId, current);
  q.edit(raw);
  const checked = validateDetailed(raw);
  if (!checked.ok) {
    return { status: 'invalid', problems: checked.problems.map((p) => ({ ...toProblem(p, q.locale), key: p.key, params: p.params, at: p.path })) };
  }
  const next = checked.config;

  const changes = diffConfig(current, next);
  if (changes.length === 0) return { status: 'unchanged' };
  // Never trust the form: an office's settings change nothing outside that office.
  if ('office' in q.target) {
    const inside = `offices[${q.target.office}]`;
    if (changes.some((c) => c.path !== inside && !c.path.startsWith(`${inside}.`))) throw new DomainError('not_found');
  }

  const now = ctx.now();
  const before = await importConfig(ctx.db, { orgId: ctx.orgId, config: current, now, dryRun: true });
  const known = new Set(before.conflicts.map((c) => c.appointment.reference));
  const officeId = 'office' in q.target ? q.target.office : undefined;
  const strandedOf = (conflicts: typeof before.conflicts): StrandedAppointment[] => conflicts
    .filter((c) => !known.has(c.appointment.reference))
    .map((c) => ({
      reference: formatReference(c.appointment.reference), officeId: c.appointment.officeId, start: c.appointment.start,
      reason: c.reason, ...(c.serviceId ? { serviceId: c.serviceId } : {}),
    }));
  /** The stranded appointments shown again (nothing applied), described with their suggested times. */
  const conflictsResult = async (stranded: StrandedAppointment[], extra: { reasonMissing?: boolean } = {}): Promise<ChangeSettingsResult> => {
    const refs = stranded.map((a) => normalizeReference(a.reference)!);
    const affected = officeId ? await describeStranded(ctx, { config: next, officeId, refs, locale: q.locale }) : [];
    if (!q.pick || !officeId) return { status: 'conflicts', conflicts: stranded, affected, ...extra };
    const ref = normalizeReference(q.pick.reference);
    const appointment = affected.find((a) => normalizeReference(a.reference) === ref);
    if (!ref || !appointment || !appointment.movable) throw new DomainError('not_found');
    const found = await strandedTimes(ctx, { config: next, officeId, reference: appointment.reference, search: q.pick.search });
    return { status: 'conflicts', conflicts: stranded, affected, picking: { appointment, found }, ...extra };
  };
  const choices = officeId ? q.choices ?? new Map() : new Map() as Choices;
  const reason = (q.reason ?? '').trim();
  const needsReason = [...choices.values()].some((c) => c.choice !== 'keep');
  if (q.dryRun || q.pick || (needsReason && (reason.length === 0 || reason.length > REASON_MAX))) {
    const dry = await importConfig(ctx.db, { orgId: ctx.orgId, config: next, now, dryRun: true });
    return conflictsResult(strandedOf(dry.conflicts), q.dryRun || q.pick ? {} : { reasonMissing: true });
  }
  // meant to be moved or cancelled: the import records no "kept as a conflict" for them (unless that fails)
  const resolvedAfter = new Set([...choices].filter(([, c]) => c.choice !== 'keep').map(([r]) => normalizeReference(r) ?? ''));
  let stranded: StrandedAppointment[] = [];
  // keptConflicts counts only the appointments this change strands, not those already in conflict before
  // (read by the import when it writes the entry, after keepConflicts has decided)
  const details: Record<string, unknown> = { ...q.subject, changes, keptConflicts: 0 };
  const done = await importConfig(ctx.db, {
    orgId: ctx.orgId,
    config: next,
    now,
    actor: `staff:${user.email}`,
    history: { actorUserId: user.id, cause: 'settings', ...(reason && needsReason ? { reason } : {}), resolvedAfter },
    baseVersion: q.base,
    audit: { action: q.action, details },
    keepConflicts: (conflicts) => {
      stranded = strandedOf(conflicts);
      details.keptConflicts = stranded.length;
      // only what was shown is confirmed: an appointment stranded since asks again
      return stranded.every((a) => q.confirm.includes(a.reference));
    },
  });
  if (done.stale) {
    ctx.invalidateCatalog();
    return { status: 'stale' };
  }
  if (!done.applied) return conflictsResult(stranded);
  ctx.invalidateCatalog();
  ctx.forgetAvailability();
  if (!officeId || stranded.length === 0 || !needsReason) return { status: 'applied', changes, kept: stranded };
  // staff's choices, then the record of what became of each for the result page
  const refs = stranded.map((a) => normalizeReference(a.reference)!);
  const tz = next.organization.timezone;
  const outcomes = await carryOutChoices(ctx, user, { refs, choices, reason, locale: q.locale, cause: 'settings', timezone: tz });
  const unresolved = refs.filter((r, i) => resolvedAfter.has(r) && (outcomes[i]!.outcome === 'kept' || outcomes[i]!.outcome === 'gone'));
  await recordKeptConflicts(ctx, user, unresolved.map((r) => ({ ref: r, conflict: stranded.find((a) => normalizeReference(a.reference) === r)?.reason })),
    { cause: 'settings', reason });
  const outcomeId = await recordPlanOutcome(ctx.db, {
    orgId: ctx.orgId, actor: `staff:${user.email}`, at: ctx.now(),
    details: { office: officeId, date: localDateOf(Math.max(now, Math.min(...stranded.map((a) => a.start))), tz), change: 'settings', reason, relaned: 0, outcomes },
  });
  return { status: 'applied', changes, kept: stranded, outcomes, outcomeId };
}
