// The counter view (/staff/schalter): the clerk's desk (kept in the URL),
// "call next" with the called number shown big, the actions on the ticket(s)
// called to this desk, recording a booked citizen's arrival, a walk-in ticket,
// the waiting list (names for booked citizens only) and the last calls.
// Plain forms: works without JavaScript. With it, the waiting list and the
// last calls (#az-queue) refresh themselves every 15 seconds (staff-refresh.js).
import type { QueueView } from '../../../app/queue/get-queue.ts';
import type { TicketView } from '../../../app/queue/queue-office.ts';
import { localTimeOf } from '../../../domain/time.ts';
import { Alert, ErrorText, SelectField, TextField, describedBy } from '../components.tsx';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { AdminErrorSummary, errorOf, type FormError } from './admin-parts.tsx';
import { deskTexts, type DeskTexts } from './desk-texts.ts';
import { RefreshBox } from './refresh-box.tsx';
import { staffTexts } from './staff-texts.ts';

/** How often the waiting list refreshes itself with JavaScript. */
export const QUEUE_REFRESH_SECONDS = 15;

export interface DeskNotice {
  kind: 'success' | 'info' | 'warning';
  text: string;
  /** a waiting number shown big (called, new ticket) */
  big?: string;
  hint?: string;
}

export interface DeskPageProps {
  frame: StaffFrame;
  offices: { id: string; name: string }[];
  queue: QueueView;
  tz: string;
  /** the chosen desk, if it is one of the office's */
  desk: string;
  services: { id: string; name: string; max: number }[];
  notice?: DeskNotice;
  errors: FormError[];
  reference?: string;
  quantities?: Record<string, string>;
  /** Local time of the data shown, HH:MM */
  asOf: string;
}

const time = (iso: string | null, tz: string) => (iso ? localTimeOf(Date.parse(iso), tz) : '');

export function DeskPage(props: DeskPageProps) {
  const { frame, queue, tz } = props;
  const d = deskTexts(frame.locale);
  const desk = queue.desks.find((x) => x.id === props.desk);
  const mine = [...queue.called, ...queue.serving].filter((t) => t.desk?.id === props.desk);
  const hidden = (
    <>
      <input type="hidden" name="_csrf" value={frame.csrf} />
      <input type="hidden" name="office" value={queue.office.id} />
      <input type="hidden" name="platz" value={props.desk} />
    </>
  );
  return (
    <StaffLayout frame={frame} title={`${d.title} – ${queue.office.name}`} hasErrors={props.errors.length > 0}>
      <div class="az-desk">
      <h1 class="kern-heading-large">{d.title} – {queue.office.name}{desk ? `, ${desk.name}` : ''}</h1>
      <AdminErrorSummary frame={frame} errors={props.errors} />
      {props.notice ? (
        <Alert kind={props.notice.kind} title={props.notice.text} role="status">
          {props.notice.big ? <p class="az-desk-big">{props.notice.big}</p> : null}
          {props.notice.hint ? <p class="kern-body">{props.notice.hint}</p> : null}
        </Alert>
      ) : null}

      <form method="get" action="/staff/schalter" class="az-filter">
        {props.offices.length > 1 ? (
          <SelectField id="office" name="office" label={d.office} value={queue.office.id} options={props.offices.map((o) => ({ value: o.id, label: o.name }))} />
        ) : <input type="hidden" name="office" value={queue.office.id} />}
        <SelectField id="platz" name="platz" label={d.desk} value={props.desk} error={errorOf(props.errors, 'platz')}
          options={[{ value: '', label: d.chooseDesk }, ...queue.desks.map((x) => ({ value: x.id, label: x.name }))]} />
        <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{d.show}</span></button>
      </form>
      <p class="kern-body"><a class="kern-link" href={`/aufruf/${encodeURIComponent(queue.office.id)}`}>{d.display}</a></p>

      {queue.desks.length === 0 ? <Alert kind="info" title={d.noDesks} /> : !desk ? <p class="kern-body">{d.pickDesk}</p> : (
        <>
          <form method="post" action="/staff/schalter/aufrufen" class="az-desk-call">
            {hidden}
            <button type="submit" class="kern-btn kern-btn--primary az-desk-callbtn"><span class="kern-label">{d.callNext}</span></button>
          </form>
          <h2 class="kern-heading-medium">{d.atDesk}</h2>
          {mine.length === 0 ? <p class="kern-body">{d.nobodyAtDesk}</p> : mine.map((tk) => (
            <CalledTicket d={d} t={tk} tz={tz} hidden={hidden} desks={queue.desks.filter((x) => x.id !== props.desk)} error={errorOf(props.errors, `ziel-${tk.number}`)} />
          ))}
        </>
      )}

      <h2 class="kern-heading-medium" id="ankunft-titel">{d.arrival}</h2>
      <form method="post" action="/staff/schalter/ankunft" novalidate aria-labelledby="ankunft-titel">
        {hidden}
        <TextField id="referenz" name="referenz" label={d.reference} hint={d.arrivalHint} value={props.reference}
          error={errorOf(props.errors, 'referenz')} autocomplete="off" spellcheck={false} />
        <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{d.checkIn}</span></button>
      </form>

      <h2 class="kern-heading-medium" id="vorsprache-titel">{d.walkIn}</h2>
      {!queue.walkIns ? <p class="kern-body">{d.walkInsOff}</p> : (
        <form method="post" action="/staff/schalter/wartemarke" novalidate aria-labelledby="vorsprache-titel">
          {hidden}
          <fieldset class="kern-fieldset" id="anliegen" aria-describedby={describedBy('anliegen', d.walkInHint, errorOf(props.errors, 'anliegen'))}>
            <legend class="kern-label">{d.colConcerns}</legend>
            <div class="kern-hint" id="anliegen-hint">{d.walkInHint}</div>
            <ErrorText id="anliegen" message={errorOf(props.errors, 'anliegen')} />
            {props.services.map((s) => (
              <div class="kern-form-input az-qty-row">
                <label class="kern-label" for={`q_${s.id}`}>{d.quantity(s.name)}</label>
                <input class="kern-form-input__input az-qty" id={`q_${s.id}`} name={`q_${s.id}`} type="number" min="0" max={String(s.max)}
                  inputmode="numeric" value={props.quantities?.[s.id] ?? '0'} />
              </div>
            ))}
          </fieldset>
          <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{d.giveTicket}</span></button>
        </form>
      )}

      <RefreshBox t={staffTexts(frame.locale).dayView} every={d.refreshEvery} failed={d.refreshFailed} refreshed={d.refreshed}
        region="az-queue" seconds={QUEUE_REFRESH_SECONDS} asOf={props.asOf}
        reloadHref={`/staff/schalter?office=${encodeURIComponent(queue.office.id)}&platz=${encodeURIComponent(props.desk)}`} />
      <div id="az-queue">
      <h2 class="kern-heading-medium" id="wartend-titel">{d.waiting(queue.waiting.length)}</h2>
      {queue.waiting.length === 0 ? <p class="kern-body">{d.nobodyWaiting}</p> : (
        <div class="az-table-wrap">
          <table class="kern-table az-table az-desk-waiting" aria-labelledby="wartend-titel">
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                {[d.colNumber, d.colSince, d.colConcerns, d.colBooked, d.colName, d.colWait].map((h) => <th class="kern-table__header" scope="col">{h}</th>)}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {queue.waiting.map((w) => (
                <tr class="kern-table__row">
                  <th class="kern-table__header" scope="row">{w.number}{w.status === 'deferred' ? ` (${d.deferred})` : ''}</th>
                  <td class="kern-table__cell">{time(w.arrivedAt, tz)}</td>
                  <td class="kern-table__cell">{concerns(w)}</td>
                  <td class="kern-table__cell">{w.startsAt ? time(w.startsAt, tz) : d.walkInKind}</td>
                  <td class="kern-table__cell">{w.kind === 'appointment' ? (w.name ?? '') : ''}</td>
                  <td class="kern-table__cell">{d.minutes(w.estimatedWaitMinutes ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 class="kern-heading-medium" id="aufrufe-titel">{d.lastCalls}</h2>
      {queue.lastCalls.length === 0 ? <p class="kern-body">{d.noCalls}</p> : (
        <table class="kern-table az-table az-desk-calls" aria-labelledby="aufrufe-titel">
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              {[d.colNumber, d.colDesk, d.colTime].map((h) => <th class="kern-table__header" scope="col">{h}</th>)}
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {queue.lastCalls.map((c) => (
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="row">{c.number}</th>
                <td class="kern-table__cell">{c.desk?.name ?? ''}</td>
                <td class="kern-table__cell">{time(c.calledAt, tz)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      </div>
      </div>
    </StaffLayout>
  );
}

function concerns(t: TicketView): string {
  return t.concerns.map((c) => `${c.quantity} × ${c.name}`).join(', ');
}

function CalledTicket(props: { d: DeskTexts; t: TicketView; tz: string; hidden: unknown; desks: { id: string; name: string }[]; error?: string }) {
  const { d, t } = props;
  const button = (action: string, label: string, kind = 'secondary') => (
    <button type="submit" name="aktion" value={action} class={`kern-btn kern-btn--${kind}`}><span class="kern-label">{label}</span></button>
  );
  return (
    <section class="az-desk-ticket" aria-labelledby={`nr-${t.number}`}>
      <p class="az-desk-big" id={`nr-${t.number}`}>{t.number}</p>
      <p class="kern-body">
        {t.status === 'serving' ? `${d.statusServing} – ` : ''}{d.calledAt(time(t.calledAt, props.tz), t.calls)}
        {t.kind === 'appointment' && t.name ? ` – ${t.name}` : ''}{t.startsAt ? ` (${d.colBooked} ${time(t.startsAt, props.tz)})` : ''}
      </p>
      <p class="kern-body">{concerns(t)}</p>
      <form method="post" action="/staff/schalter/aktion" aria-label={d.actionsFor(t.number)}>
        {props.hidden as never}
        <input type="hidden" name="nummer" value={t.number} />
        <div class="az-actions">
          {t.status === 'called' ? button('recall', d.recall) : null}
          {t.status === 'called' ? button('start', d.start, 'primary') : null}
          {button('finish', d.finish, t.status === 'serving' ? 'primary' : 'secondary')}
          {t.status === 'called' ? button('no-show', d.noShow) : null}
          {button('defer', d.defer)}
        </div>
        {props.desks.length > 0 ? (
          <div class="az-filter">
            <SelectField id={`ziel-${t.number}`} name="ziel" label={d.transferTo(t.number)} error={props.error}
              options={props.desks.map((x) => ({ value: x.id, label: x.name }))} />
            {button('transfer', d.transfer)}
          </div>
        ) : null}
      </form>
    </section>
  );
}
