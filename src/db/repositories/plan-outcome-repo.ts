// The record of what a closure or block did to the appointments it stranded: an
// audit entry (`plan.outcome`) written when applying, read back by the result
// page by its id — the page never takes the outcomes from its address.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { auditValues } from './organization-repo.ts';

export const PLAN_OUTCOME_ACTION = 'plan.outcome';

/** Writes the entry; returns its id. */
export async function recordPlanOutcome(
  db: Kysely<Database>, entry: { orgId: string; actor: string; details: Record<string, unknown>; at?: number },
): Promise<string> {
  const row = await db.insertInto('audit_log')
    .values(auditValues({ orgId: entry.orgId, actor: entry.actor, action: PLAN_OUTCOME_ACTION, details: entry.details, at: entry.at }))
    .returning('id').executeTakeFirstOrThrow();
  return String(row.id);
}

/** The entry's details, or undefined for an unknown id, another organization's or another kind of entry. */
export async function findPlanOutcome(db: Kysely<Database>, orgId: string, id: string): Promise<unknown> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const row = await db.selectFrom('audit_log').select('details')
    .where('org_id', '=', orgId).where('id', '=', id).where('action', '=', PLAN_OUTCOME_ACTION).executeTakeFirst();
  return row?.details;
}
