// One appointment for staff: details with what to bring, mails that could not
// be delivered, the counter actions (arrived, completed, no-show after the
// office's grace, undo on the day), cancelling on the citizen's behalf with a
// reason (refused without one: the field marked, the error summary first), and
// its history ("Verlauf").
import type { StaffAppointmentView } from '../../../app/staff/get-staff-appointment.ts';
import type { AppointmentHistory } from '../../../app/staff/list-appointment-history.ts';
import { auditTexts } from './audit-texts.ts';
import { LogEntry, tell } from './audit-entry.tsx';
import type { Attendance } from '../../../app/staff/record-attendance.ts';
import { Alert, ErrorSummary, ErrorText, SummaryList } from '../components.tsx';
import { texts } from '../texts.ts';
import { counterTexts } from './counter-texts.ts';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { CallSection } from './call-section.tsx';
import { callStatusOfHistory } from '../../../app/staff/call-status.ts';

export function AppointmentPage(props: {
  frame: StaffFrame; a: StaffAppointmentView; officeName: string; choices: Attendance[]; movable: boolean; notice?: string; error?: string;
  history?: AppointmentHistory;
  /** while the no-show's grace runs on the day: from when (`HH:MM`) it is possible */
  noShowFrom?: string;
  /** the cancellation form sent back: what was typed and what to fix */
  cancel?: { reason: string; error: string };
  /** the call box's form came back with a problem */
  callError?: 'result' | 'note';
}) {
  const { t, csrf, locale } = props.frame;
  const { a } = props;
  const c = counterTexts(locale);
  const cancelError = props.cancel?.error;
  const base = `/staff/termin/${encodeURIComponent(a.reference)}`;
  const [date, time] = [a.startsAt.slice(0, 10), a.startsAt.slice(11, 16)];
  const open = a.status === 'booked' || a.status === 'pending' || a.status === 'checked_in';
  const can = (s: Attendance) => props.choices.includes(s);
  const untouched = a.status === 'booked' || a.status === 'pending';
  // moved or cancelled by the office, and no e-mail address: someone must call
  const call = props.history ? callStatusOfHistory(props.history.entries, !!a.contact.email) : null;
  const action = (status: string, label: string, kind: 'primary' | 'secondary' = 'secondary') => (
    <form method="post" action={`${base}/status`}>
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="status" value={status} />
      <button type="submit" class={`kern-btn kern-btn--${kind}`}><span class="kern-label">{label}</span></button>
    </form>
  );
  return (
    <StaffLayout frame={props.frame} title={t.appt.title(a.reference)} hasErrors={!!props.error || !!props.callError || !!cancelError}>
      <h1 class="kern-heading-large">{t.appt.title(a.reference)}</h1>
      <ErrorSummary t={{ ...texts(locale), common: { ...texts(locale).common, errorSummary: t.errors.summary } }}
        errors={cancelError ? [{ id: 'reason', message: cancelError }] : []} />
      {props.error ? <Alert kind="danger" title={props.error} role="alert" /> : null}
      {props.notice ? <Alert kind="success" title={props.notice} role="status" /> : null}
      {a.conflict && open ? <Alert kind="danger" title={t.appt.conflict}><p class="kern-body">{t.dayView.conflictsText}</p></Alert> : null}
      {(a.undeliveredMails ?? []).map((m) => (
        <Alert kind="warning" title={t.appt.mailFailed(t.appt.mails[m.mail] ?? m.mail, m.why)}><p class="kern-body">{t.appt.mailFailedText}</p></Alert>
      ))}
      <SummaryList rows={[
        { key: t.appt.status, value: t.status[a.status] ?? a.status },
        { key: t.appt.when, value: `${date} ${time} (${a.durationMinutes} min)` },
        { key: t.appt.office, value: props.officeName },
        { key: t.appt.concerns, value: a.services.map((s) => (s.quantity > 1 ? `${s.quantity} × ${s.name}` : s.name)).join(', ') },
        { key: t.appt.contact, value: [a.contact.name, a.contact.email ?? t.appt.noEmail, a.contact.phone].filter(Boolean).join(', ') },
        { key: t.appt.channel, value: t.channel[a.channel] ?? a.channel },
      ]} />
      {call?.due ? (
        <CallSection frame={props.frame} reference={a.reference} name={a.contact.name} phone={a.contact.phone} call={call}
          tz={props.history!.timezone} error={props.callError} />
      ) : null}
      <h2 class="kern-heading-medium">{t.appt.bring}</h2>
      <ul class="kern-list">{a.documents.map((d) => <li>{d}</li>)}</ul>
      {props.choices.length > 0 || untouched ? (
        <>
          <h2 class="kern-heading-medium">{t.appt.actions}</h2>
          {props.choices.length > 0 ? (
            <div class="az-actions">
              {can('checked_in') ? action('checked_in', t.appt.checkIn, 'primary') : null}
              {can('completed') ? action('completed', t.appt.complete, untouched ? 'secondary' : 'primary') : null}
              {can('no_show') ? action('no_show', t.appt.noShow) : null}
              {can('booked') ? action('booked', a.status === 'no_show' ? c.undoNoShow : t.appt.undo) : null}
            </div>
          ) : null}
          {untouched && !can('checked_in') ? <p class="kern-body">{t.appt.onlyOnTheDay}</p> : null}
          {untouched && props.noShowFrom && !can('no_show') ? <p class="kern-body">{c.graceHint(props.noShowFrom)}</p> : null}
          {a.status === 'no_show' && can('booked') ? <p class="kern-body">{c.undoNoShowHint}</p> : null}
        </>
      ) : null}
      {open ? (
        <>
          {untouched ? (
            props.movable
              ? <p class="kern-body"><a class="kern-link" href={`${base}/verschieben`}>{t.move.link}</a></p>
              : <p class="kern-body">{t.move.concernGone}</p>
          ) : null}
          <h2 class="kern-heading-medium">{t.appt.cancel}</h2>
          <form method="post" action={`${base}/absagen`}>
            <input type="hidden" name="_csrf" value={csrf} />
            <div class={`kern-form-input${cancelError ? ' kern-form-input--error' : ''}`}>
              <label class="kern-label" for="reason">{t.appt.reason}</label>
              <ErrorText id="reason" message={cancelError} />
              <textarea class={`kern-form-input__input${cancelError ? ' kern-form-input__input--error' : ''}`} id="reason" name="reason" rows={3}
                maxlength={500} aria-invalid={cancelError ? 'true' : undefined} aria-describedby={cancelError ? 'reason-error' : undefined}>{props.cancel?.reason ?? ''}</textarea>
            </div>
            <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t.appt.cancel}</span></button>
          </form>
        </>
      ) : null}
      {props.history ? <History frame={props.frame} history={props.history} /> : null}
    </StaffLayout>
  );
}

/** Every change to the appointment, oldest first: when, who, what, the reason. */
function History(props: { frame: StaffFrame; history: AppointmentHistory }) {
  const { locale } = props.frame;
  const h = auditTexts(locale).history;
  const w = { locale, tz: props.history.timezone };
  return (
    <section aria-labelledby="verlauf" class="az-history">
      <h2 class="kern-heading-medium" id="verlauf">{h.title}</h2>
      {props.history.entries.length === 0 ? <p class="kern-body">{h.none}</p> : (
        <>
          <p class="kern-body">{h.intro}</p>
          <ol class="az-log">
            {props.history.entries.map((e) => <LogEntry at={e.at} who={e.who} told={tell({ action: e.action, details: e.change }, w, false)} w={w} />)}
          </ol>
        </>
      )}
    </section>
  );
}
