// The nearest bookable times around a wanted one, offered when it was taken.
import { nearestAlternatives } from '../domain/availability.ts';
import { addDays, localDateOf } from '../domain/time.ts';
import type { Channel, Office } from '../domain/types.ts';
import type { AppContext } from './context.ts';
import type { Catalog } from './catalog.ts';
import { loadEngineInput } from './engine-input.ts';
import { slotTime, type SlotTime } from './slot-time.ts';

const SEARCH_DAYS = 14;

export async function alternativesAround(
  ctx: AppContext,
  q: { catalog: Catalog; office: Office; durationMinutes: number; channel: Channel; around: number; now: number },
): Promise<SlotTime[]> {
  const tz = q.catalog.config.organization.timezone;
  const around = Math.max(q.around, q.now);
  const day = localDateOf(around, tz);
  const { input } = await loadEngineInput(ctx.db, {
    ...q,
    from: addDays(day, -SEARCH_DAYS),
    to: addDays(day, SEARCH_DAYS),
  });
  return nearestAlternatives(input, around, 5, SEARCH_DAYS).map((ms) => slotTime(ms, tz));
}
