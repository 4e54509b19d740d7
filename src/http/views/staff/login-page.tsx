// The staff login page.
import { Alert, TextField } from '../components.tsx';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';

export function LoginPage(props: { frame: StaffFrame; email: string; error?: string; notice?: string; next: string }) {
  const { t } = props.frame;
  return (
    <StaffLayout frame={props.frame} title={t.login.title} hasErrors={!!props.error}>
      <h1 class="kern-heading-large">{t.login.title}</h1>
      {props.error ? <Alert kind="danger" title={props.error} role="alert" /> : null}
      {props.notice ? <Alert kind="info" title={props.notice} role="status" /> : null}
      <form method="post" action="/staff/login" class="az-login">
        <input type="hidden" name="_csrf" value={props.frame.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <TextField id="email" name="email" type="email" label={t.login.email} value={props.email} autocomplete="username" required spellcheck={false} />
        <div class="kern-form-input">
          <label class="kern-label" for="password">{t.login.password}</label>
          <input class="kern-form-input__input" id="password" name="password" type="password" autocomplete="current-password" aria-required="true" />
        </div>
        <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t.login.submit}</span></button>
      </form>
    </StaffLayout>
  );
}
