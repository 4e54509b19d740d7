// Step 4: everything on one page, "change" links to each step, the combined
// list of what to bring and the fees; or, when the held time was lost, the
// nearest alternatives without asking for the data again.
import { Layout, type PageFrame } from '../layout.tsx';
import { Alert, Button, Form, HoldNote, SummaryList } from '../components.tsx';
import { formatDateTime, splitInstant } from '../format.ts';
import type { SlotTime } from '../../../app/slot-time.ts';
import { HelpDetails } from './help.tsx';

export interface ReviewData {
  concerns: { name: string; quantity: number; fee: string | null }[];
  durationMinutes: number;
  office: { name: string; address: string };
  startsAt: string;
  expiresAt: string | null;
  remainingSeconds: number;
  contact: { name: string; email: string; phone: string };
  documents: string[];
}

export function ReviewPage(props: {
  frame: PageFrame;
  csrf: string;
  data: ReviewData;
  lost?: { startsAt: string; alternatives: SlotTime[] };
  limitReached?: boolean;
}) {
  const { frame, data } = props;
  const { t } = frame;
  const when = splitInstant(data.startsAt);
  return (
    <Layout frame={frame} title={props.lost ? t.review.lostHeading : t.review.title} step={4} hasErrors={!!props.limitReached} scripts={['hold.js']}>
      {props.lost ? <LostTime frame={frame} csrf={props.csrf} lost={props.lost} /> : null}
      {props.limitReached ? <Alert kind="danger" role="alert" title={t.review.limit} /> : null}
      <h1 class="kern-heading-large">{t.review.heading}</h1>
      <HelpDetails summary={t.help.summary} paragraphs={t.help.review} id="hilfe-schritt" />
      <SummaryList
        rows={[
          {
            key: t.review.concerns,
            value: (
              <>
                <ul class="kern-list">
                  {data.concerns.map((c) => <li>{c.quantity} × {c.name}</li>)}
                </ul>
                <p class="kern-body kern-body--small">{t.calendar.duration(data.durationMinutes)}</p>
              </>
            ),
            change: { href: '/buchen/anliegen', label: t.review.changeConcerns, visible: t.common.change },
          },
          {
            key: t.review.when,
            value: props.lost ? <s>{formatDateTime(when.date, when.time, t)}</s> : (
              <>
                {formatDateTime(when.date, when.time, t)}
                {data.expiresAt ? <p class="kern-body kern-body--small az-held">{t.calendar.held(splitInstant(data.expiresAt).time)}</p> : null}
              </>
            ),
            change: { href: '/buchen/termin', label: t.review.changeWhen, visible: t.common.change },
          },
          { key: t.review.where, value: <>{data.office.name}<br />{data.office.address}</> },
          {
            key: t.review.contact,
            value: (
              <>
                {data.contact.name}<br />{data.contact.email}
                {data.contact.phone ? <><br />{data.contact.phone}</> : null}
              </>
            ),
            change: { href: '/buchen/kontakt', label: t.review.changeContact, visible: t.common.change },
          },
          {
            key: t.review.fees,
            value: (
              <ul class="kern-list">
                {data.concerns.map((c) => <li>{c.name}: {c.fee ?? t.review.feeNone}</li>)}
              </ul>
            ),
          },
        ]}
      />
      <h2 class="kern-heading-small">{t.review.bring}</h2>
      <ul class="kern-list kern-list--bullet az-bring">
        {data.documents.map((d) => <li>{d}</li>)}
      </ul>
      {props.lost || !data.expiresAt ? null : (
        <HoldNote t={t} when={formatDateTime(when.date, when.time, t)} until={splitInstant(data.expiresAt).time}
          remainingSeconds={data.remainingSeconds} csrf={props.csrf} back="pruefen" />
      )}
      {props.lost ? null : (
        <Form action="/buchen/pruefen" csrf={props.csrf}>
          <p class="kern-body">{t.review.note}</p>
          <Button label={t.review.submit} id="buchen" />
        </Form>
      )}
    </Layout>
  );
}

function LostTime(props: { frame: PageFrame; csrf: string; lost: { startsAt: string; alternatives: SlotTime[] } }) {
  const { t } = props.frame;
  const w = splitInstant(props.lost.startsAt);
  return (
    <section class="kern-alert kern-alert--warning az-lost" role="alert" aria-labelledby="verloren-titel">
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--warning" aria-hidden="true"></span>
        <h2 class="kern-title" id="verloren-titel">{t.review.lostHeading}</h2>
      </div>
      <div class="kern-alert__body">
        {props.lost.alternatives.length > 0 ? (
          <Form action="/buchen/termin" csrf={props.csrf}>
            <fieldset class="kern-fieldset">
              <legend class="kern-body">{t.review.lostText(formatDateTime(w.date, w.time, t))}</legend>
              <div class="kern-fieldset__body">
                {props.lost.alternatives.map((a, i) => (
                  <div class="kern-form-check">
                    <input class="kern-form-check__radio" type="radio" id={`alt-${i}`} name="startsAt" value={a.startsAt} checked={i === 0} />
                    <label class="kern-label" for={`alt-${i}`}>{formatDateTime(a.date, a.time, t)}</label>
                  </div>
                ))}
              </div>
            </fieldset>
            <Button label={t.review.lostTake} />
          </Form>
        ) : (
          <p class="kern-body">{t.review.lostNone}</p>
        )}
        <p class="kern-body"><a class="kern-link" href="/buchen/termin">{t.review.lostCalendar}</a></p>
      </div>
    </section>
  );
}
