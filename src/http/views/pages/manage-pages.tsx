// The manage page (the e-mail's link with the token): see the appointment,
// cancel it after a confirmation step, or move it with the same calendar.
import { Layout, type PageFrame } from '../layout.tsx';
import { Alert, Button, ButtonLink, Form, SummaryList } from '../components.tsx';
import { formatDateTime, splitInstant } from '../format.ts';
import { CheckinCode } from '../checkin-code.tsx';
import { TimeChooser, type TimeChoice } from './time-page.tsx';

export interface ManagedAppointment {
  reference: string;
  status: string;
  startsAt: string;
  office: { name: string; address: string };
  concerns: { name: string; quantity: number }[];
  documents: string[];
  contact: { name: string | null; email: string | null };
  /** `/termin/REF?token=…` and friends */
  urls: { self: string; cancel: string; move: string; ics: string; confirm: string };
  token: string;
}

function Details(props: { frame: PageFrame; a: ManagedAppointment }) {
  const { t } = props.frame;
  const a = props.a;
  const w = splitInstant(a.startsAt);
  return (
    <SummaryList
      rows={[
        { key: t.manage.status, value: t.manage.statuses[a.status] ?? a.status },
        { key: t.review.when, value: formatDateTime(w.date, w.time, t) },
        { key: t.review.where, value: <>{a.office.name}<br />{a.office.address}</> },
        { key: t.review.concerns, value: <ul class="kern-list">{a.concerns.map((c) => <li>{c.quantity} × {c.name}</li>)}</ul> },
        { key: t.review.contact, value: <>{a.contact.name ?? ''}{a.contact.email ? <><br />{a.contact.email}</> : null}</> },
      ]}
    />
  );
}

export function ManagePage(props: { frame: PageFrame; csrf: string; a: ManagedAppointment; notice?: string; problem?: string }) {
  const { frame, a } = props;
  const { t } = frame;
  const active = a.status === 'booked' || a.status === 'pending';
  return (
    <Layout frame={frame} title={t.manage.heading(a.reference)} hasErrors={!!props.problem}>
      {props.notice ? <Alert kind="success" role="status" title={props.notice} /> : null}
      {props.problem ? <Alert kind="danger" role="alert" title={props.problem} /> : null}
      <h1 class="kern-heading-large">{t.manage.heading(a.reference)}</h1>
      <Details frame={frame} a={a} />
      {a.status !== 'cancelled' ? (
        <>
          <h2 class="kern-heading-small">{t.review.bring}</h2>
          <ul class="kern-list kern-list--bullet az-bring">{a.documents.map((d) => <li>{d}</li>)}</ul>
        </>
      ) : null}
      {a.status === 'booked' ? <CheckinCode t={t} reference={a.reference} /> : null}
      {active ? (
        <div class="az-actions">
          {a.status === 'pending' ? (
            <Form action={a.urls.confirm} csrf={props.csrf}>
              <input type="hidden" name="token" value={a.token} />
              <Button label={t.manage.confirm} />
            </Form>
          ) : null}
          <ButtonLink href={a.urls.move} label={t.manage.move} kind="secondary" />
          <ButtonLink href={a.urls.cancel} label={t.manage.cancel} kind="secondary" />
          <ButtonLink href={a.urls.ics} label={t.done.ics} kind="tertiary" download />
        </div>
      ) : null}
    </Layout>
  );
}

export function CancelPage(props: { frame: PageFrame; csrf: string; a: ManagedAppointment }) {
  const { frame, a } = props;
  const { t } = frame;
  return (
    <Layout frame={frame} title={t.manage.cancelTitle}>
      <h1 class="kern-heading-large">{t.manage.cancelQuestion}</h1>
      <Details frame={frame} a={a} />
      <Form action={a.urls.cancel.split('?')[0]} csrf={props.csrf}>
        <input type="hidden" name="token" value={a.token} />
        <div class="az-actions">
          <Button label={t.manage.cancelYes} />
          <a class="kern-link" href={a.urls.self}>{t.manage.cancelNo}</a>
        </div>
      </Form>
    </Layout>
  );
}

export function MovePage(props: { frame: PageFrame; csrf: string; a: ManagedAppointment; choice: TimeChoice }) {
  const { frame, a } = props;
  const { t } = frame;
  const w = splitInstant(a.startsAt);
  return (
    <Layout frame={frame} title={t.manage.moveTitle} hasErrors={props.choice.errors.length > 0} scripts={['times.js']}>
      <h1 class="kern-heading-large">{t.manage.moveHeading}</h1>
      <p class="kern-body">{t.calendar.current(formatDateTime(w.date, w.time, t))}. {t.manage.moveNote}</p>
      <TimeChooser frame={frame} csrf={props.csrf} choice={props.choice} />
      <p class="az-back"><a class="kern-link" href={a.urls.self}>{t.manage.back}</a></p>
    </Layout>
  );
}

/** The e-mail's confirmation link lands here (a page with a button: link scanners prefetch GET links). */
export function ConfirmPage(props: { frame: PageFrame; csrf: string; a: ManagedAppointment }) {
  const { frame, a } = props;
  const { t } = frame;
  return (
    <Layout frame={frame} title={t.done.pendingHeading}>
      <h1 class="kern-heading-large">{t.done.pendingHeading}</h1>
      <Details frame={frame} a={a} />
      <Form action={a.urls.confirm} csrf={props.csrf}>
        <input type="hidden" name="token" value={a.token} />
        <Button label={t.manage.confirm} />
      </Form>
    </Layout>
  );
}

/** `/termin/REF` without its token: where to find the link, or call. */
export function NoTokenPage(props: { frame: PageFrame }) {
  const { frame } = props;
  const { t } = frame;
  return (
    <Layout frame={frame} title={t.manage.title}>
      <h1 class="kern-heading-large">{t.manage.title}</h1>
      <p class="kern-body">{t.manage.noToken}</p>
      <ul class="kern-list">
        {frame.contacts.map((c) => (
          <li>{c.name}: <a class="kern-link" href={`tel:${c.phone.replace(/[^0-9+]/g, '')}`}>{c.phone}</a></li>
        ))}
      </ul>
    </Layout>
  );
}
