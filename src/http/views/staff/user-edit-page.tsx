// One user (admins): name, role and offices; deactivate or reactivate; a new
// password; the user's API tokens with revoke buttons.
import { Alert, TextField } from '../components.tsx';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { AdminErrorSummary, errorOf, OfficeChoice, RevocableTable, RoleChoice, type FormError, type TokenRow } from './admin-parts.tsx';
import { adminTexts } from './admin-texts.ts';
import type { UserForm } from './users-page.tsx';

export function UserEditPage(props: {
  frame: StaffFrame;
  user: { id: string; email: string; name: string; active: boolean; self: boolean; lastLogin: string | null };
  offices: { id: string; name: string }[];
  form: UserForm;
  errors: FormError[];
  tokens: TokenRow[];
  notice?: string;
}) {
  const { csrf, locale } = props.frame;
  const a = adminTexts(locale);
  const u = a.users;
  const base = `/staff/benutzer/${props.user.id}`;
  return (
    <StaffLayout frame={props.frame} title={u.editTitle(props.user.name)} hasErrors={props.errors.length > 0}>
      <div class="az-admin">
      <p class="kern-body"><a class="kern-link" href="/staff/benutzer">{u.back}</a></p>
      <h1 class="kern-heading-large">{u.editTitle(props.user.name)}</h1>
      <AdminErrorSummary frame={props.frame} errors={props.errors} />
      {props.notice ? <Alert kind="success" title={props.notice} role="status" /> : null}
      {props.user.self ? <Alert kind="info" title={u.self} /> : null}
      <p class="kern-body">
        {u.email}: {props.user.email}. {u.status}: {props.user.active ? u.active : u.inactive}. {u.lastLogin}: {props.user.lastLogin ?? a.common.never}.
      </p>

      <form method="post" action={base} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <TextField id="name" name="name" label={u.name} value={props.form.name} error={errorOf(props.errors, 'name')} autocomplete="off" />
        <RoleChoice frame={props.frame} a={a} value={props.form.role} error={errorOf(props.errors, 'role')} />
        <OfficeChoice a={a} offices={props.offices} value={props.form.offices} error={errorOf(props.errors, 'offices')} />
        <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{u.save}</span></button>
      </form>

      <h2 class="kern-heading-medium" id="active">{u.status}</h2>
      {errorOf(props.errors, 'active') ? <p class="kern-error"><span class="kern-body">{errorOf(props.errors, 'active')}</span></p> : null}
      {props.user.active ? (
        <form method="post" action={`${base}/deaktivieren`}>
          <input type="hidden" name="_csrf" value={csrf} />
          <p class="kern-body">{u.deactivateText}</p>
          <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{u.deactivate}</span></button>
        </form>
      ) : (
        <form method="post" action={`${base}/reaktivieren`}>
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{u.reactivate}</span></button>
        </form>
      )}

      {props.user.self ? null : (
        <>
          <h2 class="kern-heading-medium" id="password">{u.reset}</h2>
          {errorOf(props.errors, 'password') ? <p class="kern-error"><span class="kern-body">{errorOf(props.errors, 'password')}</span></p> : null}
          <form method="post" action={`${base}/passwort`}>
            <input type="hidden" name="_csrf" value={csrf} />
            <p class="kern-body">{u.resetText}</p>
            <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{u.reset}</span></button>
          </form>
        </>
      )}

      <h2 class="kern-heading-medium">{u.tokens}</h2>
      {props.tokens.length === 0 ? <p class="kern-body">{u.noTokens}</p> : (
        <RevocableTable frame={props.frame} a={a} caption={u.tokens} rows={props.tokens} revokeUrl={(id) => `${base}/schluessel/${id}/widerrufen`} />
      )}
      </div>
    </StaffLayout>
  );
}
