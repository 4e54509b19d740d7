// Use case: what became of the appointments a plan change stranded, for the
// result page. The outcomes come from the server's record of the apply step (the
// `plan.outcome` audit entry, by id, of the user's office) — never from the
// page's address — each with the appointment's current time and status as the
// database has them.
import { DomainError, isDomainError } from '../../domain/errors.ts';
import { isValidLocalDate, localDateOf, localTimeOf } from '../../domain/time.ts';
import { findPlanOutcome } from '../../db/repositories/plan-outcome-repo.ts';
import type { AppContext } from '../context.ts';
import { effectiveStatus } from '../appointment-view.ts';
import { formatReference } from '../tokens.ts';
import { requireOffice, type StaffUser } from './access.ts';
import { loadForStaff } from './get-staff-appointment.ts';
import type { Outcome } from './plan-change.ts';

export interface OutcomeView {
  reference: string;
  outcome: Outcome['outcome'];
  date: string;
  time: string;
  name: string | null;
  status: string;
}

export interface PlanOutcome {
  /** the first day of the closure or block */
  date: string;
  relaned: number;
  items: OutcomeView[];
}

const OUTCOMES: readonly Outcome['outcome'][] = ['moved', 'cancelled', 'kept', 'gone', 'new'];

/** The record `id` of office `office`; not_found for anything else (another office's, unknown, malformed). */
export async function getPlanOutcome(ctx: AppContext, user: StaffUser, q: { office: string; id: string }): Promise<PlanOutcome> {
  if (user.role === 'clerk') throw new DomainError('not_found');
  const catalog = await ctx.catalog();
  requireOffice(user, q.office, catalog);
  const rec = await findPlanOutcome(ctx.db, ctx.orgId, q.id) as
    { office?: unknown; date?: unknown; relaned?: unknown; outcomes?: unknown } | undefined;
  if (!rec || typeof rec !== 'object' || rec.office !== q.office) throw new DomainError('not_found');
  const tz = catalog.config.organization.timezone;
  const now = ctx.now();
  const list = Array.isArray(rec.outcomes) ? rec.outcomes as { reference?: unknown; outcome?: unknown }[] : [];
  const items: OutcomeView[] = [];
  for (const item of list.slice(0, 500)) {
    if (typeof item?.reference !== 'string' || !OUTCOMES.includes(item.outcome as Outcome['outcome'])) continue;
    try {
      const row = await loadForStaff(ctx.db, ctx.orgId, user, catalog, item.reference);
      items.push({
        reference: formatReference(row.reference!), outcome: item.outcome as Outcome['outcome'],
        date: localDateOf(row.starts_at.getTime(), tz), time: localTimeOf(row.starts_at.getTime(), tz),
        name: row.contact_name, status: effectiveStatus(row, now),
      });
    } catch (e) {
      if (!isDomainError(e)) throw e; // gone meanwhile: not shown
    }
  }
  return {
    date: typeof rec.date === 'string' && isValidLocalDate(rec.date) ? rec.date : '',
    relaned: typeof rec.relaned === 'number' ? rec.relaned : 0,
    items,
  };
}
