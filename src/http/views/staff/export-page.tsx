// The CSV export form (leads and admins): office and a date range of at most
// 92 days; a GET form, so the browser downloads the file.
import { ErrorSummary, ErrorText, SelectField, describedBy, type FieldError } from '../components.tsx';
import { texts } from '../texts.ts';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';

export function ExportPage(props: {
  frame: StaffFrame; offices: { id: string; name: string }[]; form: { office: string; from: string; to: string }; errors: FieldError[];
}) {
  const { t, locale } = props.frame;
  const err = (id: string) => props.errors.find((e) => e.id === id)?.message;
  const date = (id: 'from' | 'to', label: string) => (
    <div class={`kern-form-input${err(id) ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={id}>{label}</label>
      <div class="kern-hint" id={`${id}-hint`}>{t.exportPage.dateHint}</div>
      <ErrorText id={id} message={err(id)} />
      <input class={`kern-form-input__input${err(id) ? ' kern-form-input__input--error' : ''}`} id={id} name={id} type="date"
        value={props.form[id]} aria-describedby={describedBy(id, t.exportPage.dateHint, err(id))} aria-invalid={err(id) ? 'true' : undefined} />
    </div>
  );
  return (
    <StaffLayout frame={props.frame} title={t.exportPage.title} hasErrors={props.errors.length > 0}>
      <h1 class="kern-heading-large">{t.exportPage.title}</h1>
      <ErrorSummary t={{ ...texts(locale), common: { ...texts(locale).common, errorSummary: t.errors.summary } }} errors={props.errors} />
      <p class="kern-body">{t.exportPage.intro}</p>
      <form method="get" action="/staff/export.csv" novalidate>
        <SelectField id="office" name="office" label={t.dayView.office} value={props.form.office} options={props.offices.map((o) => ({ value: o.id, label: o.name }))} />
        {date('from', t.exportPage.from)}
        {date('to', t.exportPage.to)}
        <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t.exportPage.submit}</span></button>
      </form>
    </StaffLayout>
  );
}
