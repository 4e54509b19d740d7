// The nearest bookable times around a wanted one, offered when it was taken.
import { nearestAlternatives } from '../domain/availability.ts';
import { addDays, localDateOf, zonedInstant } from '../domain/time.ts';
import type { Channel, Office } from '../domain/types.ts';
import type { AppContext } from './context.ts';
import type { Catalog } from './catalog.ts';
import { loadEngineInput } from './engine-input.ts';
import { slotTime, type SlotTime } from './slot-time.ts';

const SEARCH_DAYS = 14;
/** Looked at first: most wanted times have five free neighbours within a couple of days. */
const NEAR_DAYS = 2;
const COUNT = 5;

export async function alternativesAround(
  ctx: AppContext,
  q: { catalog: Catalog; office: Office; durationMinutes: number; channel: Channel; around: number; now: number },
): Promise<SlotTime[]> {
  const tz = q.catalog.config.organization.timezone;
  const around = Math.max(q.around, q.now);
  const day = localDateOf(around, tz);
  const search = async (days: number) => {
    const from = addDays(day, -days);
    const to = addDays(day, days);
    const { input } = await loadEngineInput(ctx.db, { ...q, from, to });
    const found = nearestAlternatives(input, around, COUNT, days);
    // anything outside [from, to] is at least this far from `around`
    const reach = Math.min(around - zonedInstant(from, 0, tz), zonedInstant(addDays(to, 1), 0, tz) - around);
    return { found, exact: found.length === COUNT && Math.abs(found[COUNT - 1] - around) <= reach };
  };
  const near = await search(NEAR_DAYS);
  const result = near.exact ? near.found : (await search(SEARCH_DAYS)).found;
  return result.map((ms) => slotTime(ms, tz));
}
