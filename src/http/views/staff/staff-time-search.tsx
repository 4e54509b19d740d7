// The time search staff use when booking for a caller and when moving an
// appointment: a day field (22.12.2026 or a picker's 2026-12-22) and a part
// of the day inside the search form, and, under it, the month calendar of
// the citizen pages (with the staff's capacity) whose days link to their
// times. Works without script: every choice is a GET link or form.
import type { StaffMonth } from '../../../app/staff/staff-time-search.ts';
import type { PartOfDay } from '../../../domain/date-input.ts';
import { MonthCalendar, shiftMonth } from '../calendar.tsx';
import { SelectField, TextField } from '../components.tsx';
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
