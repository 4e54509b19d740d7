// Moving an appointment on the citizen's behalf: the nearest free times, or
// those of a day picked in the field or the month calendar (optionally only
// mornings or afternoons), and a reason. A failed move shows the page again
// with the reason kept and the error first.
import type { TimeSearchResult } from '../../../app/staff/staff-time-search.ts';
import type { PartOfDay } from '../../../domain/date-input.ts';
import { Alert, ErrorSummary, Fieldset, Radio } from '../components.tsx';
import { texts } from '../texts.ts';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { TimeSearchSection, timeLabel, timesHeading } from './staff-time-search.tsx';

export interface MoveSearch {
  day?: string;
  part: PartOfDay;
  month?: string;
}

export function MovePage(props: {
  frame: StaffFrame; reference: string; current: string; found: TimeSearchResult; movable: boolean; search: MoveSearch;
  error?: string; dayError?: string; reason?: string;
}) {
  const { t, csrf, locale } = props.frame;
  const { found, search } = props;
  const title = `${t.move.title} ${props.reference}`;
  const base = `/staff/termin/${encodeURIComponent(props.reference)}/verschieben`;
  const link = (over: { tag?: string; monat?: string }) => {
    const p = new URLSearchParams();
    if (search.part !== 'all') p.set('tageszeit', search.part);
    if (over.tag) p.set('tag', over.tag);
    if (over.monat) p.set('monat', over.monat);
    const qs = p.toString();
    return `${base}${qs ? `?${qs}` : ''}#zeiten`;
  };
  const errors = [
    ...(props.dayError ? [{ id: 'tag', message: props.dayError }] : []),
    ...(props.error ? [{ id: 'startsAt', message: props.error }] : []),
  ];
  return (
    <StaffLayout frame={props.frame} title={title} hasErrors={errors.length > 0}>
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorSummary t={{ ...texts(locale), common: { ...texts(locale).common, errorSummary: t.errors.summary } }} errors={errors} />
      <p class="kern-body">{t.move.current}: {props.current}</p>
      {!props.movable ? <Alert kind="warning" title={t.move.concernGone} /> : (
        <>
          <TimeSearchSection frame={props.frame} action={base} query={{ day: search.day, part: search.part }} dayError={props.dayError} found={found} link={link} />
          {found.times.length === 0 ? null : (
            <form method="post" action={base}>
              <input type="hidden" name="_csrf" value={csrf} />
              <input type="hidden" name="tageszeit" value={search.part} />
              {search.day ? <input type="hidden" name="tag" value={search.day} /> : null}
              {search.month ? <input type="hidden" name="monat" value={search.month} /> : null}
              <Fieldset id="startsAt" legend={timesHeading(props.frame, found.date)} legendClass="kern-heading-medium" error={props.error}>
                <div class={found.date ? 'az-time-grid' : undefined}>
                  {found.times.map((s, i) => (
                    <Radio id={`time-${i}`} name="startsAt" value={s.startsAt} label={timeLabel(props.frame, s, !found.date)} error={!!props.error} />
                  ))}
                </div>
              </Fieldset>
              <div class="kern-form-input">
                <label class="kern-label" for="reason">{t.move.reason}</label>
                <textarea class="kern-form-input__input" id="reason" name="reason" rows={2} maxlength={500}>{props.reason ?? ''}</textarea>
              </div>
              <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t.move.submit}</span></button>
            </form>
          )}
        </>
      )}
      <p class="kern-body"><a class="kern-link" href={`/staff/termin/${encodeURIComponent(props.reference)}`}>{t.move.back}</a></p>
    </StaffLayout>
  );
}
