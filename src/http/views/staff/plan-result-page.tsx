// What became of the appointments a closure or block stranded: moved (to when),
// cancelled, or kept as a conflict (and why), and how each citizen is told:
// by e-mail, or, without an address, on the call list (also printable alone),
// where each call is ticked off (reached by whom and when, or not: try again).
import { onCallList, type OutcomeView } from '../../../app/staff/get-plan-outcome.ts';
import { reached } from '../../../domain/call-state.ts';
import { Alert, ErrorSummary } from '../components.tsx';
import { formatDateTime } from '../format.ts';
import { texts } from '../texts.ts';
import { plansTexts } from './plans-texts.ts';
import { callTexts } from './call-texts.ts';
import { CallForm, CallState, callErrorList, type CallProblem } from './call-tick.tsx';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { strandedTexts } from './stranded-texts.ts';

interface ResultProps {
  frame: StaffFrame; office: { id: string; name: string }; id: string; date: string; relaned: number; reason: string; items: OutcomeView[];
  /** the organization's time zone (when a call was recorded) */
  timezone: string;
  /** after a call was recorded: who, and whether reached */
  saved?: { name: string; reached: boolean };
  /** a call form sent back with a problem */
  problem?: CallProblem;
}

/** Moved or cancelled: the citizen must hear of it. */
const told = (i: OutcomeView) => i.outcome === 'moved' || i.outcome === 'cancelled';
/** Who must be called: told, but no e-mail address. */
export const toCall = (items: OutcomeView[]) => items.filter(onCallList);

/** The page's errors (a call form's problem) and the notice after recording a call. */
function Notices(props: ResultProps) {
  const { locale } = props.frame;
  const c = callTexts(locale);
  return (
    <>
      <ErrorSummary t={{ ...texts(locale), common: { ...texts(locale).common, errorSummary: props.frame.t.errors.summary } }} errors={callErrorList(props.problem)} />
      {props.saved ? <Alert kind="success" title={c.saved(props.saved.name || c.noName, props.saved.reached)} role="status" /> : null}
    </>
  );
}

function informed(frame: StaffFrame, i: OutcomeView): string {
  const p = plansTexts(frame.locale).result;
  if (!told(i)) return p.notTold;
  if (i.email) return p.byMail(i.email);
  return i.phone ? p.call(i.phone) : p.noContact;
}

export function PlanResultPage(props: ResultProps) {
  const { t } = props.frame;
  const p = plansTexts(props.frame.locale);
  const title = `${p.result.title}: ${props.office.name}`;
  const label = (i: OutcomeView) =>
    i.outcome === 'moved' ? p.result.moved(when(props.frame, i)) : i.outcome === 'cancelled' ? p.result.cancelled
      : i.outcome === 'gone' ? (i.picked ? strandedTexts(props.frame.locale).goneChosen : p.result.gone) : i.outcome === 'new' ? p.result.added : p.result.kept;
  const q = `office=${encodeURIComponent(props.office.id)}`;
  const calls = toCall(props.items);
  return (
    <StaffLayout frame={props.frame} title={title} hasErrors={!!props.problem}>
      <h1 class="kern-heading-large">{title}</h1>
      <Notices {...props} />
      {props.relaned > 0 ? <Alert kind="info" title={p.result.relaned(props.relaned)} role="status" /> : null}
      {props.items.length === 0 ? <Alert kind="success" title={p.result.none} role="status" /> : (
        <div class="az-table-wrap" role="region" aria-label={p.result.title} tabindex={0}>
          <table class="kern-table az-table">
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">{t.dayView.reference}</th>
                <th class="kern-table__header" scope="col">{t.dayView.name}</th>
                <th class="kern-table__header" scope="col">{p.result.outcome}</th>
                <th class="kern-table__header" scope="col">{p.result.informed}</th>
                <th class="kern-table__header" scope="col">{t.dayView.status}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {props.items.map((i) => (
                <tr class="kern-table__row">
                  <th class="kern-table__cell" scope="row"><a class="kern-link" href={`/staff/termin/${encodeURIComponent(i.reference)}`}>{i.reference}</a></th>
                  <td class="kern-table__cell">{i.name ?? '–'}</td>
                  <td class="kern-table__cell">{label(i)}</td>
                  <td class="kern-table__cell">{informed(props.frame, i)}</td>
                  <td class="kern-table__cell">{t.status[i.status] ?? i.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.items.some(told) ? (
        <section aria-labelledby="anrufliste">
          <h2 class="kern-heading-medium" id="anrufliste">{p.result.callList}</h2>
          {calls.length === 0 ? <p class="kern-body">{p.result.callListNone}</p> : (
            <>
              <CallListTable {...props} items={calls} back="ergebnis" />
              <p class="kern-body"><a class="kern-link" href={`/staff/plaene/anrufliste?${q}&id=${encodeURIComponent(props.id)}`}>{p.result.printCallList}</a></p>
            </>
          )}
        </section>
      ) : null}
      <p class="kern-body">
        <a class="kern-link" href={`/staff?${q}&date=${props.date}`}>{p.result.back}</a> ·{' '}
        <a class="kern-link" href={`/staff/plaene?${q}`}>{p.result.list}</a>
      </p>
    </StaffLayout>
  );
}

/** The call list alone, for printing. */
export function CallListPage(props: ResultProps) {
  const p = plansTexts(props.frame.locale);
  const title = `${p.result.callList}: ${props.office.name}`;
  const calls = toCall(props.items);
  return (
    <StaffLayout frame={props.frame} title={title} hasErrors={!!props.problem}>
      <h1 class="kern-heading-large">{title}</h1>
      <Notices {...props} />
      {calls.length === 0 ? <p class="kern-body">{p.result.callListNone}</p> : <CallListTable {...props} items={calls} back="anrufliste" />}
      <p class="kern-body az-noprint"><a class="kern-link" href={`/staff/plaene/ergebnis?office=${encodeURIComponent(props.office.id)}&id=${encodeURIComponent(props.id)}`}>{p.result.title}</a></p>
    </StaffLayout>
  );
}

/** A column's name before its value, shown only where the rows stack (narrow screens); screen readers read the table's headers. */
const Label = (props: { text: string }) => <span class="az-call-label" aria-hidden="true">{props.text}</span>;

/** The call list: who to call, the time before and now, and a tick-off per citizen (rows stack on narrow screens). */
function CallListTable(props: ResultProps & { back: 'ergebnis' | 'anrufliste' }) {
  const { t, locale } = props.frame;
  const p = plansTexts(locale).result;
  const c = callTexts(locale);
  const done = props.items.filter((i) => i.call && reached(i.call)).length;
  return (
    <>
      <p class="kern-body">{p.callListIntro}</p>
      {props.reason ? <p class="kern-body"><strong>{p.reason}:</strong> {props.reason}</p> : null}
      <p class="kern-body kern-body--bold" id="anruf-stand">{c.progress(done, props.items.length)}</p>
      <div class="az-table-wrap" role="region" aria-label={p.callList} tabindex={0}>
        <table class="kern-table az-table az-call-list">
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">{t.dayView.name}</th>
              <th class="kern-table__header" scope="col">{p.phone}</th>
              <th class="kern-table__header" scope="col">{t.dayView.reference}</th>
              <th class="kern-table__header" scope="col">{p.before}</th>
              <th class="kern-table__header" scope="col">{p.after}</th>
              <th class="kern-table__header" scope="col">{c.column}</th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {props.items.map((i) => (
              <tr class="kern-table__row" id={`anruf-${i.reference}`}>
                <th class="kern-table__cell" scope="row">{i.name ?? '–'}</th>
                <td class="kern-table__cell"><Label text={p.phone} /><span class="az-nowrap">{i.phone ?? p.noPhone}</span></td>
                <td class="kern-table__cell"><Label text={t.dayView.reference} />{i.reference}</td>
                <td class="kern-table__cell"><Label text={p.before} />{i.outcome === 'moved' ? (i.from ? formatDateTime(i.from.date, i.from.time, texts(props.frame.locale)) : '–') : when(props.frame, i)}</td>
                <td class="kern-table__cell"><Label text={p.after} />{i.outcome === 'moved' ? when(props.frame, i) : p.cancelled}</td>
                <td class="kern-table__cell az-call-cell">
                  <Label text={c.column} />
                  <CallState frame={props.frame} call={i.call} tz={props.timezone} />
                  <CallForm frame={props.frame} action="/staff/plaene/anrufliste" uid={i.reference} name={i.name ?? c.noName}
                    hidden={{ office: props.office.id, id: props.id, reference: i.reference, back: props.back }}
                    problem={props.problem?.reference === i.reference ? props.problem : undefined} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The appointment's current time in words. */
function when(frame: StaffFrame, i: OutcomeView): string {
  return formatDateTime(i.date, i.time, texts(frame.locale));
}
