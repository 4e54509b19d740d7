// The day view of one office: conflicts first, a timeline per counter lane
// (appointments, holds, free gaps, periods taken away by blocks and closures)
// and the day's list as a table (cancelled appointments greyed, unless hidden).
// The day's content is one region (#az-day) that /static/staff-refresh.js fetches
// afresh every minute; its controls ("Stand: 09:14", pause) sit above it.
import type { Child } from 'hono/jsx';
import type { DayItem, DayView, LaneBlocked } from '../../../app/staff/get-day.ts';
import { Alert, ErrorText, SelectField } from '../components.tsx';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { DayPlans } from './day-plans.tsx';
import { UndoNoShow } from './undo-no-show.tsx';
import { plansTexts } from './plans-texts.ts';
import { formatDate } from '../format.ts';
import { texts } from '../texts.ts';
import type { Block, Closure } from '../../../domain/types.ts';
import { RefreshBox } from './refresh-box.tsx';

const apptUrl = (ref: string) => `/staff/termin/${encodeURIComponent(ref)}`;

export function DayPage(props: {
  frame: StaffFrame; day: DayView; offices: { id: string; name: string }[]; prev: string; next: string; canExport: boolean; closedNote?: string;
  plans?: { closures: Closure[]; blocks: Block[] }; badDate?: string;
  /** the time of this answer in the organization's zone ("09:14") */
  asOf: string;
  /** whether cancelled appointments are listed (`?abgesagte=nein` hides them) */
  showCancelled: boolean;
  /** this day's address with cancelled appointments shown, and hidden */
  cancelledLinks: { show: string; hide: string };
  /** the day shown is today: a no-show can still be undone in its row */
  undoNoShow?: boolean;
}) {
  const { t } = props.frame;
  const { day } = props;
  const title = `${t.day}: ${day.office.name}, ${formatDate(day.date, texts(props.frame.locale))}`;
  const conflicts = day.list.filter((i) => i.conflict);
  const rows = props.showCancelled ? [...day.list, ...day.cancelled].sort((a, b) => a.from.localeCompare(b.from)) : day.list;
  const labels = [t.dayView.time, t.dayView.reference, t.dayView.name, t.dayView.concerns, t.dayView.counter, t.dayView.status];
  return (
    <StaffLayout frame={props.frame} title={title} hasErrors={!!props.badDate}>
      <h1 class="kern-heading-large">{title}</h1>
      {props.badDate ? <Alert kind="warning" title={t.dayView.badDate(props.badDate)} role="alert" /> : null}
      <form method="get" action="/staff" class="az-filter">
        <SelectField id="office" name="office" label={t.dayView.office} value={day.office.id} options={props.offices.map((o) => ({ value: o.id, label: o.name }))} />
        <div class={`kern-form-input${props.badDate ? ' kern-form-input--error' : ''}`}>
          <label class="kern-label" for="date">{t.dayView.date}</label>
          <ErrorText id="date" message={props.badDate ? t.dayView.dateInvalid : undefined} />
          <input class={`kern-form-input__input${props.badDate ? ' kern-form-input__input--error' : ''}`} id="date" name="date" type="date" value={day.date}
            aria-describedby={props.badDate ? 'date-error' : undefined} aria-invalid={props.badDate ? 'true' : undefined} />
        </div>
        {props.showCancelled ? null : <input type="hidden" name="abgesagte" value="nein" />}
        <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t.dayView.show}</span></button>
      </form>
      <p class="kern-body">
        <a class="kern-link" href={props.prev}>{t.dayView.prev}</a> · <a class="kern-link" href={props.next}>{t.dayView.next}</a> ·{' '}
        <a class="kern-link" href={`/staff/druck?office=${encodeURIComponent(day.office.id)}&date=${day.date}`}>{t.dayView.print}</a>
        {props.canExport ? (
          <>
            {' · '}<a class="kern-link" href={`/staff/export.csv?office=${encodeURIComponent(day.office.id)}&from=${day.date}&to=${day.date}`}>{t.dayView.csv}</a>
            {' · '}<a class="kern-link" href={`/staff/export?office=${encodeURIComponent(day.office.id)}&from=${day.date}&to=${day.date}`}>{t.dayView.exportRange}</a>
            {' · '}<a class="kern-link" href={`/staff/schliessen?office=${encodeURIComponent(day.office.id)}&from=${day.date}`}>{t.closure.link}</a>
            {' · '}<a class="kern-link" href={`/staff/sperren?office=${encodeURIComponent(day.office.id)}&from=${day.date}`}>{plansTexts(props.frame.locale).block.link}</a>
            {' · '}<a class="kern-link" href={`/staff/plaene?office=${encodeURIComponent(day.office.id)}`}>{plansTexts(props.frame.locale).list.link}</a>
          </>
        ) : null}
      </p>
      <RefreshBox t={t.dayView} every={t.dayView.refreshEvery} failed={t.dayView.refreshFailed} refreshed={t.dayView.refreshed}
        region="az-day" seconds={60} asOf={props.asOf} reloadHref={props.showCancelled ? props.cancelledLinks.show : props.cancelledLinks.hide} />
      <div id="az-day" class="az-dayview">
      {conflicts.length > 0 ? (
        <Alert kind="danger" title={t.dayView.conflicts(conflicts.length)} role="alert">
          <p class="kern-body">{t.dayView.conflictsText}</p>
          <ul class="kern-list">
            {conflicts.map((c) => (
              <li><a class="kern-link" href={apptUrl(c.reference ?? '')}>{c.from} {c.reference} {c.name}</a></li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {props.closedNote ? <Alert kind="success" title={props.closedNote} role="status" /> : null}
      {props.plans ? <DayPlans locale={props.frame.locale} plans={props.plans} /> : null}
      {day.holiday ? (
        <Alert kind="info" title={t.dayView.holiday(day.holiday)}>
          <p class="kern-body">{day.closed ? t.dayView.closed : t.dayView.holidayOpen}</p>
        </Alert>
      ) : day.closed ? <Alert kind="info" title={t.dayView.closed} /> : null}

      <h2 class="kern-heading-medium">{t.dayView.list}</h2>
      {day.cancelled.length > 0 ? (
        <p class="kern-body">
          {props.showCancelled
            ? <a class="kern-link" href={props.cancelledLinks.hide}>{t.dayView.hideCancelled(day.cancelled.length)}</a>
            : <a class="kern-link" href={props.cancelledLinks.show}>{t.dayView.showCancelled(day.cancelled.length)}</a>}
        </p>
      ) : null}
      {rows.length === 0 ? <p class="kern-body">{t.dayView.none}</p> : (
        <div class="az-table-wrap az-day-table-wrap" role="region" aria-label={t.dayView.list} tabindex={0}>
        <table class="kern-table az-table az-day-table" role="table">
          <thead class="kern-table__head" role="rowgroup">
            <tr class="kern-table__row" role="row">
              {labels.map((l) => <th class="kern-table__header" scope="col" role="columnheader">{l}</th>)}
            </tr>
          </thead>
          <tbody class="kern-table__body" role="rowgroup">
            {rows.map((i) => {
              const cancelled = i.status === 'cancelled';
              return (
                <tr class={`kern-table__row${cancelled ? ' az-row--cancelled' : ''}`} role="row">
                  <Cell label={labels[0]}>{i.from}–{i.to}</Cell>
                  <Cell label={labels[1]}><a class="kern-link" href={apptUrl(i.reference ?? '')}>{i.reference}</a></Cell>
                  <Cell label={labels[2]}>{i.name}</Cell>
                  <Cell label={labels[3]}>{i.services.join(', ')}</Cell>
                  <Cell label={labels[4]}>{cancelled ? '–' : i.lane + 1}</Cell>
                  <Cell label={labels[5]}>
                    {cancelled
                      ? <strong>{t.dayView.cancelledBy[i.cancelledBy ?? 'other'] ?? t.dayView.cancelledBy.other}</strong>
                      : (t.status[i.status] ?? i.status)}{' '}({t.channel[i.channel]})
                    {i.conflict && !cancelled ? <strong> – {t.dayView.conflict}</strong> : null}
                    {i.status === 'no_show' && props.undoNoShow && i.reference ? <UndoNoShow frame={props.frame} reference={i.reference} name={i.name} /> : null}
                  </Cell>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      )}

      <h2 class="kern-heading-medium">{t.dayView.timeline}</h2>
      <div class="az-lanes">
        {day.lanes.map((l) => (
          <section class="az-lane" aria-labelledby={`lane-${l.lane}`}>
            <h3 class="kern-heading-small" id={`lane-${l.lane}`}>{t.dayView.lane(l.lane + 1)}</h3>
            <ol>
              {merge(l.items, l.free, l.blocked).map((e) =>
                e.kind === 'free' ? (
                  <li class="az-slot az-slot--free">{e.from}–{e.to}: {t.dayView.free}</li>
                ) : e.kind === 'blocked' ? (
                  <li class={`az-slot az-slot--blocked${e.blocked.kind === 'closure' ? ' az-slot--closed' : ''}`}>
                    {e.from}–{e.blocked.to}: {e.blocked.kind === 'closure' ? t.dayView.closedPart(e.blocked.reason) : t.dayView.blocked(e.blocked.reason)}
                  </li>
                ) : e.item.kind === 'hold' ? (
                  <li class="az-slot az-slot--hold">{e.item.from}–{e.item.to}: {t.dayView.hold}</li>
                ) : (
                  <li class={`az-slot${e.item.conflict ? ' az-slot--conflict' : ''}${['completed', 'no_show'].includes(e.item.status) ? ' az-slot--done' : ''}`}>
                    {e.item.from}–{e.item.to}:{' '}
                    <a class="kern-link" href={apptUrl(e.item.reference ?? '')}>{e.item.name ?? e.item.reference}</a>{' '}
                    ({t.status[e.item.status] ?? e.item.status}{e.item.conflict ? `, ${t.dayView.conflict}` : ''})
                  </li>
                ),
              )}
            </ol>
          </section>
        ))}
      </div>
      </div>
    </StaffLayout>
  );
}

/** A cell of the day's list; under 40rem the rows stack and each cell shows its column's name (hidden from screen readers, which have the header). */
function Cell(props: { label: string; children: Child }) {
  return (
    <td class="kern-table__cell" role="cell">
      <span class="az-cell-label" aria-hidden="true">{props.label}</span>
      <span class="az-cell-value">{props.children}</span>
    </td>
  );
}

type Entry = { kind: 'free'; from: string; to: string } | { kind: 'item'; from: string; item: DayItem } | { kind: 'blocked'; from: string; blocked: LaneBlocked };
function merge(items: DayItem[], free: { from: string; to: string }[], blocked: LaneBlocked[]): Entry[] {
  const all: Entry[] = [
    ...items.map((item) => ({ kind: 'item' as const, from: item.from, item })),
    ...free.map((f) => ({ kind: 'free' as const, ...f })),
    ...blocked.map((b) => ({ kind: 'blocked' as const, from: b.from, blocked: b })),
  ];
  return all.sort((a, b) => a.from.localeCompare(b.from));
}
