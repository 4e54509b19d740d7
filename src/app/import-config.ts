// Use case: replace an organization's configuration (CLI `config import`, demo).
// All or nothing; refuses to strand upcoming appointments unless told to keep
// them as they are, in which case they are marked for staff.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { markConflicts, upcomingAppointments } from '../db/repositories/appointment-repo.ts';
import { loadOrgConfig, lockOrganizationConfig, organizationExists, recordAudit, saveOrgConfig } from '../db/repositories/organization-repo.ts';
import { findConfigConflicts, type ConfigConflict, type ConflictReason } from '../domain/config-conflicts.ts';
import { localDateOf, localTimeOf } from '../domain/time.ts';
import type { OrgConfig } from '../domain/types.ts';
import { configVersion } from './config-version.ts';
import { formatReference } from './tokens.ts';

export interface ImportResult {
  applied: boolean;
  conflicts: ConfigConflict[];
  /** not applied: the configuration is no longer the one `baseVersion` names */
  stale?: boolean;
}

export async function importConfig(
  db: Kysely<Database>,
  q: {
    orgId: string; config: OrgConfig; now: number; dryRun?: boolean; actor?: string;
    /** keep stranded appointments (marked as conflicts); a function decides on the conflicts found */
    keepConflicts?: boolean | ((conflicts: ConfigConflict[]) => boolean);
    /** apply only if the stored configuration still has this version (config-version.ts) */
    baseVersion?: string;
    /** the audit entry's action and details (default `config.import` with counts) */
    audit?: { action: string; details: Record<string, unknown> };
  },
): Promise<ImportResult> {
  return db.transaction().execute(async (tx) => {
    // One import at a time per organization, and no booking slips in between check and write.
    await lockOrganizationConfig(tx, q.orgId);
    if (q.baseVersion !== undefined) {
      const stored = await loadOrgConfig(tx, q.orgId);
      if (!stored || configVersion(stored) !== q.baseVersion) return { applied: false, conflicts: [], stale: true };
    }
    const rows = (await organizationExists(tx, q.orgId)) ? await upcomingAppointments(tx, q.orgId, new Date(q.now)) : [];
    const conflicts = findConfigConflicts(
      q.config,
      rows
        .filter((r) => r.reference !== null)
        .map((r) => ({
          reference: r.reference!,
          officeId: r.office_id,
          lane: r.lane,
          start: r.starts_at.getTime(),
          end: r.ends_at.getTime(),
          services: r.services,
        })),
    );
    const keep = typeof q.keepConflicts === 'function' ? q.keepConflicts(conflicts) : q.keepConflicts;
    if (q.dryRun || (conflicts.length > 0 && !keep)) return { applied: false, conflicts };
    await saveOrgConfig(tx, q.orgId, q.config);
    await markConflicts(tx, q.orgId, conflicts.map((c) => ({ reference: c.appointment.reference, reason: c.reason })));
    await recordAudit(tx, {
      orgId: q.orgId,
      actor: q.actor ?? 'cli',
      action: q.audit?.action ?? 'config.import',
      details: q.audit
        ? { ...q.audit.details, keptConflicts: conflicts.length }
        : { services: q.config.services.length, offices: q.config.offices.length, keptConflicts: conflicts.length },
    });
    return { applied: true, conflicts };
  });
}

const REASONS: Record<ConflictReason, string> = {
  office_removed: 'its office is no longer in the configuration',
  service_removed: 'its concern "{service}" is no longer in the configuration',
  service_not_offered: 'its concern "{service}" would no longer be offered at this office',
  outside_hours: 'it would lie outside the opening hours (or on a closed day)',
  over_capacity: 'its counter would no longer be staffed at that time (fewer counters)',
};

/** `offices[0].hours: appointment K7Q2-9XMD on 2026-12-03 09:00 (einwohnermeldeamt) would …` */
export function describeConflict(c: ConfigConflict, timezone: string): string {
  const a = c.appointment;
  const when = `${localDateOf(a.start, timezone)} ${localTimeOf(a.start, timezone)}`;
  const why = REASONS[c.reason].replace('{service}', c.serviceId ?? '');
  return `${c.path}: appointment ${formatReference(a.reference)} on ${when} at ${a.officeId}: ${why}`;
}
