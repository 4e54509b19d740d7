// Use case: an office lead or admin blocks time — fewer counters for a period
// (a colleague is ill): `counters` desks taken away on `from`..`to`, optionally
// only `fromTime`..`toTime` of each day. Through the configuration import (see
// plan-change.ts): appointments on a desk no longer staffed move to a free desk
// at the same time where they can; the rest are listed for staff to move,
// cancel with the reason, or keep as conflicts.
import { DomainError, type FieldErrors } from '../../domain/errors.ts';
import type { Block, Locale } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { requireOffice, type StaffUser } from './access.ts';
import { applyPlanChange, checkPeriod, previewPlanChange, type Choices, type Period, type PlanApplied, type PlanPreview } from './plan-change.ts';

const MAX_COUNTERS = 100;

export interface BlockTimeInput extends Period {
  office: string;
  counters: string;
  locale: Locale;
}

export type BlockTimeResult = { applied: false; preview: PlanPreview } | { applied: true; result: PlanApplied };

export async function blockTime(
  ctx: AppContext, user: StaffUser, q: BlockTimeInput & ({ apply: false } | { apply: true; choices: Choices }),
): Promise<BlockTimeResult> {
  if (user.role === 'clerk') throw new DomainError('not_found');
  const catalog = await ctx.catalog();
  requireOffice(user, q.office, catalog);
  const counters = /^\d{1,3}$/.test(q.counters.trim()) ? Number(q.counters.trim()) : NaN;
  const extra: FieldErrors = counters >= 1 && counters <= MAX_COUNTERS ? {} : { counters: { key: 'counters.invalid' } };
  const block: Block = { ...checkPeriod(q, extra), counters };

  const config = structuredClone(catalog.config);
  const office = config.offices.find((o) => o.id === q.office)!;
  office.blocks = [...(office.blocks ?? []), block];
  if (!q.apply) return { applied: false, preview: await previewPlanChange(ctx, { officeId: q.office, config, locale: q.locale }) };
  const result = await applyPlanChange(ctx, user, {
    officeId: q.office, config, choices: q.choices, reason: q.reason, locale: q.locale,
    details: { change: 'block.add', from: block.from, to: block.to, fromTime: block.fromTime, toTime: block.toTime, counters },
  });
  return { applied: true, result };
}
