// Use case: what became of the appointments a plan change stranded, for the
// result page. The outcomes come from the server's record of the apply step (the
// `plan.outcome` audit entry, by id, of the user's office) — never from the
// page's address — each with the appointment's current time and status as the
// database has them.
import { DomainError, isDomainError } from '../../domain/errors.ts';
import { isValidLocalDate, localDateOf, localTimeOf, parseRfc3339 } from '../../domain/time.ts';
import { findPlanOutcome } from '../../db/repositories/plan-outcome-repo.ts';
import { callHistories } from '../../db/repositories/appointment-history-repo.ts';
import type { AppContext } from '../context.ts';
import { effectiveStatus } from '../appointment-view.ts';
import { formatReference } from '../tokens.ts';
import { requireOffice, type StaffUser } from './access.ts';
import { loadForStaff } from './get-staff-appointment.ts';
import { callStatusOfRows, type CallStatus } from './call-status.ts';
import type { Outcome } from './plan-change.ts';

export interface OutcomeView {
  reference: string;
  outcome: Outcome['outcome'];
  date: string;
  time: string;
  name: string | null;
  status: string;
  /** how to reach the citizen: a moved or cancelled appointment without e-mail goes on the call list */
  email: string | null;
  phone: string | null;
  /** a moved appointment's time before the move, if recorded */
  from: { date: string; time: string } | null;
  /** moved to (or, when `gone`, meant for) a time staff picked in the calendar rather than the suggested one */
  picked?: boolean;
  /** on the call list (moved or cancelled, no e-mail address): the last call about the change, from the history */
  call: CallStatus | null;
}

/** Moved or cancelled without an e-mail address: the citizen must be phoned. */
export const onCallList = (i: Pick<OutcomeView, 'outcome' | 'email'>): boolean =>
  (i.outcome === 'moved' || i.outcome === 'cancelled') && !i.email;

export interface PlanOutcome {
  /** the first day of the closure or block */
  date: string;
  relaned: number;
  /** the reason given for the closure or block ('' in records from before it was kept) */
  reason: string;
  items: OutcomeView[];
  /** the organization's time zone */
  timezone: string;
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
  const list = Array.isArray(rec.outcomes) ? rec.outcomes as { reference?: unknown; outcome?: unknown; from?: unknown; picked?: unknown }[] : [];
  const items: OutcomeView[] = [];
  const ids = new Map<OutcomeView, string>();
  for (const item of list.slice(0, 500)) {
    if (typeof item?.reference !== 'string' || !OUTCOMES.includes(item.outcome as Outcome['outcome'])) continue;
    try {
      const row = await loadForStaff(ctx.db, ctx.orgId, user, catalog, item.reference);
      const view: OutcomeView = {
        reference: formatReference(row.reference!), outcome: item.outcome as Outcome['outcome'],
        date: localDateOf(row.starts_at.getTime(), tz), time: localTimeOf(row.starts_at.getTime(), tz),
        name: row.contact_name, status: effectiveStatus(row, now),
        email: row.contact_email, phone: row.contact_phone, from: localTimes(item.from, tz), call: null, picked: item.picked === true,
      };
      items.push(view);
      ids.set(view, row.id);
    } catch (e) {
      if (!isDomainError(e)) throw e; // gone meanwhile: not shown
    }
  }
  // who on the call list is reached already: one read of their moves, cancellations and calls
  const calling = items.filter(onCallList);
  const rows = await callHistories(ctx.db, ctx.orgId, calling.map((i) => ids.get(i)!));
  for (const i of calling) i.call = callStatusOfRows(rows.filter((r) => r.appointmentId === ids.get(i)), false);
  return {
    date: typeof rec.date === 'string' && isValidLocalDate(rec.date) ? rec.date : '',
    relaned: typeof rec.relaned === 'number' ? rec.relaned : 0,
    reason: typeof (rec as { reason?: unknown }).reason === 'string' ? (rec as { reason: string }).reason : '',
    items,
    timezone: tz,
  };
}

/** Local date and time of a recorded RFC 3339 start; null when absent or malformed. */
function localTimes(startsAt: unknown, tz: string): { date: string; time: string } | null {
  const ms = typeof startsAt === 'string' ? parseRfc3339(startsAt) : null;
  return ms === null ? null : { date: localDateOf(ms, tz), time: localTimeOf(ms, tz) };
}
