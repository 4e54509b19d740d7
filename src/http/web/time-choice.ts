// Builds the month calendar and a day's times for an office and concerns:
// shared by step 2 of the booking and by moving an appointment.
import type { AppContext } from '../../app/context.ts';
import { getAvailability } from '../../app/get-availability.ts';
import { getDayTimes } from '../../app/get-day-times.ts';
import type { MovingAppointment } from '../../app/engine-input.ts';
import { addDays, compareDates, isValidLocalDate, localDateOf } from '../../domain/time.ts';
import type { ServiceRequest } from '../../domain/types.ts';
import { monthRange, shiftMonth, type CalendarDay } from '../views/calendar.tsx';
import type { TimeChoice } from '../views/pages/time-page.tsx';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** What the caller decides of the page: its form targets, labels, hidden fields, errors and alternatives. */
type PagePart = Pick<TimeChoice, 'action' | 'earliestAction' | 'hidden' | 'submitLabel' | 'earliestLabel' | 'errors' | 'alternatives'>;

export async function buildTimeChoice(
  ctx: AppContext,
  q: PagePart & {
    office: string;
    services: ServiceRequest[];
    query: Record<string, unknown>;
    /** path (and query, e.g. the token) the calendar links extend with monat/tag */
    base: string;
    /** the month to show when none is asked for (e.g. the held time's) */
    preferMonth?: string;
    selected?: string;
    /** moving an appointment: its own time counts as free around it */
    except?: MovingAppointment;
  },
): Promise<TimeChoice> {
  const catalog = await ctx.catalog();
  const office = catalog.offices.get(q.office)!;
  const tz = catalog.config.organization.timezone;
  const today = localDateOf(ctx.now(), tz);
  const firstMonth = today.slice(0, 7);
  const lastMonth = addDays(today, office.booking.horizonDays).slice(0, 7);
  const inRange = (m: string) => MONTH.test(m) && m >= firstMonth && m <= lastMonth;

  const dayParam = typeof q.query.tag === 'string' && isValidLocalDate(q.query.tag) ? q.query.tag : undefined;
  const monthParam = typeof q.query.monat === 'string' ? q.query.monat : undefined;
  let month = monthParam && inRange(monthParam) ? monthParam : dayParam && inRange(dayParam.slice(0, 7)) ? dayParam.slice(0, 7) : undefined;
  const explicit = month !== undefined;
  month ??= q.preferMonth && inRange(q.preferMonth) ? q.preferMonth : firstMonth;

  const load = (m: string) => getAvailability(ctx, { office: q.office, services: q.services, ...monthRange(m), except: q.except });
  let availability = await load(month);
  if (!explicit && !q.preferMonth && availability.earliest && availability.earliest.date.slice(0, 7) !== month) {
    const m = availability.earliest.date.slice(0, 7);
    if (inRange(m)) {
      month = m;
      availability = await load(month);
    }
  }
  const days: CalendarDay[] = availability.days.map((d) => ({
    date: d.date,
    state: compareDates(d.date, today) < 0 ? 'past' : d.status,
    freeTimes: d.freeTimes,
  }));
  const day = dayParam && dayParam.slice(0, 7) === month ? dayParam : undefined;
  const times = day ? (await getDayTimes(ctx, { office: q.office, services: q.services, date: day, except: q.except })).times : null;
  const sep = q.base.includes('?') ? '&' : '?';
  return {
    calendar: {
      month,
      days,
      selected: day,
      href: (m, d) => `${q.base}${sep}monat=${m}${d ? `&tag=${d}#zeiten` : '#kalender'}`,
      prevMonth: month > firstMonth ? shiftMonth(month, -1) : null,
      nextMonth: month < lastMonth ? shiftMonth(month, 1) : null,
    },
    day: day && times ? { date: day, times } : null,
    earliest: availability.earliest,
    durationMinutes: availability.durationMinutes,
    action: q.action,
    earliestAction: q.earliestAction,
    hidden: q.hidden,
    submitLabel: q.submitLabel,
    earliestLabel: q.earliestLabel,
    errors: q.errors,
    alternatives: q.alternatives,
  };
}
