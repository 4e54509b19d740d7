// Use case: an office lead or admin closes an office for whole days or part of
// each day (`from`..`to`, optionally `fromTime`..`toTime`). Through the
// configuration import (see plan-change.ts): a preview lists the upcoming
// appointments the closure hits, each with the nearest free time; applying
// carries out staff's choice for each — move, cancel with the reason as the
// message, or keep marked as a conflict. Never silently dropped.
import { DomainError } from '../../domain/errors.ts';
import { localDateOf } from '../../domain/time.ts';
import type { Locale } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { requireOffice, type StaffUser } from './access.ts';
import { applyPlanChange, checkPeriod, previewPlanChange, type Choices, type Period, type PickTime, type PlanApplied, type PlanPreview } from './plan-change.ts';

export interface CloseOfficeInput extends Period {
  office: string;
  locale: Locale;
}

export type CloseOfficeResult = { applied: false; preview: PlanPreview } | { applied: true; result: PlanApplied };

export async function closeOffice(
  ctx: AppContext, user: StaffUser, q: CloseOfficeInput & ({ apply: false; pick?: PickTime } | { apply: true; choices: Choices }),
): Promise<CloseOfficeResult> {
  if (user.role === 'clerk') throw new DomainError('not_found');
  const catalog = await ctx.catalog();
  requireOffice(user, q.office, catalog);
  const closure = checkPeriod(q, localDateOf(ctx.now(), catalog.config.organization.timezone));
  const config = structuredClone(catalog.config);
  const office = config.offices.find((o) => o.id === q.office)!;
  office.closures = [...office.closures, closure];
  if (!q.apply) return { applied: false, preview: await previewPlanChange(ctx, { officeId: q.office, config, locale: q.locale, pick: q.pick }) };
  const result = await applyPlanChange(ctx, user, {
    officeId: q.office, config, choices: q.choices, reason: q.reason, locale: q.locale, record: { date: closure.from },
    details: { change: 'closure.add', from: closure.from, to: closure.to, fromTime: closure.fromTime, toTime: closure.toTime },
  });
  return { applied: true, result };
}
