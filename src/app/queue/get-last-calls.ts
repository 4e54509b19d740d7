// Use case: the last calls of an office today, for a waiting-room display:
// public, so numbers and desks only (no names, concerns or references),
// newest first. Unknown offices are not_found. A display learns of new calls
// from the NOTIFY channel (QUEUE_CALL_CHANNEL) on PostgreSQL, or by asking again.
import { DomainError } from '../../domain/errors.ts';
import type { Desk } from '../../domain/types.ts';
import { lastCalls } from '../../db/repositories/queue-ticket-repo.ts';
import type { AppContext } from '../context.ts';
import { deskName, queueOfficeOf } from './queue-office.ts';

export interface PublicCalls {
  office: { id: string; name: string };
  day: string;
  calls: { number: string; desk: Desk | null; calledAt: string }[];
}

export async function getLastCalls(ctx: AppContext, q: { office: string; limit?: number }): Promise<PublicCalls> {
  const catalog = await ctx.catalog();
  const office = catalog.offices.get(q.office);
  if (!office) throw new DomainError('not_found');
  const qo = queueOfficeOf(catalog, office, ctx.now());
  const rows = await lastCalls(ctx.db, ctx.orgId, office.id, qo.day, Math.min(Math.max(1, q.limit ?? 10), 50));
  return {
    office: { id: office.id, name: office.name },
    day: qo.day,
    calls: rows.map((c) => ({ number: c.number, desk: c.desk ? { id: c.desk, name: deskName(qo.rules, c.desk) } : null, calledAt: c.called_at!.toISOString() })),
  };
}
