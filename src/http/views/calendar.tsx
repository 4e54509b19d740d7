// The month calendar (a real table: weekdays as column headers) and the list
// of a day's times. Every day says its state in words as well as colour;
// bookable days are links that list their times. Used by the booking (step 2)
// and by the manage page to move an appointment.
import type { DayStatus } from '../../domain/availability.ts';
import { addDays, weekdayOf } from '../../domain/time.ts';
import { WEEKDAYS } from '../../domain/types.ts';
import { Button, Fieldset, Form, Radio, SelectField } from './components.tsx';
import { formatDate, formatMonth } from './format.ts';
import type { Texts } from './texts.ts';

export type DayState = DayStatus | 'past';

export interface CalendarDay {
  date: string;
  state: DayState;
  freeTimes: number;
}

export interface MonthCalendarProps {
  t: Texts;
  /** `YYYY-MM` */
  month: string;
  days: CalendarDay[];
  selected?: string;
  /** link to a month or a day: (month, day?) -> href */
  href: (month: string, day?: string) => string;
  prevMonth: string | null;
  nextMonth: string | null;
}

export function MonthCalendar(props: MonthCalendarProps) {
  const { t, days } = props;
  const first = days[0]?.date ?? `${props.month}-01`;
  const lead = WEEKDAYS.indexOf(weekdayOf(first));
  const cells: (CalendarDay | null)[] = [...Array.from({ length: lead }, () => null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const monthName = formatMonth(props.month, t);
  const states: DayState[] = ['available', 'full', 'closed', 'too_soon', 'not_yet_bookable'];
  return (
    <div class="az-calendar" id="kalender">
      <div class="az-calendar__nav">
        {props.prevMonth ? (
          <a class="kern-link az-calendar__prev" href={props.href(props.prevMonth)}>
            <span aria-hidden="true">‹ </span>{t.calendar.prev}<span class="kern-sr-only">: {formatMonth(props.prevMonth, t)}</span>
          </a>
        ) : <span />}
        <h2 class="kern-heading-small az-calendar__month" id="monat">{monthName}</h2>
        {props.nextMonth ? (
          <a class="kern-link az-calendar__next" href={props.href(props.nextMonth)}>
            {t.calendar.next}<span class="kern-sr-only">: {formatMonth(props.nextMonth, t)}</span><span aria-hidden="true"> ›</span>
          </a>
        ) : <span />}
      </div>
      <table class="kern-table az-month">
        <caption class="kern-sr-only">{t.calendar.caption(monthName)}</caption>
        <thead>
          <tr class="kern-table__row">
            {WEEKDAYS.map((d, i) => (
              <th class="kern-table__header" scope="col">
                <abbr title={t.weekdays[d]}>{t.weekdaysShort[i]}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {weeks.map((week) => (
            <tr class="kern-table__row">
              {week.map((d) => (d ? <DayCell t={t} day={d} selected={d.date === props.selected} href={props.href} month={props.month} /> : <td class="kern-table__cell az-day az-day--empty"></td>))}
            </tr>
          ))}
        </tbody>
      </table>
      <h3 class="kern-body kern-body--bold az-legend__title">{t.calendar.legend}</h3>
      <dl class="az-legend">
        {states.map((s) => (
          <div class={`az-legend__item az-day--${s}`}>
            <dt class="az-legend__key">{t.calendar.short[s]}</dt>
            <dd class="az-legend__value">{t.calendar.status[s]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function DayCell(props: { t: Texts; day: CalendarDay; selected: boolean; href: MonthCalendarProps['href']; month: string }) {
  const { t, day } = props;
  const num = Number(day.date.slice(8, 10));
  const long = day.state === 'available' ? `${t.calendar.status.available}, ${t.calendar.freeTimes(day.freeTimes)}` : t.calendar.status[day.state];
  const content = (
    <>
      <span class="az-day__num">{num}</span>
      <span class="az-day__short" aria-hidden="true">{t.calendar.short[day.state]}</span>
      <span class="az-day__long">{long}</span>
    </>
  );
  return (
    <td class={`kern-table__cell az-day az-day--${day.state}${props.selected ? ' az-day--selected' : ''}`}>
      {day.state === 'available' ? (
        <a class="az-day__link" href={props.href(props.month, day.date)} aria-current={props.selected ? 'date' : undefined}>
          {content}
        </a>
      ) : (
        <span class="az-day__box">{content}</span>
      )}
    </td>
  );
}

/** The times of one day as radio buttons, posting `startsAt`. */
export function DayTimes(props: {
  t: Texts;
  date: string;
  times: { time: string; startsAt: string }[];
  action: string;
  csrf: string;
  hidden?: Record<string, string>;
  submitLabel: string;
  error?: string;
  selected?: string;
}) {
  const { t } = props;
  const day = formatDate(props.date, t);
  return (
    <section class="az-times" aria-labelledby="zeiten-titel" id="zeiten">
      <h2 class="kern-heading-small" id="zeiten-titel" tabindex={-1}>{t.calendar.timesHeading(day)}</h2>
      {props.times.length === 0 ? (
        <p class="kern-body">{t.calendar.noTimes}</p>
      ) : (
        <Form action={props.action} csrf={props.csrf} id="zeit-form">
          {Object.entries(props.hidden ?? {}).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
          <input type="hidden" name="date" value={props.date} />
          <div class="az-time-select">
            <SelectField
              id="zeit-auswahl"
              name="startsAtList"
              label={t.calendar.timesSelect}
              error={props.error}
              value={props.selected ?? ''}
              options={[{ value: '', label: t.calendar.timesPlaceholder }, ...props.times.map((x) => ({ value: x.startsAt, label: t.common.clock(x.time) }))]}
            />
          </div>
          <Fieldset legend={t.calendar.timesSelect} id="zeit" error={props.error} legendClass="kern-label az-time-list__legend">
            <div class="az-time-grid">
              {props.times.map((x, i) => (
                <Radio id={i === 0 ? 'zeit-0' : `zeit-${i}`} name="startsAt" value={x.startsAt} checked={x.startsAt === props.selected} label={t.common.clock(x.time)} error={!!props.error} />
              ))}
            </div>
          </Fieldset>
          <Button label={props.submitLabel} />
        </Form>
      )}
    </section>
  );
}

/** First and last day of a month `YYYY-MM`. */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  let to = from;
  while (addDays(to, 1).slice(0, 7) === month) to = addDays(to, 1);
  return { from, to };
}

export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const idx = y * 12 + (m - 1) + n;
  return `${String(Math.floor(idx / 12)).padStart(4, '0')}-${String((idx % 12) + 1).padStart(2, '0')}`;
}
