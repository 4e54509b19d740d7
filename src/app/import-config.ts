// Use case: replace an organization's configuration (CLI `config import`, demo).
// All or nothing; refuses to strand upcoming appointments unless told to keep
// them as they are, in which case they are marked for staff. What it does to
// appointments (another desk at the same time, marked or no longer marked as a
// conflict) is recorded in their history in the same transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { clearResolvedConflicts, laneRows, markConflicts, setLane, upcomingAppointments } from '../db/repositories/appointment-repo.ts';
import { recordAppointmentChanges, type AppointmentEntry } from '../db/repositories/appointment-history-repo.ts';
import type { ChangeCause, HistoryActor } from '../domain/appointment-history.ts';
import { loadOrgConfig, lockOrganizationConfig, organizationExists, recordAudit, saveOrgConfig } from '../db/repositories/organization-repo.ts';
import { findConfigConflicts, type ConfigConflict, type ConflictReason } from '../domain/config-conflicts.ts';
import { planRelanes } from '../domain/relane.ts';
import { localDateOf, localTimeOf } from '../domain/time.ts';
import type { OrgConfig } from '../domain/types.ts';
import { configVersion } from './config-version.ts';
import { historyEntry } from './history-entry.ts';
import { formatReference } from './tokens.ts';

export interface ImportResult {
  applied: boolean;
  conflicts: ConfigConflict[];
  /** appointments moved (or, in a dry run, to be moved) to another desk at the same time */
  relaned: { reference: string; officeId: string; start: number; end: number; from: number; to: number }[];
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
    /** move appointments whose desk is no longer staffed to a free remaining desk at the same time (same transaction) */
    relane?: boolean;
    /** clear the conflict mark of appointments the new configuration fits again */
    clearResolved?: boolean;
    /** the audit entry's action and extra details (default `config.import` with counts) */
    audit?: { action: string; details?: Record<string, unknown> };
    /** for the appointments' history: the staff user who made the change (else the system), why, and the reason typed */
    history?: {
      actorUserId?: string; cause: ChangeCause; reason?: string;
      /**
       * Stored references the caller moves or cancels right after this import (a clerk's choice in a
       * closure): their history gets no "kept as a conflict" entry; the caller records one if that fails.
       */
      resolvedAfter?: ReadonlySet<string>;
    };
  },
): Promise<ImportResult> {
  return db.transaction().execute(async (tx) => {
    // One import at a time per organization, and no booking slips in between check and write.
    await lockOrganizationConfig(tx, q.orgId);
    if (q.baseVersion !== undefined) {
      const stored = await loadOrgConfig(tx, q.orgId);
      if (!stored || configVersion(stored) !== q.baseVersion) return { applied: false, conflicts: [], relaned: [], stale: true };
    }
    const exists = await organizationExists(tx, q.orgId);
    const rows = exists ? await upcomingAppointments(tx, q.orgId, new Date(q.now)) : [];
    const upcoming = new Set(rows.filter((r) => r.reference !== null).map((r) => r.id));
    const moves = exists && q.relane
      ? planRelanes(q.config, (await laneRows(tx, q.orgId, new Date(q.now))).map((r) => ({
        id: r.id, officeId: r.office_id, lane: r.lane, start: r.starts_at.getTime(), end: r.ends_at.getTime(), channel: r.channel,
        movable: upcoming.has(r.id),
      })))
      : [];
    const relaned: ImportResult['relaned'] = [];
    for (const m of moves) {
      const r = rows.find((x) => x.id === m.id);
      if (!r) continue;
      relaned.push({ reference: r.reference!, officeId: r.office_id, start: r.starts_at.getTime(), end: r.ends_at.getTime(), from: m.from, to: m.to });
      r.lane = m.to;
    }
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
    if (q.dryRun || (conflicts.length > 0 && !keep)) return { applied: false, conflicts, relaned };
    await saveOrgConfig(tx, q.orgId, q.config);
    // in the planned order: each target lane is free when its row moves there
    for (const m of moves) await setLane(tx, q.orgId, m.id, m.to, new Date(q.now));
    const cleared = q.clearResolved ? await clearResolvedConflicts(tx, q.orgId, conflicts.map((c) => c.appointment.reference), new Date(q.now)) : [];
    await markConflicts(tx, q.orgId, conflicts.map((c) => ({ reference: c.appointment.reference, reason: c.reason })));
    // each appointment's history: moved to another desk, newly kept as a conflict, no longer one
    const actor: HistoryActor = q.history?.actorUserId ? { kind: 'staff', userId: q.history.actorUserId } : { kind: 'system' };
    const why = { cause: q.history?.cause ?? 'import', ...(q.history?.reason ? { reason: q.history.reason } : {}) } as const;
    const byReference = new Map(rows.map((r) => [r.reference, r]));
    const at = { orgId: q.orgId, now: q.now };
    const entries: AppointmentEntry[] = [];
    for (const m of moves) {
      const r = rows.find((x) => x.id === m.id);
      if (r) entries.push(historyEntry(at, r, actor, 'appointment.relane', { fromLane: m.from, toLane: m.to, ...why }));
    }
    for (const c of conflicts) {
      const r = byReference.get(c.appointment.reference);
      if (r && r.conflict === null && !q.history?.resolvedAfter?.has(r.reference ?? '')) entries.push(historyEntry(at, r, actor, 'appointment.conflict', { conflict: c.reason, ...why }));
    }
    for (const r of cleared) {
      if (r.status !== 'cancelled') entries.push(historyEntry(at, r, actor, 'appointment.conflict_cleared', why));
    }
    await recordAppointmentChanges(tx, entries);
    await recordAudit(tx, {
      orgId: q.orgId,
      at: q.now,
      actor: q.actor ?? 'cli',
      action: q.audit?.action ?? 'config.import',
      details: {
        ...(q.audit ? {} : { services: q.config.services.length, offices: q.config.offices.length }),
        keptConflicts: conflicts.length,
        ...(q.relane ? { relaned: relaned.map((r) => formatReference(r.reference)) } : {}),
        ...q.audit?.details,
      },
    });
    return { applied: true, conflicts, relaned };
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
