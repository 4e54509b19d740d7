// The frame of every settings page (notices, error summary, the appointments a
// change would strand with a choice each — an office's: the suggested time,
// another time from the calendar, cancel with a reason, keep as a conflict;
// otherwise the choice to cancel or keep them all), form fields that read their
// value and error from the form state, and the settings overview.
import type { Child } from 'hono/jsx';
import type { AffectedAppointment } from '../../../app/staff/stranded-choices.ts';
import type { RowChoice } from '../../staff/stranded-form.ts';
import { Alert, describedBy, ErrorSummary, ErrorText, type FieldError } from '../components.tsx';
import { texts } from '../texts.ts';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { settingsTexts, type SettingsTexts } from './settings-texts.ts';
import { StrandedChoice } from './stranded-choice.tsx';
import { strandedTexts } from './stranded-texts.ts';

export interface StrandedRow {
  reference: string;
  when: string;
  office: string;
  reason: string;
}

/** What a settings form shows: the values (from the configuration or as posted), problems, a notice. */
export interface FormState {
  values: Record<string, string>;
  errors: FieldError[];
  fieldErrors: Record<string, string>;
  notice?: { kind: 'success' | 'info' | 'warning'; text: string };
  conflicts?: StrandedRow[];
  /** an office's stranded appointments with staff's choice each and the reason told to the citizens */
  stranded?: { affected: AffectedAppointment[]; chosen: Map<string, RowChoice>; reason: string; reasonError?: string };
}

export function emptyState(values: Record<string, string>, notice?: FormState['notice']): FormState {
  return { values, errors: [], fieldErrors: {}, notice };
}

export function SettingsShell(props: {
  frame: StaffFrame; title: string; state?: FormState; back?: boolean; children: Child;
}) {
  const { t, locale } = props.frame;
  const s = settingsTexts(locale);
  const state = props.state;
  const summaryTexts = { ...texts(locale), common: { ...texts(locale).common, errorSummary: t.errors.summary } };
  return (
    <StaffLayout frame={props.frame} title={props.title} hasErrors={(state?.errors.length ?? 0) > 0}>
      {props.back === false ? null : <p class="kern-body"><a class="kern-link" href="/staff/einstellungen">{s.common.back}</a></p>}
      <h1 class="kern-heading-large" id="seitentitel">{props.title}</h1>
      {state ? <ErrorSummary t={summaryTexts} errors={state.errors} /> : null}
      {state?.notice ? <Alert kind={state.notice.kind} title={state.notice.text} role="status" /> : null}
      {props.children}
    </StaffLayout>
  );
}

/** The form of a settings page: CSRF token, the version it is based on, and the conflict choice when there is one. */
export function SettingsForm(props: { frame: StaffFrame; action: string; version: string; state: FormState; submit: string; cancel?: string; children: Child }) {
  const s = settingsTexts(props.frame.locale);
  const conflicts = props.state.conflicts;
  return (
    <form method="post" action={props.action} novalidate>
      <input type="hidden" name="_csrf" value={props.frame.csrf} />
      <input type="hidden" name="version" value={props.version} />
      {conflicts && conflicts.length > 0
        ? <ConflictBox frame={props.frame} s={s} rows={conflicts} stranded={props.state.stranded} cancel={props.cancel ?? props.action} /> : null}
      {props.children}
      {conflicts && conflicts.length > 0 ? null : (
        <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{props.submit}</span></button>
      )}
    </form>
  );
}

function ConflictBox(props: { frame: StaffFrame; s: SettingsTexts; rows: StrandedRow[]; stranded?: FormState['stranded']; cancel: string }) {
  const c = props.s.common;
  const st = strandedTexts(props.frame.locale).settings;
  const stranded = props.stranded;
  const reasonErr = stranded?.reasonError;
  return (
    <div id="konflikte">
      <Alert kind="warning" title={c.conflicts(props.rows.length)} role="alert">
        <p class="kern-body">{stranded ? st.intro : c.conflictsText}</p>
      </Alert>
      <div class="az-table-wrap" role="region" aria-label={c.conflicts(props.rows.length)} tabindex={0}>
        <table class="kern-table az-table">
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">{c.reference}</th>
              <th class="kern-table__header" scope="col">{c.when}</th>
              <th class="kern-table__header" scope="col">{c.office}</th>
              <th class="kern-table__header" scope="col">{c.why}</th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {props.rows.map((r) => (
              <tr class="kern-table__row">
                <td class="kern-table__cell"><a class="kern-link" href={`/staff/termin/${encodeURIComponent(r.reference)}`}>{r.reference}</a></td>
                <td class="kern-table__cell">{r.when}</td>
                <td class="kern-table__cell">{r.office}</td>
                <td class="kern-table__cell">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {stranded ? (
        <>
          {stranded.affected.map((a) => <StrandedChoice frame={props.frame} a={a} chosen={stranded.chosen.get(a.reference) ?? { c: 'keep' }} />)}
          <div class={`kern-form-input${reasonErr ? ' kern-form-input--error' : ''}`}>
            <label class="kern-label" for="reason">{st.reason}</label>
            <ErrorText id="reason" message={reasonErr} />
            <input class={`kern-form-input__input${reasonErr ? ' kern-form-input__input--error' : ''}`} id="reason" name="reason" type="text"
              value={stranded.reason} maxlength={200} aria-describedby={reasonErr ? 'reason-error' : undefined} aria-invalid={reasonErr ? 'true' : undefined} />
          </div>
        </>
      ) : null}
      <div class="az-actions">
        <button type="submit" class="kern-btn kern-btn--primary" name="confirm" value={props.rows.map((r) => r.reference).join(',')}><span class="kern-label">{stranded ? st.confirm : c.confirm}</span></button>
        <a class="kern-btn kern-btn--secondary" href={props.cancel}><span class="kern-label">{c.cancel}</span></a>
      </div>
    </div>
  );
}

/** A text input (or textarea) bound to the form state by its name, which is also its id. */
export function Field(props: {
  state: FormState; name: string; label: string; hint?: string; optional?: string; rows?: number; inputmode?: 'numeric' | 'email' | 'tel';
}) {
  const { name } = props;
  const err = props.state.fieldErrors[name];
  const value = props.state.values[name] ?? '';
  const common = {
    class: `kern-form-input__input${err ? ' kern-form-input__input--error' : ''}`,
    id: name, name,
    'aria-describedby': describedBy(name, props.hint, err),
    'aria-invalid': err ? 'true' : undefined,
  };
  return (
    <div class={`kern-form-input${err ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={name}>
        {props.label}
        {props.optional ? <span class="kern-label__optional"> {props.optional}</span> : null}
      </label>
      {props.hint ? <div class="kern-hint" id={`${name}-hint`}>{props.hint}</div> : null}
      <ErrorText id={name} message={err} />
      {props.rows ? <textarea {...common} rows={props.rows}>{value}</textarea> : <input {...common} type="text" value={value} inputmode={props.inputmode} />}
    </div>
  );
}

/** A small input in a table cell: the label is read out, not shown (the column header says it). */
export function CellInput(props: { state: FormState; name: string; label: string; width?: number }) {
  const err = props.state.fieldErrors[props.name];
  return (
    <td class="kern-table__cell">
      <label class="kern-sr-only" for={props.name}>{props.label}</label>
      <ErrorText id={props.name} message={err} />
      <input
        class={`kern-form-input__input az-cell-input${err ? ' kern-form-input__input--error' : ''}`}
        id={props.name} name={props.name} type="text" value={props.state.values[props.name] ?? ''}
        size={props.width ?? 5}
        aria-describedby={err ? `${props.name}-error` : undefined} aria-invalid={err ? 'true' : undefined}
      />
    </td>
  );
}

/** A group of checkboxes with a legend and one error for the group (id = `name`). */
export function CheckGroup(props: {
  state: FormState; id: string; legend: string; boxes: { name: string; label: string }[]; hint?: string; legendClass?: string;
}) {
  const err = props.state.fieldErrors[props.id];
  return (
    <fieldset class={`kern-fieldset${err ? ' kern-fieldset--error' : ''}`} id={props.id} aria-describedby={describedBy(props.id, props.hint, err)}>
      <legend class={props.legendClass ?? 'kern-label'}>{props.legend}</legend>
      {props.hint ? <div class="kern-hint" id={`${props.id}-hint`}>{props.hint}</div> : null}
      <ErrorText id={props.id} message={err} />
      <div class="kern-fieldset__body az-checks">
        {props.boxes.map((b) => (
          <div class="kern-form-check">
            <input class="kern-form-check__checkbox" type="checkbox" id={b.name} name={b.name} value="ja" checked={props.state.values[b.name] === 'ja'} />
            <label class="kern-label" for={b.name}>{b.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function SettingsOverviewPage(props: {
  frame: StaffFrame; concerns: boolean; offices: { id: string; name: string }[];
}) {
  const s = settingsTexts(props.frame.locale).overview;
  return (
    <SettingsShell frame={props.frame} title={s.title} back={false}>
      <p class="kern-body">{s.validated}</p>
      {props.concerns ? (
        <>
          <h2 class="kern-heading-medium">{s.concerns}</h2>
          <p class="kern-body"><a class="kern-link" href="/staff/einstellungen/anliegen">{s.concerns}</a> – {s.concernsText}</p>
        </>
      ) : null}
      <h2 class="kern-heading-medium">{s.offices}</h2>
      <ul class="kern-list">
        {props.offices.map((o) => {
          const base = `/staff/einstellungen/amt/${encodeURIComponent(o.id)}`;
          return (
            <li>
              <strong>{o.name}</strong>:{' '}
              <a class="kern-link" href={`${base}/zeiten`}>{s.hours}<span class="kern-sr-only"> – {o.name}</span></a>,{' '}
              <a class="kern-link" href={`${base}/regeln`}>{s.rules}<span class="kern-sr-only"> – {o.name}</span></a>,{' '}
              <a class="kern-link" href={`${base}/angaben`}>{s.details}<span class="kern-sr-only"> – {o.name}</span></a>
            </li>
          );
        })}
      </ul>
    </SettingsShell>
  );
}
