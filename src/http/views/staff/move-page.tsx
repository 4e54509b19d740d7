// Moving an appointment on the citizen's behalf: the nearest free times and an optional reason.
import type { SlotTime } from '../../../app/slot-time.ts';
import { Alert, Fieldset, Radio } from '../components.tsx';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';

export function MovePage(props: { frame: StaffFrame; reference: string; current: string; times: SlotTime[]; movable: boolean; error?: string }) {
  const { t, csrf } = props.frame;
  const title = `${t.move.title} ${props.reference}`;
  return (
    <StaffLayout frame={props.frame} title={title} hasErrors={!!props.error}>
      <h1 class="kern-heading-large">{title}</h1>
      {props.error ? <Alert kind="danger" title={props.error} role="alert" /> : null}
      <p class="kern-body">{t.move.current}: {props.current}</p>
      {!props.movable ? <Alert kind="warning" title={t.move.concernGone} /> : props.times.length === 0 ? <Alert kind="warning" title={t.bookPage.none} /> : (
        <form method="post" action={`/staff/termin/${encodeURIComponent(props.reference)}/verschieben`}>
          <input type="hidden" name="_csrf" value={csrf} />
          <Fieldset id="startsAt" legend={t.bookPage.times} legendClass="kern-heading-medium" error={props.error}>
            {props.times.map((s, i) => (
              <Radio id={`time-${i}`} name="startsAt" value={s.startsAt} label={`${s.date} ${s.time}`} error={!!props.error} />
            ))}
          </Fieldset>
          <div class="kern-form-input">
            <label class="kern-label" for="reason">{t.move.reason}</label>
            <textarea class="kern-form-input__input" id="reason" name="reason" rows={2} maxlength={500}></textarea>
          </div>
          <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t.move.submit}</span></button>
        </form>
      )}
      <p class="kern-body"><a class="kern-link" href={`/staff/termin/${encodeURIComponent(props.reference)}`}>{t.move.back}</a></p>
    </StaffLayout>
  );
}
