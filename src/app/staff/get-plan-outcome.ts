// Use case: what became of the appointments a plan change stranded, for the
// result page: each reference with the outcome the apply step reported and its
// current time and status as the database has them (only the user's offices).
import { isDomainError } from '../../domain/errors.ts';
import { localDateOf, localTimeOf } from '../../domain/time.ts';
import type { AppContext } from '../context.ts';
import { effectiveStatus } from '../appointment-view.ts';
import { formatReference } from '../tokens.ts';
import type { StaffUser } from './access.ts';
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

export async function getPlanOutcome(
  ctx: AppContext, user: StaffUser, q: { items: { reference: string; outcome: Outcome['outcome'] }[] },
): Promise<OutcomeView[]> {
  const catalog = await ctx.catalog();
  const tz = catalog.config.organization.timezone;
  const now = ctx.now();
  const out: OutcomeView[] = [];
  for (const item of q.items.slice(0, 500)) {
    try {
      const row = await loadForStaff(ctx.db, ctx.orgId, user, catalog, item.reference);
      out.push({
        reference: formatReference(row.reference!), outcome: item.outcome,
        date: localDateOf(row.starts_at.getTime(), tz), time: localTimeOf(row.starts_at.getTime(), tz),
        name: row.contact_name, status: effectiveStatus(row, now),
      });
    } catch (e) {
      if (!isDomainError(e)) throw e; // another office's or unknown: not shown
    }
  }
  return out;
}
