// Use case: the day overview of an office for some concerns (the month calendar).
import { daysOverview, type DayStatus } from '../domain/availability.ts';
import { DomainError, type FieldErrors } from '../domain/errors.ts';
import { addDays, compareDates, isValidLocalDate, localDateOf } from '../domain/time.ts';
import type { Channel, ServiceRequest } from '../domain/types.ts';
import type { MovingAppointment } from './engine-input.ts';
import type { AppContext } from './context.ts';
import { earliestStart } from './earliest-start.ts';
import { loadEngineInput } from './engine-input.ts';
import { checkOfficeSelection } from './resolve-selection.ts';
import { slotTime, type SlotTime } from './slot-time.ts';

export const MAX_RANGE_DAYS = 62;

export interface AvailabilityView {
  office: string;
  durationMinutes: number;
  earliest: SlotTime | null;
  days: { date: string; status: DayStatus; freeTimes: number }[];
}

export async function getAvailability(
  ctx: AppContext,
  q: {
    office?: string; services: ServiceRequest[]; from?: string; to?: string; channel?: Channel;
    /** an appointment being moved: its own time does not count as taken */
    except?: MovingAppointment;
  },
): Promise<AvailabilityView> {
  const catalog = await ctx.catalog();
  const now = ctx.now();
  const tz = catalog.config.organization.timezone;
  const channel = q.channel ?? 'online';
  const fields: FieldErrors = {};
  const sel = checkOfficeSelection(catalog, q.office, q.services);
  if (!sel.ok) Object.assign(fields, sel.fields);
  const from = q.from ?? localDateOf(now, tz);
  if (!isValidLocalDate(from)) fields.from = { key: 'date.invalid' };
  const to = q.to ?? (isValidLocalDate(from) ? addDays(from, 30) : from);
  if (!isValidLocalDate(to)) fields.to = { key: 'date.invalid' };
  else if (!fields.from && compareDates(to, from) < 0) fields.to = { key: 'range.reversed' };
  else if (!fields.from && compareDates(to, addDays(from, MAX_RANGE_DAYS - 1)) > 0)
    fields.to = { key: 'range.too_long', params: { max: MAX_RANGE_DAYS } };
  if (!sel.ok || Object.keys(fields).length > 0) throw new DomainError('validation', { fields });

  const { office, durationMinutes } = sel.value;
  const key = `availability|${office.id}|${durationMinutes}|${channel}|${from}|${to}|${Math.floor(now / 60_000)}|${q.except?.id ?? ''}`;
  return ctx.memo(key, async () => {
  const range = await loadEngineInput(ctx.db, { catalog, office, durationMinutes, channel, now, from, to, excludeIds: q.except && [q.except.id] });
  const days = daysOverview(range.input, from, to).map((d) => ({ date: d.date, status: d.status, freeTimes: d.freeTimes }));
  const first = await earliestStart(ctx, { catalog, office, durationMinutes, channel, now, preloaded: q.except ? undefined : range });
  return { office: office.id, durationMinutes, earliest: first === null ? null : slotTime(first, tz), days };
  });
}
