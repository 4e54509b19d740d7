// Use case: an office lead or admin closes an office for whole days or part of
// each day (`from`..`to`, optionally `fromTime`..`toTime`). Goes through the
// configuration import (the same checks, the audit log): a preview lists the
// upcoming appointments the closure hits; applying keeps them, marked as
// conflicts for staff to move, or cancels them all with the reason as the
// message. Never silently dropped.
import { DomainError, type FieldErrors } from '../../domain/errors.ts';
import { compareDates, isValidLocalDate, isValidLocalTime, parseLocalTime } from '../../domain/time.ts';
import type { Closure, Locale } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { importConfig } from '../import-config.ts';
import { formatReference } from '../tokens.ts';
import { requireOffice, type StaffUser } from './access.ts';
import { cancelOnBehalf } from './cancel-on-behalf.ts';

export interface CloseOfficeInput {
  office: string;
  from: string;
  to: string;
  fromTime?: string;
  toTime?: string;
  reason: string;
  apply: boolean;
  /** when applying: cancel every affected appointment, telling the citizen the reason */
  cancelAffected?: boolean;
  locale: Locale;
}

export interface CloseOfficeResult {
  applied: boolean;
  /** references of the upcoming appointments inside the closure */
  affected: string[];
  cancelled: string[];
}

export async function closeOffice(ctx: AppContext, user: StaffUser, q: CloseOfficeInput): Promise<CloseOfficeResult> {
  if (user.role === 'clerk') throw new DomainError('not_found');
  const catalog = await ctx.catalog();
  requireOffice(user, q.office, catalog);
  const fields: FieldErrors = {};
  if (!isValidLocalDate(q.from)) fields.from = { key: 'date.invalid' };
  if (!isValidLocalDate(q.to) || (isValidLocalDate(q.from) && compareDates(q.from, q.to) > 0)) fields.to = { key: 'date.invalid' };
  const partial = Boolean(q.fromTime || q.toTime);
  if (partial && (!isValidLocalTime(q.fromTime ?? '') || !isValidLocalTime(q.toTime ?? '') || parseLocalTime(q.fromTime!) >= parseLocalTime(q.toTime!))) {
    fields.toTime = { key: 'time.invalid' };
  }
  const reason = q.reason.trim();
  if (reason.length === 0 || reason.length > 300) fields.reason = { key: 'reason.required' };
  if (Object.keys(fields).length > 0) throw new DomainError('validation', { fields });

  const closure: Closure = {
    from: q.from, to: q.to, ...(partial ? { fromTime: q.fromTime, toTime: q.toTime } : {}), reason: { de: reason, en: reason },
  };
  const config = structuredClone(catalog.config);
  const office = config.offices.find((o) => o.id === q.office)!;
  office.closures = [...office.closures, closure];

  const now = ctx.now();
  const before = await importConfig(ctx.db, { orgId: ctx.orgId, config: catalog.config, now, dryRun: true });
  const known = new Set(before.conflicts.map((c) => c.appointment.reference));
  const preview = await importConfig(ctx.db, { orgId: ctx.orgId, config, now, dryRun: true });
  const affected = preview.conflicts
    .filter((c) => c.appointment.officeId === q.office && !known.has(c.appointment.reference))
    .map((c) => formatReference(c.appointment.reference));
  if (!q.apply) return { applied: false, affected, cancelled: [] };

  const done = await importConfig(ctx.db, { orgId: ctx.orgId, config, now, keepConflicts: true, actor: `staff:${user.email}` });
  ctx.invalidateCatalog();
  ctx.forgetAvailability();
  const cancelled: string[] = [];
  if (done.applied && q.cancelAffected) {
    for (const reference of affected) {
      await cancelOnBehalf(ctx, user, { reference, reason, locale: q.locale });
      cancelled.push(reference);
    }
  }
  return { applied: done.applied, affected, cancelled };
}
