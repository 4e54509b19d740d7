// The time search staff use when booking for a caller and when moving an
// appointment: a day field (22.12.2026 or a picker's 2026-12-22) and a part
// of the day inside the search form, and, under it, the month calendar of
// the citizen pages (with the staff's capacity) whose days link to their
// times. Works without script: every choice is a GET link or form.
import type { StaffMonth } from '../../../app/staff/staff-time-search.ts';
import type { PartOfDay } from '../../../domain/date-input.ts';
import type { Child } from 'hono/jsx';
import type { TimeSearchResult } from '../../../app/staff/staff-time-search.ts';
import { MonthCalendar, shiftMonth } from '../calendar.tsx';
import { Alert, SelectField, TextField } from '../components.tsx';
import { formatDate } from '../format.ts';
import { texts } from '../texts.ts';
import type { StaffFrame } from './staff-layout.tsx';

export interface StaffTimeQuery {
  /** the day as typed, shown again in the field */
  day?: string;
  part: PartOfDay;
}

/** The day and part-of-day fields, for inside a GET form. */
export function TimeSearchFields(props: { frame: StaffFrame; query: StaffTimeQuery; error?: string }) {
  const { t } = props.frame;
  return (
    <>
      <TextField id="tag" name="tag" label={t.bookPage.day} optional={t.bookPage.optional} hint={t.bookPage.dayHint}
        value={props.query.day} error={props.error} autocomplete="off" inputmode="numeric" />
      <SelectField id="tageszeit" name="tageszeit" label={t.bookPage.part} value={props.query.part} options={[
        { value: 'all', label: t.bookPage.partAll },
        { value: 'morning', label: t.bookPage.partMorning },
        { value: 'afternoon', label: t.bookPage.partAfternoon },
      ]} />
    </>
  );
}

/**
 * The month around the chosen day; `link(params)` makes the address of this
 * page with the search kept and `tag` or `monat` set.
 */
export function StaffMonthCalendar(props: {
  frame: StaffFrame; month: StaffMonth; selected: string | null; link: (params: { tag?: string; monat?: string }) => string;
}) {
  const t = texts(props.frame.locale);
  return (
    <MonthCalendar
      t={t}
      month={props.month.month}
      days={props.month.days.map((d) => ({ date: d.date, state: d.status, freeTimes: d.freeTimes }))}
      selected={props.selected ?? undefined}
      href={(month, day) => props.link(day ? { tag: day } : { monat: month })}
      prevMonth={shiftMonth(props.month.month, -1)}
      nextMonth={shiftMonth(props.month.month, 1)}
    />
  );
}

/** "Free times on Tuesday, 22 December 2026" or "Nearest free times". */
export function timesHeading(frame: StaffFrame, date: string | null): string {
  return date ? frame.t.bookPage.timesOn(formatDate(date, texts(frame.locale))) : frame.t.bookPage.times;
}

/** A time as a radio label: "Di., 22.12." is not enough on the phone: weekday, date in words and time. */
export function timeLabel(frame: StaffFrame, s: { date: string; time: string }, withDate: boolean): string {
  const t = texts(frame.locale);
  return withDate ? `${formatDate(s.date, t)}, ${t.common.clock(s.time)}` : t.common.clock(s.time);
}

/**
 * The day search (a GET form to `action`, with `carry` as its hidden fields) and,
 * under it, the times' heading, "earliest", a note when nothing is free and the
 * month calendar: the part of the move page and a stranded citizen's calendar step
 * before their list of times.
 */
export function TimeSearchSection(props: {
  frame: StaffFrame; action: string; carry?: Child; query: StaffTimeQuery; dayError?: string; found: TimeSearchResult;
  link: (params: { tag?: string; monat?: string }) => string;
}) {
  const { t } = props.frame;
  const { found } = props;
  return (
    <>
      <form method="get" action={`${props.action}#zeiten`}>
        {props.carry}
        <TimeSearchFields frame={props.frame} query={props.query} error={props.dayError} />
        <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t.bookPage.findTimes}</span></button>
      </form>
      <section id="zeiten" aria-labelledby="zeiten-titel">
        <h2 class="kern-heading-medium" id="zeiten-titel" tabindex={-1}>{timesHeading(props.frame, found.date)}</h2>
        {found.date ? <p class="kern-body"><a class="kern-link" href={props.link({})}>{t.bookPage.earliest}</a></p> : null}
        {found.times.length === 0 ? <Alert kind="warning" title={found.date ? t.bookPage.noneOnDay : t.bookPage.none} role="status" /> : null}
        <StaffMonthCalendar frame={props.frame} month={found.month} selected={found.date} link={props.link} />
      </section>
    </>
  );
}
