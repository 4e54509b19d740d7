// Step 2: earliest free appointment, the month calendar, the chosen day's times.
import { Layout, type PageFrame } from '../layout.tsx';
import { Alert, Button, ErrorSummary, Form, type FieldError } from '../components.tsx';
import { DayTimes, MonthCalendar, type MonthCalendarProps } from '../calendar.tsx';
import { formatDateTime, splitInstant } from '../format.ts';
import type { SlotTime } from '../../../app/slot-time.ts';
import { HelpDetails } from './help.tsx';

export interface TimeChoice {
  calendar: Omit<MonthCalendarProps, 't'>;
  day: { date: string; times: { time: string; startsAt: string }[] } | null;
  earliest: SlotTime | null;
  durationMinutes: number;
  action: string;
  earliestAction: string;
  hidden?: Record<string, string>;
  submitLabel: string;
  earliestLabel: string;
  errors: FieldError[];
  alternatives?: SlotTime[];
}

export function TimeChooser(props: { frame: PageFrame; csrf: string; choice: TimeChoice; heldNote?: string }) {
  const { frame, choice } = props;
  const { t } = frame;
  const timeError = choice.errors.find((e) => e.id === 'zeiten')?.message;
  return (
    <>
      <ErrorSummary t={t} errors={choice.errors} />
      {choice.alternatives && choice.alternatives.length > 0 ? (
        <Alert kind="warning" title={t.calendar.errTaken}>
          <Form action={choice.action} csrf={props.csrf}>
            {Object.entries(choice.hidden ?? {}).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
            <fieldset class="kern-fieldset">
              <legend class="kern-label">{t.calendar.alternatives}</legend>
              <div class="kern-fieldset__body">
                {choice.alternatives.map((a, i) => (
                  <div class="kern-form-check">
                    <input class="kern-form-check__radio" type="radio" id={`alt-${i}`} name="startsAt" value={a.startsAt} checked={i === 0} />
                    <label class="kern-label" for={`alt-${i}`}>{formatDateTime(a.date, a.time, t)}</label>
                  </div>
                ))}
              </div>
            </fieldset>
            <Button label={choice.submitLabel} />
          </Form>
        </Alert>
      ) : null}
      {props.heldNote ? <p class="kern-body az-held">{props.heldNote}</p> : null}
      <p class="kern-body">{t.calendar.duration(choice.durationMinutes)}</p>
      <section class="az-earliest kern-card" aria-labelledby="fruehester-titel">
        <div class="kern-card__container">
          <h2 class="kern-heading-small" id="fruehester-titel">{t.calendar.earliestHeading}</h2>
          {choice.earliest ? (
            <Form action={choice.earliestAction} csrf={props.csrf}>
              {Object.entries(choice.hidden ?? {}).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
              <input type="hidden" name="startsAt" value={choice.earliest.startsAt} />
              <p class="kern-body kern-body--large">{formatDateTime(choice.earliest.date, choice.earliest.time, t)}</p>
              <Button label={choice.earliestLabel} kind="secondary" />
            </Form>
          ) : (
            <p class="kern-body">{t.calendar.noEarliest}</p>
          )}
        </div>
      </section>
      <p class="kern-body">{t.calendar.chooseDay}</p>
      <MonthCalendar t={t} {...choice.calendar} />
      {choice.day ? (
        <DayTimes
          t={t}
          date={choice.day.date}
          times={choice.day.times}
          action={choice.action}
          csrf={props.csrf}
          hidden={choice.hidden}
          submitLabel={choice.submitLabel}
          error={timeError}
        />
      ) : null}
    </>
  );
}

export function TimePage(props: { frame: PageFrame; csrf: string; choice: TimeChoice; held?: { startsAt: string; expiresAt: string } }) {
  const { frame } = props;
  const { t } = frame;
  let heldNote: string | undefined;
  if (props.held) {
    const s = splitInstant(props.held.startsAt);
    heldNote = `${t.calendar.current(formatDateTime(s.date, s.time, t))}. ${t.calendar.held(splitInstant(props.held.expiresAt).time)}`;
  }
  return (
    <Layout frame={frame} title={t.calendar.title} step={2} hasErrors={props.choice.errors.length > 0} scripts={['times.js']}>
      <h1 class="kern-heading-large">{t.calendar.heading}</h1>
      <HelpDetails summary={t.help.summary} paragraphs={t.help.time} id="hilfe-schritt" />
      <TimeChooser frame={frame} csrf={props.csrf} choice={props.choice} heldNote={heldNote} />
      <p class="az-back"><a class="kern-link" href="/buchen/anliegen">{t.common.back}</a></p>
    </Layout>
  );
}
