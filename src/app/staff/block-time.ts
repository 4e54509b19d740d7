// Use case: an office lead or admin blocks time — fewer counters for a period
// (a colleague is ill): `counters` desks taken away on `from`..`to`, optionally
// only `fromTime`..`toTime` of each day. Through the configuration import (see
// plan-change.ts): appointments on a desk no longer staffed move to a free desk
// at the same time where they can; the rest are listed for staff to move,
// cancel with the reason, or keep as conflicts.
import { DomainError, type FieldErrors } from '../../domain/errors.ts';
import { addDays, compareDates, localDateOf, parseLocalTime, weekdayOf } from '../../domain/time.ts';
import type { Block, Locale, Office } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { requireOffice, type StaffUser } from './access.ts';
import { applyPlanChange, checkPeriod, previewPlanChange, type Choices, type Period, type PickTime, type PlanApplied, type PlanPreview } from './plan-change.ts';

const MAX_COUNTERS = 100;

export interface BlockTimeInput extends Period {
  office: string;
  counters: string;
  locale: Locale;
}

export type BlockTimeResult =
  | { applied: false; preview: PlanPreview & { /** the most counters the office has in the period, when the block takes away more */ counterCap?: number } }
  | { applied: true; result: PlanApplied };

/**
 * The most counters the office has at any time the block covers (hours rules and
 * extra hours on those days, overlapping the block's times). A block may take away
 * more — it is accepted and then closes the office for that time — but the preview
 * says so plainly.
 */
export function countersInPeriod(office: Office, block: Block): number {
  const [bFrom, bTo] = block.fromTime ? [parseLocalTime(block.fromTime), parseLocalTime(block.toTime!)] : [0, 24 * 60];
  const overlaps = (from: string, to: string) => parseLocalTime(from) < bTo && parseLocalTime(to) > bFrom;
  let max = 0;
  for (let d = block.from, i = 0; compareDates(d, block.to) <= 0 && i < 400; d = addDays(d, 1), i++) {
    const day = d;
    for (const h of office.hours) {
      if (!h.days.includes(weekdayOf(day)) || (h.validFrom && day < h.validFrom) || (h.validTo && day > h.validTo)) continue;
      if (overlaps(h.from, h.to)) max = Math.max(max, h.counters);
    }
    for (const x of office.extraHours) if (x.date === day && overlaps(x.from, x.to)) max = Math.max(max, x.counters);
  }
  return max;
}

export async function blockTime(
  ctx: AppContext, user: StaffUser, q: BlockTimeInput & ({ apply: false; pick?: PickTime } | { apply: true; choices: Choices }),
): Promise<BlockTimeResult> {
  if (user.role === 'clerk') throw new DomainError('not_found');
  const catalog = await ctx.catalog();
  requireOffice(user, q.office, catalog);
  const counters = /^\d{1,3}$/.test(q.counters.trim()) ? Number(q.counters.trim()) : NaN;
  const extra: FieldErrors = counters >= 1 && counters <= MAX_COUNTERS ? {} : { counters: { key: 'counters.invalid' } };
  const today = localDateOf(ctx.now(), catalog.config.organization.timezone);
  const block: Block = { ...checkPeriod(q, today, extra), counters };

  const config = structuredClone(catalog.config);
  const office = config.offices.find((o) => o.id === q.office)!;
  office.blocks = [...(office.blocks ?? []), block];
  if (!q.apply) {
    const preview = await previewPlanChange(ctx, { officeId: q.office, config, locale: q.locale, pick: q.pick });
    const cap = countersInPeriod(catalog.config.offices.find((o) => o.id === q.office)!, block);
    return { applied: false, preview: counters > cap ? { ...preview, counterCap: cap } : preview };
  }
  const result = await applyPlanChange(ctx, user, {
    officeId: q.office, config, choices: q.choices, reason: q.reason, locale: q.locale, record: { date: block.from },
    details: { change: 'block.add', from: block.from, to: block.to, fromTime: block.fromTime, toTime: block.toTime, counters },
  });
  return { applied: true, result };
}
