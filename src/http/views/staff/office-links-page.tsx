// The secret addresses of an office that leads and admins hand out: calendar
// feeds (/staff/kalender) and kiosk links (/staff/kiosk). Choose the office,
// list the addresses with revoke buttons, create one (shown once).
import { Alert, SelectField, TextField } from '../components.tsx';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { AdminErrorSummary, errorOf, RevocableTable, SecretBox, type FormError, type TokenRow } from './admin-parts.tsx';
import { adminTexts, type AdminTexts } from './admin-texts.ts';

/** The words of one kind of address (adminTexts(locale).feeds or .kiosks). */
export type OfficeLinkTexts = AdminTexts['feeds'] | AdminTexts['kiosks'];

export function OfficeLinksPage(props: {
  frame: StaffFrame;
  /** the page's path, e.g. /staff/kalender */
  path: string;
  texts: (a: AdminTexts) => OfficeLinkTexts;
  office: { id: string; name: string };
  offices: { id: string; name: string }[];
  links: (TokenRow & { createdBy: string })[];
  errors: FormError[];
  label: string;
  notice?: string;
  /** a warning above the list, e.g. that the office's kiosk is switched off */
  warning?: string;
  newUrl?: string;
}) {
  const { csrf, locale } = props.frame;
  const a = adminTexts(locale);
  const f = props.texts(a);
  const q = `office=${encodeURIComponent(props.office.id)}`;
  return (
    <StaffLayout frame={props.frame} title={f.title(props.office.name)} hasErrors={props.errors.length > 0}>
      <div class="az-admin">
      <h1 class="kern-heading-large">{f.title(props.office.name)}</h1>
      <AdminErrorSummary frame={props.frame} errors={props.errors} />
      {props.notice ? <Alert kind="success" title={props.notice} role="status" /> : null}
      {props.newUrl ? (
        <>
          <p class="kern-body">{f.createdText}</p>
          <SecretBox a={a} label={f.url} value={props.newUrl} id="abo-adresse" />
        </>
      ) : null}
      {props.offices.length > 1 ? (
        <form method="get" action={props.path} class="az-filter">
          <SelectField id="office" name="office" label={f.office} value={props.office.id} options={props.offices.map((o) => ({ value: o.id, label: o.name }))} />
          <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{f.show}</span></button>
        </form>
      ) : null}
      <p class="kern-body">{f.intro}</p>
      {props.warning ? <Alert kind="warning" title={props.warning} /> : null}
      <h2 class="kern-heading-medium">{f.list}</h2>
      {props.links.length === 0 ? <p class="kern-body">{f.none}</p> : (
        <RevocableTable frame={props.frame} a={a} caption={f.list} rows={props.links} showCreator={f.createdBy} revokeUrl={(id) => `${props.path}/${id}/widerrufen?${q}`} />
      )}
      <h2 class="kern-heading-medium">{f.add}</h2>
      <form method="post" action={`${props.path}?${q}`} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <TextField id="label" name="label" label={a.common.label} value={props.label} error={errorOf(props.errors, 'label')} autocomplete="off" />
        <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{f.create}</span></button>
      </form>
      </div>
    </StaffLayout>
  );
}
