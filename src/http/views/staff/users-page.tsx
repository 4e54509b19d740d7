// The users page (admins): every account with role, offices, status and last
// login, and the form to add one. After adding, the password is shown once.
import { Alert, TextField } from '../components.tsx';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { AdminErrorSummary, errorOf, OfficeChoice, RoleChoice, SecretBox, type FormError } from './admin-parts.tsx';
import { adminTexts } from './admin-texts.ts';

export interface UserListRow {
  id: string;
  name: string;
  email: string;
  role: string;
  offices: string[];
  active: boolean;
  lastLogin: string | null;
}

export interface UserForm {
  email: string;
  name: string;
  role: string;
  offices: string[];
}

export function UsersPage(props: {
  frame: StaffFrame;
  users: UserListRow[];
  offices: { id: string; name: string }[];
  form: UserForm;
  errors: FormError[];
  notice?: string;
}) {
  const { t, csrf, locale } = props.frame;
  const a = adminTexts(locale);
  const u = a.users;
  const officeName = (id: string) => props.offices.find((o) => o.id === id)?.name ?? id;
  return (
    <StaffLayout frame={props.frame} title={u.title} hasErrors={props.errors.length > 0}>
      <div class="az-admin">
      <h1 class="kern-heading-large">{u.title}</h1>
      <AdminErrorSummary frame={props.frame} errors={props.errors} />
      {props.notice ? <Alert kind="success" title={props.notice} role="status" /> : null}
      <div class="az-table-wrap" role="region" aria-label={u.list} tabindex={0}>
        <table class="kern-table az-table">
          <caption class="kern-title">{u.list}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">{u.name}</th>
              <th class="kern-table__header" scope="col">{u.email}</th>
              <th class="kern-table__header" scope="col">{u.role}</th>
              <th class="kern-table__header" scope="col">{u.offices}</th>
              <th class="kern-table__header" scope="col">{u.active}</th>
              <th class="kern-table__header" scope="col">{u.lastLogin}</th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {props.users.map((r) => (
              <tr class="kern-table__row">
                <th class="kern-table__cell" scope="row">
                  <a class="kern-link" href={`/staff/benutzer/${r.id}`} aria-label={u.edit(r.name)}>{r.name}</a>
                </th>
                <td class="kern-table__cell">{r.email}</td>
                <td class="kern-table__cell">{t.roles[r.role] ?? r.role}</td>
                <td class="kern-table__cell">{r.role === 'admin' ? a.common.allOffices : r.offices.map(officeName).join(', ') || a.common.none}</td>
                <td class="kern-table__cell">{r.active ? a.common.yes : `${a.common.no} (${u.inactive})`}</td>
                <td class="kern-table__cell">{r.lastLogin ?? a.common.never}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 class="kern-heading-medium" id="anlegen">{u.add}</h2>
      <form method="post" action="/staff/benutzer" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <TextField id="name" name="name" label={u.name} value={props.form.name} error={errorOf(props.errors, 'name')} autocomplete="off" />
        <TextField id="email" name="email" type="email" label={u.email} value={props.form.email} error={errorOf(props.errors, 'email')} autocomplete="off" spellcheck={false} />
        <RoleChoice frame={props.frame} a={a} value={props.form.role} error={errorOf(props.errors, 'role')} />
        <OfficeChoice a={a} offices={props.offices} value={props.form.offices} error={errorOf(props.errors, 'offices')} />
        <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{u.addSubmit}</span></button>
      </form>
      </div>
    </StaffLayout>
  );
}

/** A password (new account or reset), shown exactly once. */
export function PasswordShownPage(props: { frame: StaffFrame; title: string; text: string; password: string; back: string }) {
  const a = adminTexts(props.frame.locale);
  return (
    <StaffLayout frame={props.frame} title={props.title}>
      <div class="az-admin">
      <h1 class="kern-heading-large">{props.title}</h1>
      <p class="kern-body">{props.text}</p>
      <SecretBox a={a} label={a.users.password} value={props.password} id="passwort" />
      <p class="kern-body"><a class="kern-link" href={props.back}>{a.users.back}</a></p>
      </div>
    </StaffLayout>
  );
}
