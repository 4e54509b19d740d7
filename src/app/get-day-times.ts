// Use case: the bookable start times of one day.
import { dayTimes } from '../domain/availability.ts';
import { DomainError } from '../domain/errors.ts';
import { isValidLocalDate } from '../domain/time.ts';
import type { Channel, ServiceRequest } from '../domain/types.ts';
import type { AppContext } from './context.ts';
import { loadEngineInput, type MovingAppointment } from './engine-input.ts';
import { checkOfficeSelection } from './resolve-selection.ts';
import { slotTime } from './slot-time.ts';

export interface DayTimesView {
  date: string;
  durationMinutes: number;
  times: { time: string; startsAt: string }[];
}

export async function getDayTimes(
  ctx: AppContext,
  q: { office?: string; services: ServiceRequest[]; date: string; channel?: Channel; except?: MovingAppointment },
): Promise<DayTimesView> {
  const catalog = await ctx.catalog();
  const sel = checkOfficeSelection(catalog, q.office, q.services);
  const fields = sel.ok ? {} : { ...sel.fields };
  if (!isValidLocalDate(q.date)) Object.assign(fields, { date: { key: 'date.invalid' } });
  if (!sel.ok || Object.keys(fields).length > 0) throw new DomainError('validation', { fields });
  const { office, durationMinutes } = sel.value;
  const now = ctx.now();
  const tz = catalog.config.organization.timezone;
  const channel = q.channel ?? 'online';
  const key = `daytimes|${office.id}|${durationMinutes}|${channel}|${q.date}|${Math.floor(now / 60_000)}|${q.except?.id ?? ''}`;
  return ctx.memo(key, async () => {
    const { input } = await loadEngineInput(ctx.db, {
      catalog, office, durationMinutes, channel, now, from: q.date, to: q.date, excludeIds: q.except && [q.except.id],
    });
    const times = dayTimes(input, q.date).filter((ms) => ms !== q.except?.start).map((ms) => {
      const t = slotTime(ms, tz);
      return { time: t.time, startsAt: t.startsAt };
    });
    return { date: q.date, durationMinutes, times };
  });
}
