// Closing an office (whole days or part of each day): the form, then a preview
// of the appointments it hits, then applying it (keep them marked, or cancel them with the reason).
import { Alert, Checkbox, ErrorSummary, TextField } from '../components.tsx';
import { texts } from '../texts.ts';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';

export interface ClosureForm {
  office: string;
  from: string;
  to: string;
  fromTime: string;
  toTime: string;
  reason: string;
}

export function ClosurePage(props: {
  frame: StaffFrame;
  offices: { id: string; name: string }[];
  form: ClosureForm;
  errors: { id: string; message: string }[];
  preview: string[] | null;
}) {
  const { t, csrf, locale } = props.frame;
  const { form } = props;
  const c = t.closure;
  const officeName = props.offices.find((o) => o.id === form.office)?.name ?? form.office;
  const err = (id: string) => props.errors.find((e) => e.id === id)?.message;
  const summaryTexts = { ...texts(locale), common: { ...texts(locale).common, errorSummary: t.errors.summary } };
  return (
    <StaffLayout frame={props.frame} title={`${c.title}: ${officeName}`} hasErrors={props.errors.length > 0}>
      <h1 class="kern-heading-large">{c.title}: {officeName}</h1>
      <ErrorSummary t={summaryTexts} errors={props.errors} />
      {props.preview === null ? (
        <form method="post" action="/staff/schliessen">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="office" value={form.office} />
          <TextField id="from" name="from" label={c.from} hint="JJJJ-MM-TT" value={form.from} error={err('from')} />
          <TextField id="to" name="to" label={c.to} hint="JJJJ-MM-TT" value={form.to} error={err('to')} />
          <TextField id="fromTime" name="fromTime" label={c.fromTime} optional={c.optional} hint={c.timeHint} value={form.fromTime} />
          <TextField id="toTime" name="toTime" label={c.toTime} optional={c.optional} value={form.toTime} error={err('toTime')} />
          <TextField id="reason" name="reason" label={c.reason} value={form.reason} error={err('reason')} />
          <button type="submit" class="kern-btn kern-btn--primary" name="step" value="preview"><span class="kern-label">{c.check}</span></button>
        </form>
      ) : (
        <>
          <p class="kern-body">{form.from} – {form.to}{form.fromTime ? `, ${form.fromTime}–${form.toTime}` : ''}: {form.reason}</p>
          {props.preview.length === 0 ? <Alert kind="success" title={c.noneAffected} role="status" /> : (
            <Alert kind="warning" title={c.affected(props.preview.length)} role="status">
              <ul class="kern-list">
                {props.preview.map((r) => <li><a class="kern-link" href={`/staff/termin/${encodeURIComponent(r)}`}>{r}</a></li>)}
              </ul>
              <p class="kern-body">{c.affectedText}</p>
            </Alert>
          )}
          <form method="post" action="/staff/schliessen">
            <input type="hidden" name="_csrf" value={csrf} />
            {Object.entries(form).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
            {props.preview.length > 0 ? <Checkbox id="cancelAffected" name="cancelAffected" label={c.cancelAll} /> : null}
            <button type="submit" class="kern-btn kern-btn--primary" name="step" value="apply"><span class="kern-label">{c.apply}</span></button>
          </form>
        </>
      )}
    </StaffLayout>
  );
}
