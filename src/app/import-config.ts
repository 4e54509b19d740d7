// Use case: replace an organization's configuration (CLI `config import`, demo).
// All or nothing; refuses to strand upcoming appointments unless told to keep
// them as they are, in which case they are marked for staff.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { markConflicts, upcomingAppointments } from '../db/repositories/appointment-repo.ts';
import { lockOrganizationConfig, organizationExists, recordAudit, saveOrgConfig } from '../db/repositories/organization-repo.ts';
import { findConfigConflicts, type ConfigConflict, type ConflictReason } from '../domain/config-conflicts.ts';
import { localDateOf, localTimeOf } from '../domain/time.ts';
import type { OrgConfig } from '../domain/types.ts';
import { formatReference } from './tokens.ts';

export interface ImportResult {
  applied: boolean;
  conflicts: ConfigConflict[];
}

export async function importConfig(
  db: Kysely<Database>,
  q: { orgId: string; config: OrgConfig; now: number; keepConflicts?: boolean; dryRun?: boolean; actor?: string },
): Promise<ImportResult> {
  return db.transaction().execute(async (tx) => {
    // One import at a time per organization, and no booking slips in between check and write.
    await lockOrganizationConfig(tx, q.orgId);
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
    if (q.dryRun || (conflicts.length > 0 && !q.keepConflicts)) return { applied: false, conflicts };
    await saveOrgConfig(tx, q.orgId, q.config);
    await markConflicts(tx, q.orgId, conflicts.map((c) => ({ reference: c.appointment.reference, reason: c.reason })));
    await recordAudit(tx, {
      orgId: q.orgId,
      actor: q.actor ?? 'cli',
      action: 'config.import',
      details: { services: q.config.services.length, offices: q.config.offices.length, keptConflicts: conflicts.length },
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
