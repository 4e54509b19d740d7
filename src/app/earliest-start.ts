// Searches the booking window for the first bookable start, a few weeks of
// bookings at a time, so a busy office is not read whole for one answer.
import type { Channel, LocalDate, Office } from '../domain/types.ts';
import { bookingWindow } from '../domain/booking-window.ts';
import { findEarliest } from '../domain/availability.ts';
import { addDays, compareDates } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import type { Catalog } from './catalog.ts';
import { loadEngineInput, type LoadedRange } from './engine-input.ts';

const CHUNK_DAYS = 14;

export async function earliestStart(
  ctx: AppContext,
  q: { catalog: Catalog; office: Office; durationMinutes: number; channel: Channel; now: number; preloaded?: LoadedRange },
): Promise<number | null> {
  const key = `earliest|${q.office.id}|${q.durationMinutes}|${q.channel}|${Math.floor(q.now / 60_000)}`;
  return ctx.memo(key, () => search(ctx, q));
}

async function search(
  ctx: AppContext,
  q: { catalog: Catalog; office: Office; durationMinutes: number; channel: Channel; now: number; preloaded?: LoadedRange },
): Promise<number | null> {
  const tz = q.catalog.config.organization.timezone;
  const bw = bookingWindow(q.office.booking, tz, q.now, q.channel);
  let from: LocalDate = bw.today;
  while (compareDates(from, bw.lastDate) <= 0) {
    const pre = q.preloaded;
    let range: LoadedRange;
    let to: LocalDate;
    if (pre && compareDates(pre.from, from) <= 0 && compareDates(pre.to, from) >= 0) {
      range = pre; // what the caller already read serves as far as it reaches
      to = compareDates(pre.to, bw.lastDate) < 0 ? pre.to : bw.lastDate;
    } else {
      to = addDays(from, CHUNK_DAYS - 1);
      if (compareDates(to, bw.lastDate) > 0) to = bw.lastDate;
      range = await loadEngineInput(ctx.db, { ...q, from, to });
    }
    const found = findEarliest(range.input, from, to);
    if (found !== null) return found;
    from = addDays(to, 1);
  }
  return null;
}
