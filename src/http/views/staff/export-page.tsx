// The CSV export form (leads and admins): office, a period of at most 366 days
// (TT.MM.JJJJ or the date picker's value) and the choice with or without
// personal data (without by default). A POST form with CSRF token: the
// browser downloads the file, and an export with personal data is a
// deliberate act that is recorded.
import { ErrorSummary, ErrorText, Fieldset, Form, Radio, SelectField, describedBy, type FieldError } from '../components.tsx';
import { texts } from '../texts.ts';
import { exportTexts } from './export-texts.ts';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';

export interface ExportForm {
  office: string;
  from: string;
  to: string;
  personalData: boolean;
}

export function ExportPage(props: { frame: StaffFrame; offices: { id: string; name: string }[]; form: ExportForm; errors: FieldError[] }) {
  const { t, locale } = props.frame;
  const p = exportTexts(locale).page;
  const err = (id: string) => props.errors.find((e) => e.id === id)?.message;
  const date = (id: 'from' | 'to', label: string) => (
    <div class={`kern-form-input${err(id) ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={id}>{label}</label>
      <div class="kern-hint" id={`${id}-hint`}>{p.dateHint}</div>
      <ErrorText id={id} message={err(id)} />
      <input class={`kern-form-input__input${err(id) ? ' kern-form-input__input--error' : ''}`} id={id} name={id} type="date"
        value={props.form[id]} aria-describedby={describedBy(id, p.dateHint, err(id))} aria-invalid={err(id) ? 'true' : undefined} />
    </div>
  );
  return (
    <StaffLayout frame={props.frame} title={p.title} hasErrors={props.errors.length > 0}>
      <h1 class="kern-heading-large">{p.title}</h1>
      <ErrorSummary t={{ ...texts(locale), common: { ...texts(locale).common, errorSummary: t.errors.summary } }} errors={props.errors} />
      <p class="kern-body">{p.intro}</p>
      <Form action="/staff/export.csv" csrf={props.frame.csrf} novalidate>
        <SelectField id="office" name="office" label={t.dayView.office} value={props.form.office} options={props.offices.map((o) => ({ value: o.id, label: o.name }))} />
        {date('from', p.from)}
        {date('to', p.to)}
        <Fieldset legend={p.personal} id="personal" hint={p.personalHint}>
          <Radio id="personal-no" name="personal" value="nein" label={p.without} checked={!props.form.personalData} />
          <Radio id="personal-yes" name="personal" value="ja" label={p.with} checked={props.form.personalData} />
        </Fieldset>
        <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{p.submit}</span></button>
      </Form>
    </StaffLayout>
  );
}
