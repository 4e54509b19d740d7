// Use case: change settings from a back-office form. The form's change is
// applied to the current configuration as config-file data and checked by the
// import's own validation; the result goes through the configuration import
// (one transaction under the organization's lock). Refused when the
// configuration changed since the form was shown (`base` version); upcoming
// appointments it would strand are shown first and kept as conflicts only when
// confirmed. Every applied change is in the audit log with what it changed.
import { rawConfig, type RawConfig } from '../../config/raw.ts';
import { toProblem, validateDetailed, type DetailedProblem, type Problem } from '../../config/validate.ts';
import { diffConfig, type ConfigChange } from '../../domain/config-diff.ts';
import type { ConflictReason } from '../../domain/config-conflicts.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Locale, OrgConfig } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { configVersion } from '../config-version.ts';
import { importConfig } from '../import-config.ts';
import { formatReference } from '../tokens.ts';
import type { StaffUser } from './access.ts';
import { requireSettings, type SettingsTarget } from './settings-access.ts';

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
  | { status: 'applied'; changes: ConfigChange[]; kept: StrandedAppointment[] }
  | { status: 'unchanged' }
  | { status: 'invalid'; problems: SettingsProblem[] }
  | { status: 'conflicts'; conflicts: StrandedAppointment[] }
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
  let stranded: StrandedAppointment[] = [];
  // keptConflicts counts only the appointments this change strands, not those already in conflict before
  // (read by the import when it writes the entry, after keepConflicts has decided)
  const details: Record<string, unknown> = { ...q.subject, changes, keptConflicts: 0 };
  const done = await importConfig(ctx.db, {
    orgId: ctx.orgId,
    config: next,
    now,
    actor: `staff:${user.email}`,
    history: { actorUserId: user.id, cause: 'settings' },
    baseVersion: q.base,
    audit: { action: q.action, details },
    keepConflicts: (conflicts) => {
      stranded = conflicts
        .filter((c) => !known.has(c.appointment.reference))
        .map((c) => ({
          reference: formatReference(c.appointment.reference), officeId: c.appointment.officeId, start: c.appointment.start,
          reason: c.reason, ...(c.serviceId ? { serviceId: c.serviceId } : {}),
        }));
      details.keptConflicts = stranded.length;
      // only what was shown is confirmed: an appointment stranded since asks again
      return stranded.every((a) => q.confirm.includes(a.reference));
    },
  });
  if (done.stale) {
    ctx.invalidateCatalog();
    return { status: 'stale' };
  }
  if (!done.applied) return { status: 'conflicts', conflicts: stranded };
  ctx.invalidateCatalog();
  ctx.forgetAvailability();
  return { status: 'applied', changes, kept: stranded };
}
