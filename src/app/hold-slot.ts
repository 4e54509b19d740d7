// Use case: hold a time for a few minutes while the citizen fills in the form.
// A hold occupies a lane like an appointment; once expired it is free again.
import { DomainError } from '../domain/errors.ts';
import { parseRfc3339, toRfc3339 } from '../domain/time.ts';
import type { Channel, ServiceRequest } from '../domain/types.ts';
import { withRetry } from '../db/retry.ts';
import { shareConfigLock } from '../db/repositories/organization-repo.ts';
import type { Catalog } from './catalog.ts';
import { withFreshCatalog } from './fresh-config.ts';
import { alternativesAround } from './alternatives.ts';
import type { AppContext } from './context.ts';
import { occupyFreeLane } from './occupy-lane.ts';
import { checkOfficeSelection } from './resolve-selection.ts';

/** A hold's end, on a whole second. */
export function holdExpiry(now: number, holdMinutes: number): number {
  return Math.floor(now / 1000) * 1000 + holdMinutes * 60_000;
}

export interface HoldResult {
  holdId: string;
  expiresAt: string;
}

export async function holdSlot(
  ctx: AppContext,
  q: { office?: string; services: ServiceRequest[]; startsAt?: string; channel?: Channel },
): Promise<HoldResult> {
  return withFreshCatalog(ctx, (catalog) => hold(ctx, catalog, q));
}

async function hold(
  ctx: AppContext,
  catalog: Catalog,
  q: { office?: string; services: ServiceRequest[]; startsAt?: string; channel?: Channel },
): Promise<HoldResult> {
  const now = ctx.now();
  const channel = q.channel ?? 'online';
  const sel = checkOfficeSelection(catalog, q.office, q.services);
  const start = q.startsAt === undefined ? null : parseRfc3339(q.startsAt);
  const fields = sel.ok ? {} : { ...sel.fields };
  if (start === null) Object.assign(fields, { startsAt: { key: q.startsAt === undefined ? 'startsAt.required' : 'startsAt.invalid' } });
  if (!sel.ok || start === null) throw new DomainError('validation', { fields });
  const { office, requests, durationMinutes } = sel.value;
  const expiresAt = holdExpiry(now, office.booking.holdMinutes);

  const held = await withRetry(() =>
    ctx.db.transaction().execute(async (tx) => {
      const nowDate = new Date(now);
      await shareConfigLock(tx, ctx.orgId);
      return occupyFreeLane(tx, {
        catalog, office, start, durationMinutes, channel, now,
        row: () => ({
          status: 'held',
          expires_at: new Date(expiresAt),
          services: JSON.stringify(requests.map((r) => ({ id: r.id, quantity: r.quantity }))),
          created_at: nowDate,
          updated_at: nowDate,
        }),
      });
    }),
  );
  ctx.forgetAvailability();
  if (held === null) {
    const alternatives = await alternativesAround(ctx, { catalog, office, durationMinutes, channel, around: start, now });
    throw new DomainError('slot_unavailable', { alternatives });
  }
  return { holdId: held.id, expiresAt: toRfc3339(expiresAt, catalog.config.organization.timezone) };
}
