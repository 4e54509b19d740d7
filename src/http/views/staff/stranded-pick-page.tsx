// The pick step of a closure, a block or a settings change: another time for one
// stranded appointment, chosen from the month calendar and a day's times under the
// NEW configuration (the staff time search of phone bookings and moves). Without
// script: the day field and the calendar are GET links/forms carrying the whole
// form's state; "take this time" and "back" post it back to the form's page.
import type { AffectedAppointment } from '../../../app/staff/stranded-choices.ts';
import type { TimeSearchResult } from '../../../app/staff/staff-time-search.ts';
import type { PickSearch } from '../../staff/stranded-form.ts';
import { stateQuery } from '../../staff/stranded-form.ts';
import { Alert, ErrorSummary, Fieldset, Radio } from '../components.tsx';
import { formatDateTime } from '../format.ts';
import { texts } from '../texts.ts';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { TimeSearchSection, timeLabel, timesHeading } from './staff-time-search.tsx';
import { strandedTexts } from './stranded-texts.ts';

export function StrandedPickPage(props: {
  frame: StaffFrame;
  appointment: AffectedAppointment;
  found: TimeSearchResult;
  search: PickSearch;
  /** the form's state to carry (plan or settings fields and every row's choice), without the pick step's own fields */
  state: Record<string, string>;
  /** where "take" and "back" post (the form's page), and the address of this step (GET) */
  postAction: string;
  getAction: string;
  /** how many other rows still wait for a time from the calendar */
  pending: number;
  error?: string;
  dayError?: string;
}) {
  const { t, csrf, locale } = props.frame;
  const s = strandedTexts(locale);
  const a = props.appointment;
  const { found, search } = props;
  const title = s.pickTitle(a.reference);
  const carry = { ...props.state, fuer: a.reference };
  const link = (over: { tag?: string; monat?: string }) =>
    `${props.getAction}?${stateQuery(carry, { tageszeit: search.part === 'all' ? undefined : search.part, tag: over.tag, monat: over.monat })}#zeiten`;
  const errors = [
    ...(props.dayError ? [{ id: 'tag', message: props.dayError }] : []),
    ...(props.error ? [{ id: 'startsAt', message: props.error }] : []),
  ];
  const hidden = (fields: Record<string, string>) => Object.entries(fields).map(([k, v]) => <input type="hidden" name={k} value={v} />);
  return (
    <StaffLayout frame={props.frame} title={title} hasErrors={errors.length > 0}>
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorSummary t={{ ...texts(locale), common: { ...texts(locale).common, errorSummary: t.errors.summary } }} errors={errors} />
      <p class="kern-body">
        {s.current}: {formatDateTime(a.date, a.from, texts(locale))} · {a.name ?? '–'} · {a.services.join(', ')}
      </p>
      <p class="kern-body">{s.pickIntro}</p>
      {props.pending > 0 ? <Alert kind="info" title={s.pending(props.pending)} role="status" /> : null}
      <TimeSearchSection frame={props.frame} action={props.getAction} carry={hidden(carry)} query={{ day: search.day, part: search.part }}
        dayError={props.dayError} found={found} link={link} />
      <form method="post" action={props.postAction}>
        <input type="hidden" name="_csrf" value={csrf} />
        {hidden({ ...carry, step: 'pick' })}
        {search.day ? <input type="hidden" name="tag" value={search.day} /> : null}
        {found.times.length === 0 ? null : (
          <Fieldset id="startsAt" legend={timesHeading(props.frame, found.date)} legendClass="kern-heading-small" error={props.error}>
            <div class={found.date ? 'az-time-grid' : undefined}>
              {found.times.map((x, i) => (
                <Radio id={`time-${i}`} name="startsAt" value={x.startsAt} label={timeLabel(props.frame, x, !found.date)} error={!!props.error} />
              ))}
            </div>
          </Fieldset>
        )}
        {found.times.length === 0 ? null : <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{s.take}</span></button>}
      </form>
      <form method="post" action={props.postAction}>
        <input type="hidden" name="_csrf" value={csrf} />
        {hidden({ ...carry, step: 'back' })}
        <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{s.back}</span></button>
      </form>
    </StaffLayout>
  );
}
