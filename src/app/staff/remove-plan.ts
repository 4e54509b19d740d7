// Use case: a lead or admin removes an upcoming closure or block of an office
// (the times open again). Through the configuration import (audit entry, same
// transaction); appointments kept as conflicts that fit again lose their mark.
import { DomainError } from '../../domain/errors.ts';
import type { Locale } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from './access.ts';
import { listPlans, planKey, type PlanEntry, type PlanKind } from './list-plans.ts';
import { applyPlanChange } from './plan-change.ts';

/** The entry `key` names, or not_found (also when it changed or is over). */
export async function findPlan(ctx: AppContext, user: StaffUser, q: { office: string; kind: string; key: string; locale: Locale }): Promise<PlanEntry> {
  const plans = await listPlans(ctx, user, q);
  const list = q.kind === 'closure' ? plans.closures : q.kind === 'block' ? plans.blocks : [];
  const entry = list.find((e) => e.key === q.key);
  if (!entry) throw new DomainError('not_found');
  return entry;
}

export async function removePlan(
  ctx: AppContext, user: StaffUser, q: { office: string; kind: string; key: string; locale: Locale },
): Promise<PlanEntry> {
  const entry = await findPlan(ctx, user, q);
  const catalog = await ctx.catalog();
  const config = structuredClone(catalog.config);
  const office = config.offices.find((o) => o.id === q.office)!;
  const kind = q.kind as PlanKind;
  if (kind === 'closure') {
    const i = office.closures.findIndex((c, k) => planKey(c, k) === q.key);
    if (i < 0) throw new DomainError('not_found');
    office.closures.splice(i, 1);
  } else {
    const blocks = office.blocks ?? [];
    const i = blocks.findIndex((b, k) => planKey(b, k) === q.key);
    if (i < 0) throw new DomainError('not_found');
    blocks.splice(i, 1);
    if (blocks.length > 0) office.blocks = blocks;
    else delete office.blocks;
  }
  await applyPlanChange(ctx, user, {
    officeId: q.office, config, choices: new Map(), reason: '', locale: q.locale, clearResolved: true,
    details: { change: `${kind}.remove`, from: entry.from, to: entry.to, fromTime: entry.fromTime, toTime: entry.toTime, counters: entry.counters },
  });
  return entry;
}
