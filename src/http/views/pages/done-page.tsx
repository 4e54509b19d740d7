// The confirmation: reference, date, time, office and address, what to bring,
// calendar file, print, the link to manage the appointment, and (once it is
// booked, not while it awaits confirmation) the QR code for the kiosk.
import { Layout, type PageFrame } from '../layout.tsx';
import { Alert, ButtonLink, SummaryList } from '../components.tsx';
import { CheckinCode } from '../checkin-code.tsx';
import { formatDateTime, splitInstant } from '../format.ts';

export function DonePage(props: {
  frame: PageFrame;
  reference: string;
  pending: boolean;
  /** show the kiosk check-in code (the appointment is booked) */
  checkin: boolean;
  startsAt: string;
  office: { name: string; address: string };
  concerns: { name: string; quantity: number }[];
  documents: string[];
  email: string;
  manageUrl: string;
  icsUrl: string;
}) {
  const { frame } = props;
  const { t } = frame;
  const w = splitInstant(props.startsAt);
  return (
    <Layout frame={frame} title={t.done.title} scripts={['print.js']}>
      <h1 class="kern-heading-large">{props.pending ? t.done.pendingHeading : t.done.heading}</h1>
      <Alert kind="success" title={`${t.done.reference}: ${props.reference}`} role="status" />
      {props.pending ? <p class="kern-body">{t.done.pendingText}</p> : null}
      <SummaryList
        rows={[
          { key: t.done.reference, value: <strong class="az-reference">{props.reference}</strong> },
          { key: t.review.when, value: formatDateTime(w.date, w.time, t) },
          { key: t.review.where, value: <>{props.office.name}<br />{props.office.address}</> },
          { key: t.review.concerns, value: <ul class="kern-list">{props.concerns.map((c) => <li>{c.quantity} × {c.name}</li>)}</ul> },
        ]}
      />
      <h2 class="kern-heading-small">{t.review.bring}</h2>
      <ul class="kern-list kern-list--bullet az-bring">
        {props.documents.map((d) => <li>{d}</li>)}
      </ul>
      {props.checkin ? <CheckinCode t={t} reference={props.reference} /> : null}
      <p class="kern-body">{t.done.emailSent(props.email)}</p>
      <div class="az-actions az-noprint">
        <ButtonLink href={props.icsUrl} label={t.done.ics} kind="secondary" download />
        <button type="button" class="kern-btn kern-btn--tertiary az-print" hidden>
          <span class="kern-label">{t.done.print}</span>
        </button>
      </div>
      <p class="kern-body kern-body--small az-noprint az-print-hint">{t.done.printHint}</p>
      <h2 class="kern-heading-small">{t.done.manage}</h2>
      <p class="kern-body">
        <a class="kern-link az-manage-link" href={props.manageUrl}>{t.done.manage}</a>
      </p>
      <p class="kern-body kern-body--small">{t.done.manageHint}</p>
      <p class="az-noprint"><a class="kern-link" href="/buchen/anliegen?neu=1">{t.done.newBooking}</a></p>
    </Layout>
  );
}
