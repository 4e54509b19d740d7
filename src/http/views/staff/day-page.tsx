// The day view of one office: conflicts first, a timeline per counter lane
// (appointments, holds, free gaps) and the day's list as a table.
import type { DayItem, DayView } from '../../../app/staff/get-day.ts';
import { Alert, ErrorText, SelectField } from '../components.tsx';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { DayPlans } from './day-plans.tsx';
import { plansTexts } from './plans-texts.ts';
import type { Block, Closure } from '../../../domain/types.ts';

const apptUrl = (ref: string) => `/staff/termin/${encodeURIComponent(ref)}`;

export function DayPage(props: {
  frame: StaffFrame; day: DayView; offices: { id: string; name: string }[]; prev: string; next: string; canExport: boolean; closedNote?: string;
  plans?: { closures: Closure[]; blocks: Block[] }; badDate?: string;
}) {
  const { t } = props.frame;
  const { day } = props;
  const title = `${t.day}: ${day.office.name}, ${day.date}`;
  const conflicts = day.list.filter((i) => i.conflict);
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
      {day.closed ? <Alert kind="info" title={t.dayView.closed} /> : null}

      <h2 class="kern-heading-medium">{t.dayView.list}</h2>
      {day.list.length === 0 ? <p class="kern-body">{t.dayView.none}</p> : (
        <div class="az-table-wrap" role="region" aria-label={t.dayView.list} tabindex={0}>
        <table class="kern-table az-table">
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">{t.dayView.time}</th>
              <th class="kern-table__header" scope="col">{t.dayView.reference}</th>
              <th class="kern-table__header" scope="col">{t.dayView.name}</th>
              <th class="kern-table__header" scope="col">{t.dayView.concerns}</th>
              <th class="kern-table__header" scope="col">{t.dayView.counter}</th>
              <th class="kern-table__header" scope="col">{t.dayView.status}</th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {day.list.map((i) => (
              <tr class="kern-table__row">
                <td class="kern-table__cell">{i.from}–{i.to}</td>
                <td class="kern-table__cell"><a class="kern-link" href={apptUrl(i.reference ?? '')}>{i.reference}</a></td>
                <td class="kern-table__cell">{i.name}</td>
                <td class="kern-table__cell">{i.services.join(', ')}</td>
                <td class="kern-table__cell">{i.lane + 1}</td>
                <td class="kern-table__cell">
                  {t.status[i.status] ?? i.status} ({t.channel[i.channel]})
                  {i.conflict ? <strong> – {t.dayView.conflict}</strong> : null}
                </td>
              </tr>
            ))}
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
              {merge(l.items, l.free).map((e) =>
                e.kind === 'free' ? (
                  <li class="az-slot az-slot--free">{e.from}–{e.to}: {t.dayView.free}</li>
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
    </StaffLayout>
  );
}

type Entry = { kind: 'free'; from: string; to: string } | { kind: 'item'; from: string; item: DayItem };
function merge(items: DayItem[], free: { from: string; to: string }[]): Entry[] {
  const all: Entry[] = [...items.map((item) => ({ kind: 'item' as const, from: item.from, item })), ...free.map((f) => ({ kind: 'free' as const, ...f }))];
  return all.sort((a, b) => a.from.localeCompare(b.from));
}
