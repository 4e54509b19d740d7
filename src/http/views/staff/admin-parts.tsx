// Pieces shared by the administration pages: the error summary in the staff
// texts, a secret shown once, the role and office choices, a table of API tokens.
import { Alert, ErrorSummary, Fieldset, Checkbox, Radio } from '../components.tsx';
import { texts } from '../texts.ts';
import type { StaffFrame } from './staff-layout.tsx';
import type { AdminTexts } from './admin-texts.ts';

export interface FormError {
  id: string;
  message: string;
}

export function AdminErrorSummary(props: { frame: StaffFrame; errors: FormError[] }) {
  const base = texts(props.frame.locale);
  return <ErrorSummary t={{ ...base, common: { ...base.common, errorSummary: props.frame.t.errors.summary } }} errors={props.errors} />;
}

export function errorOf(errors: FormError[], id: string): string | undefined {
  return errors.find((e) => e.id === id)?.message;
}

/** A password, token or address shown exactly once. */
export function SecretBox(props: { a: AdminTexts; label: string; value: string; id: string }) {
  return (
    <Alert kind="warning" title={props.label}>
      <p class="kern-body"><code class="az-secret" id={props.id}>{props.value}</code></p>
      <p class="kern-body">{props.a.common.shownOnce}</p>
    </Alert>
  );
}

export function RoleChoice(props: { frame: StaffFrame; a: AdminTexts; value: string; error?: string }) {
  const { t } = props.frame;
  return (
    <Fieldset legend={props.a.users.role} id="role" error={props.error}>
      {(['clerk', 'lead', 'admin'] as const).map((r) => (
        <Radio id={`role-${r}`} name="role" value={r} label={t.roles[r]} checked={props.value === r} error={Boolean(props.error)} />
      ))}
    </Fieldset>
  );
}

export function OfficeChoice(props: { a: AdminTexts; offices: { id: string; name: string }[]; value: string[]; error?: string }) {
  return (
    <Fieldset legend={props.a.users.offices} id="offices" hint={props.a.users.officesHint} error={props.error}>
      {props.offices.map((o) => (
        <Checkbox id={`office-${o.id}`} name="offices" value={o.id} label={o.name} checked={props.value.includes(o.id)} errorOf={props.error ? 'offices' : undefined} />
      ))}
    </Fieldset>
  );
}

export interface TokenRow {
  id: string;
  label: string;
  created: string;
  lastUsed: string | null;
}

/** API tokens or feeds with a revoke button each (a form posting to `revokeUrl(id)`). */
export function RevocableTable(props: {
  frame: StaffFrame; a: AdminTexts; caption: string; rows: (TokenRow & { createdBy?: string })[]; revokeUrl: (id: string) => string; showCreator?: string;
}) {
  const { a, frame } = props;
  return (
    <div class="az-table-wrap" role="region" aria-label={props.caption} tabindex={0}>
      <table class="kern-table az-table">
        <caption class="kern-sr-only">{props.caption}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">{a.common.label}</th>
            {props.showCreator ? <th class="kern-table__header" scope="col">{props.showCreator}</th> : null}
            <th class="kern-table__header" scope="col">{a.common.created}</th>
            <th class="kern-table__header" scope="col">{a.common.lastUsed}</th>
            <th class="kern-table__header" scope="col">{a.users.actions}</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {props.rows.map((r) => (
            <tr class="kern-table__row">
              <th class="kern-table__cell" scope="row">{r.label}</th>
              {props.showCreator ? <td class="kern-table__cell">{r.createdBy}</td> : null}
              <td class="kern-table__cell">{r.created}</td>
              <td class="kern-table__cell">{r.lastUsed ?? a.common.never}</td>
              <td class="kern-table__cell">
                <form method="post" action={props.revokeUrl(r.id)}>
                  <input type="hidden" name="_csrf" value={frame.csrf} />
                  <button type="submit" class="kern-btn kern-btn--secondary" aria-label={a.common.revokeNamed(r.label)}>
                    <span class="kern-label">{a.common.revoke}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
