// Form and content components on KERN UX classes. KERN has no error summary:
// ours follows GOV.UK's pattern (a list of links to the fields, at the top).
import type { Child } from 'hono/jsx';
import type { Texts } from './texts.ts';

export interface FieldError {
  /** id of the input the message belongs to */
  id: string;
  message: string;
}

/** The error summary takes the focus when the page loads (`autofocus`, no script needed), so it is read out first. */
export function ErrorSummary(props: { t: Texts; errors: FieldError[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="kern-alert kern-alert--danger az-error-summary" role="alert" aria-labelledby="fehler-titel" tabindex={-1} id="fehler" autofocus>
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
        <h2 class="kern-title" id="fehler-titel">{props.t.common.errorSummary}</h2>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {props.errors.map((e) => (
            <li>
              <a class="kern-link" href={`#${e.id}`}>{e.message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function Alert(props: { kind: 'info' | 'success' | 'warning' | 'danger'; title: string; children?: Child; role?: 'status' | 'alert' }) {
  return (
    <div class={`kern-alert kern-alert--${props.kind}`} role={props.role}>
      <div class="kern-alert__header">
        <span class={`kern-icon kern-icon--${props.kind}`} aria-hidden="true"></span>
        <span class="kern-title">{props.title}</span>
      </div>
      {props.children ? <div class="kern-alert__body">{props.children}</div> : null}
    </div>
  );
}

export function ErrorText(props: { id: string; message?: string }) {
  if (!props.message) return null;
  return (
    <p class="kern-error" id={`${props.id}-error`}>
      <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
      <span class="kern-body">{props.message}</span>
    </p>
  );
}

export const describedBy = (id: string, hint?: string, error?: string) =>
  [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(props: {
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'tel';
  value?: string;
  hint?: string;
  error?: string;
  autocomplete?: string;
  optional?: string;
  required?: boolean;
  spellcheck?: boolean;
  inputmode?: 'text' | 'email' | 'tel' | 'numeric';
}) {
  const err = props.error;
  return (
    <div class={`kern-form-input${err ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={props.id}>
        {props.label}
        {props.optional ? <span class="kern-label__optional"> {props.optional}</span> : null}
      </label>
      {props.hint ? <div class="kern-hint" id={`${props.id}-hint`}>{props.hint}</div> : null}
      <ErrorText id={props.id} message={err} />
      <input
        class={`kern-form-input__input${err ? ' kern-form-input__input--error' : ''}`}
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        aria-describedby={describedBy(props.id, props.hint, err)}
        aria-invalid={err ? 'true' : undefined}
        aria-required={props.required ? 'true' : undefined}
        spellcheck={props.spellcheck === false ? false : undefined}
        inputmode={props.inputmode}
      />
    </div>
  );
}

export function SelectField(props: {
  id: string;
  name: string;
  label: Child;
  options: { value: string; label: string }[];
  value?: string;
  hint?: string;
  error?: string;
}) {
  const err = props.error;
  return (
    <div class={`kern-form-input${err ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={props.id}>{props.label}</label>
      {props.hint ? <div class="kern-hint" id={`${props.id}-hint`}>{props.hint}</div> : null}
      <ErrorText id={props.id} message={err} />
      <div class="kern-form-input__select-wrapper">
        <select
          class={`kern-form-input__select${err ? ' kern-form-input__select--error' : ''}`}
          id={props.id}
          name={props.name}
          aria-describedby={describedBy(props.id, props.hint, err)}
          aria-invalid={err ? 'true' : undefined}
        >
          {props.options.map((o) => (
            <option value={o.value} selected={o.value === props.value}>{o.label}</option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function Checkbox(props: {
  id: string; name: string; value?: string; label: Child; checked?: boolean; hint?: string; error?: string;
  /** inside a fieldset that shows the error: only mark the box invalid and point to that message */
  errorOf?: string;
}) {
  const err = props.error;
  return (
    <div class={`kern-form-check${err ? ' kern-form-check--error' : ''}`}>
      <input
        class={`kern-form-check__checkbox${err || props.errorOf ? ' kern-form-check__checkbox--error' : ''}`}
        type="checkbox"
        id={props.id}
        name={props.name}
        value={props.value ?? 'ja'}
        checked={props.checked === true}
        aria-describedby={props.errorOf ? `${props.errorOf}-error` : describedBy(props.id, props.hint, err)}
        aria-invalid={err || props.errorOf ? 'true' : undefined}
      />
      <label class="kern-label" for={props.id}>{props.label}</label>
    </div>
  );
}

export function Radio(props: { id: string; name: string; value: string; label: Child; checked?: boolean; error?: boolean }) {
  return (
    <div class="kern-form-check">
      <input
        class={`kern-form-check__radio${props.error ? ' kern-form-check__radio--error' : ''}`}
        type="radio"
        id={props.id}
        name={props.name}
        value={props.value}
        checked={props.checked === true}
      />
      <label class="kern-label" for={props.id}>{props.label}</label>
    </div>
  );
}

export function Fieldset(props: { legend: Child; id?: string; error?: string; hint?: string; children: Child; legendClass?: string }) {
  const id = props.id ?? '';
  return (
    <fieldset
      class={`kern-fieldset${props.error ? ' kern-fieldset--error' : ''}`}
      id={props.id}
      aria-describedby={id ? describedBy(id, props.hint, props.error) : undefined}
    >
      <legend class={props.legendClass ?? 'kern-label'}>{props.legend}</legend>
      {props.hint && id ? <div class="kern-hint" id={`${id}-hint`}>{props.hint}</div> : null}
      {id ? <ErrorText id={id} message={props.error} /> : null}
      <div class="kern-fieldset__body">{props.children}</div>
    </fieldset>
  );
}

export function Button(props: { label: string; kind?: 'primary' | 'secondary' | 'tertiary'; name?: string; value?: string; id?: string }) {
  return (
    <button type="submit" class={`kern-btn kern-btn--${props.kind ?? 'primary'}`} name={props.name} value={props.value} id={props.id}>
      <span class="kern-label">{props.label}</span>
    </button>
  );
}

export function ButtonLink(props: { href: string; label: string; kind?: 'primary' | 'secondary' | 'tertiary'; download?: boolean }) {
  return (
    <a class={`kern-btn kern-btn--${props.kind ?? 'primary'}`} href={props.href} download={props.download ? '' : undefined}>
      <span class="kern-label">{props.label}</span>
    </a>
  );
}

/** A form with the CSRF token; every form of the citizen pages uses it. */
export function Form(props: { action: string; csrf: string; children: Child; id?: string; class?: string; novalidate?: boolean }) {
  return (
    <form method="post" action={props.action} id={props.id} class={props.class} novalidate={props.novalidate}>
      <input type="hidden" name="_csrf" value={props.csrf} />
      {props.children}
    </form>
  );
}

/** A summary row with an optional "change" link whose text names what it changes. */
export function SummaryList(props: { rows: { key: string; value: Child; change?: { href: string; label: string; visible: string } }[] }) {
  return (
    <dl class="kern-description-list az-summary">
      {props.rows.map((r) => (
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{r.key}</dt>
          <dd class="kern-description-list-item__value">
            {r.value}
            {r.change ? (
              <p class="az-change">
                <a class="kern-link" href={r.change.href}>
                  {r.change.visible}
                  <span class="kern-sr-only"> – {r.change.label}</span>
                </a>
              </p>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * "Held until HH:MM" with a button to keep the time longer. Works as a plain
 * form; hold.js adds a countdown and a warning shortly before it runs out.
 */
export function HoldNote(props: {
  t: Texts; when: string; until: string; remainingSeconds: number; csrf: string; back: string;
  /** the page's main form: the button then sends what was typed along, so nothing is lost */
  formId?: string;
}) {
  const { t } = props;
  return (
    <div class="az-hold" data-remaining={String(Math.max(0, Math.round(props.remainingSeconds)))} data-extended={t.calendar.extended(props.until)}>
      <p class="kern-body az-held">
        {t.calendar.current(props.when)}. {t.calendar.held(props.until)}
      </p>
      <p class="kern-body az-hold__warning" role="status" aria-live="polite"></p>
      {props.formId ? (
        <button type="submit" class="kern-btn kern-btn--tertiary az-hold__extend" form={props.formId} formaction="/buchen/reservierung" name="zurueck" value={props.back}>
          <span class="kern-label">{t.calendar.extend}</span>
        </button>
      ) : (
        <Form action="/buchen/reservierung" csrf={props.csrf} class="az-hold__form">
          <input type="hidden" name="zurueck" value={props.back} />
          <button type="submit" class="kern-btn kern-btn--tertiary az-hold__extend">
            <span class="kern-label">{t.calendar.extend}</span>
          </button>
        </Form>
      )}
    </div>
  );
}
