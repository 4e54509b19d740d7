// Use case: the upcoming closures and blocks of an office (those not yet over),
// for leads and admins, each with a key that names exactly that entry.
import { DomainError } from '../../domain/errors.ts';
import { localDateOf } from '../../domain/time.ts';
import type { Block, Closure, Locale } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { requireOffice, type StaffUser } from './access.ts';

export type PlanKind = 'closure' | 'block';

export interface PlanEntry {
  kind: PlanKind;
  /** position and fingerprint: a changed or moved entry no longer matches */
  key: string;
  from: string;
  to: string;
  fromTime?: string;
  toTime?: string;
  /** for blocks */
  counters?: number;
  reason?: string;
}

/** FNV-1a of the entry's fields in a fixed order (stored JSON may reorder keys), as 8 hex digits. */
function fingerprint(entry: Closure | Block): string {
  const fields = [entry.from, entry.to, entry.fromTime ?? null, entry.toTime ?? null, 'counters' in entry ? entry.counters : null,
    entry.reason?.de ?? null, entry.reason?.en ?? null];
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(fields)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function planKey(entry: Closure | Block, index: number): string {
  return `${index}-${fingerprint(entry)}`;
}

export function planEntry(kind: PlanKind, entry: Closure | Block, index: number, locale: Locale): PlanEntry {
  return {
    kind, key: planKey(entry, index), from: entry.from, to: entry.to,
    ...(entry.fromTime ? { fromTime: entry.fromTime, toTime: entry.toTime } : {}),
    ...('counters' in entry ? { counters: entry.counters } : {}),
    ...(entry.reason ? { reason: entry.reason[locale] } : {}),
  };
}

export async function listPlans(
  ctx: AppContext, user: StaffUser, q: { office: string; locale: Locale },
): Promise<{ office: { id: string; name: string }; closures: PlanEntry[]; blocks: PlanEntry[] }> {
  if (user.role === 'clerk') throw new DomainError('not_found');
  const catalog = await ctx.catalog();
  requireOffice(user, q.office, catalog);
  const office = catalog.offices.get(q.office)!;
  const today = localDateOf(ctx.now(), catalog.config.organization.timezone);
  const upcoming = (kind: PlanKind, list: (Closure | Block)[]) =>
    list.map((e, i) => ({ e, i })).filter(({ e }) => e.to >= today)
      .sort((a, b) => a.e.from.localeCompare(b.e.from) || (a.e.fromTime ?? '').localeCompare(b.e.fromTime ?? ''))
      .map(({ e, i }) => planEntry(kind, e, i, q.locale));
  return {
    office: { id: office.id, name: office.name },
    closures: upcoming('closure', office.closures),
    blocks: upcoming('block', office.blocks ?? []),
  };
}
