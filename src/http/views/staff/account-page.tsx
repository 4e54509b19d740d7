// My account (every staff member): own details, change the password, own API
// tokens (create one, shown once; revoke), links to the administration pages.
import { Alert, SummaryList, TextField } from '../components.tsx';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { AdminErrorSummary, errorOf, RevocableTable, SecretBox, type FormError, type TokenRow } from './admin-parts.tsx';
import { adminTexts } from './admin-texts.ts';

function PasswordField(props: { id: string; label: string; hint?: string; error?: string; autocomplete: string }) {
  const describedBy = [props.error ? `${props.id}-error` : '', props.hint ? `${props.id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`kern-form-input${props.error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={props.id}>{props.label}</label>
      {props.hint ? <div class="kern-hint" id={`${props.id}-hint`}>{props.hint}</div> : null}
      {props.error ? (
        <p class="kern-error" id={`${props.id}-error`}>
          <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
          <span class="kern-body">{props.error}</span>
        </p>
      ) : null}
      <input class={`kern-form-input__input${props.error ? ' kern-form-input__input--error' : ''}`} id={props.id} name={props.id} type="password"
        autocomplete={props.autocomplete} aria-describedby={describedBy} aria-invalid={props.error ? 'true' : undefined} />
    </div>
  );
}

export function AccountPage(props: {
  frame: StaffFrame;
  user: { name: string; email: string; role: string; offices: string };
  tokens: TokenRow[];
  errors: FormError[];
  label: string;
  notice?: string;
  newToken?: string;
  admin: boolean;
  feedOffices: { id: string; name: string }[];
}) {
  const { t, csrf, locale } = props.frame;
  const a = adminTexts(locale);
  const k = a.account;
  return (
    <StaffLayout frame={props.frame} title={k.title} hasErrors={props.errors.length > 0}>
      <div class="az-admin">
      <h1 class="kern-heading-large">{k.title}</h1>
      <AdminErrorSummary frame={props.frame} errors={props.errors} />
      {props.notice ? <Alert kind="success" title={props.notice} role="status" /> : null}
      {props.newToken ? <SecretBox a={a} label={k.tokenCreated} value={props.newToken} id="neuer-schluessel" /> : null}
      <h2 class="kern-heading-medium">{k.details}</h2>
      <SummaryList rows={[
        { key: a.users.name, value: props.user.name },
        { key: a.users.email, value: props.user.email },
        { key: a.users.role, value: t.roles[props.user.role] ?? props.user.role },
        { key: a.users.offices, value: props.user.offices },
      ]} />

      {props.admin || props.feedOffices.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">{k.admin}</h2>
          <ul class="kern-list">
            {props.admin ? <li><a class="kern-link" href="/staff/benutzer">{k.manageUsers}</a></li> : null}
            {props.feedOffices.map((o) => <li><a class="kern-link" href={`/staff/kalender?office=${encodeURIComponent(o.id)}`}>{k.feeds(o.name)}</a></li>)}
            {props.feedOffices.map((o) => <li><a class="kern-link" href={`/staff/kiosk?office=${encodeURIComponent(o.id)}`}>{k.kiosks(o.name)}</a></li>)}
          </ul>
        </>
      ) : null}

      <h2 class="kern-heading-medium" id="passwort-aendern">{k.password}</h2>
      <form method="post" action="/staff/konto/passwort" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="text" name="username" value={props.user.email} autocomplete="username" hidden />
        <PasswordField id="current" label={k.current} error={errorOf(props.errors, 'current')} autocomplete="current-password" />
        <PasswordField id="next" label={k.next} hint={k.nextHint} error={errorOf(props.errors, 'next')} autocomplete="new-password" />
        <PasswordField id="confirm" label={k.confirm} error={errorOf(props.errors, 'confirm')} autocomplete="new-password" />
        <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{k.change}</span></button>
      </form>

      <h2 class="kern-heading-medium">{k.tokens}</h2>
      <p class="kern-body">{k.tokensText}</p>
      {props.tokens.length === 0 ? <p class="kern-body">{k.noTokens}</p> : (
        <RevocableTable frame={props.frame} a={a} caption={k.tokens} rows={props.tokens} revokeUrl={(id) => `/staff/konto/schluessel/${id}/widerrufen`} />
      )}
      <h3 class="kern-heading-small">{k.newToken}</h3>
      <form method="post" action="/staff/konto/schluessel" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <TextField id="label" name="label" label={a.common.label} value={props.label} error={errorOf(props.errors, 'label')} autocomplete="off" />
        <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{k.create}</span></button>
      </form>
      </div>
    </StaffLayout>
  );
}
