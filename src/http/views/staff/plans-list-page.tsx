// The upcoming closures and blocks of an office, each with a remove button
// (which leads to a confirmation page).
import type { PlanEntry } from '../../../app/staff/list-plans.ts';
import { Alert } from '../components.tsx';
import { plansTexts, type PlansTexts } from './plans-texts.ts';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { shortDateRange } from './staff-dates.ts';
import type { Locale } from '../../../domain/types.ts';

function when(e: PlanEntry, p: PlansTexts, locale: Locale) {
  return { days: shortDateRange(e.from, e.to, locale), times: e.fromTime ? `${e.fromTime}–${e.toTime}` : p.list.wholeDay };
}

/** A table named by the heading above it (`labelledBy`), so the name shows once. */
function Table(props: { p: PlansTexts; locale: Locale; office: string; entries: PlanEntry[]; labelledBy: string; blocks: boolean }) {
  const { p } = props;
  return (
    <div class="az-table-wrap" role="region" aria-labelledby={props.labelledBy} tabindex={0}>
      <table class="kern-table az-table" aria-labelledby={props.labelledBy}>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">{p.list.days}</th>
            <th class="kern-table__header" scope="col">{p.list.times}</th>
            {props.blocks ? <th class="kern-table__header" scope="col">{p.list.counters}</th> : null}
            <th class="kern-table__header" scope="col">{p.list.reason}</th>
            <th class="kern-table__header" scope="col">{p.list.action}</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {props.entries.map((e) => {
            const w = when(e, p, props.locale);
            const what = `${e.kind === 'block' ? p.list.block : p.list.closure} ${w.days} ${w.times}`;
            const href = `/staff/plaene/entfernen?office=${encodeURIComponent(props.office)}&kind=${e.kind}&key=${encodeURIComponent(e.key)}`;
            return (
              <tr class="kern-table__row">
                <th class="kern-table__cell" scope="row">{w.days}</th>
                <td class="kern-table__cell">{w.times}</td>
                {props.blocks ? <td class="kern-table__cell">{e.counters}</td> : null}
                <td class="kern-table__cell">{e.reason ?? '–'}</td>
                <td class="kern-table__cell"><a class="kern-link" href={href}>{p.list.remove}<span class="kern-sr-only">: {what}</span></a></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function PlansListPage(props: {
  frame: StaffFrame; office: { id: string; name: string }; closures: PlanEntry[]; blocks: PlanEntry[]; removed: boolean;
}) {
  const p = plansTexts(props.frame.locale);
  const title = `${p.list.title}: ${props.office.name}`;
  const q = `office=${encodeURIComponent(props.office.id)}`;
  return (
    <StaffLayout frame={props.frame} title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      {props.removed ? <Alert kind="success" title={p.list.removed} role="status" /> : null}
      <p class="kern-body">
        <a class="kern-link" href={`/staff/sperren?${q}`}>{p.block.link}</a> ·{' '}
        <a class="kern-link" href={`/staff/schliessen?${q}`}>{props.frame.t.closure.link}</a> ·{' '}
        <a class="kern-link" href={`/staff?${q}`}>{p.result.back}</a>
      </p>
      <h2 class="kern-heading-medium" id="closures">{p.list.closures}</h2>
      {props.closures.length === 0 ? <p class="kern-body">{p.list.noneClosures}</p>
        : <Table p={p} locale={props.frame.locale} office={props.office.id} entries={props.closures} labelledBy="closures" blocks={false} />}
      <h2 class="kern-heading-medium" id="blocks">{p.list.blocks}</h2>
      {props.blocks.length === 0 ? <p class="kern-body">{p.list.noneBlocks}</p>
        : <Table p={p} locale={props.frame.locale} office={props.office.id} entries={props.blocks} labelledBy="blocks" blocks={true} />}
    </StaffLayout>
  );
}

export function PlanRemovePage(props: { frame: StaffFrame; office: { id: string; name: string }; entry: PlanEntry }) {
  const p = plansTexts(props.frame.locale);
  const e = props.entry;
  const w = when(e, p, props.frame.locale);
  return (
    <StaffLayout frame={props.frame} title={p.list.confirmTitle}>
      <h1 class="kern-heading-large">{p.list.confirmTitle}</h1>
      <p class="kern-body">
        {props.office.name}: {e.kind === 'block' ? p.list.block : p.list.closure} {w.days}, {w.times}
        {e.counters ? `, ${p.block.summary(e.counters)}` : ''}{e.reason ? `: ${e.reason}` : ''}
      </p>
      <p class="kern-body">{p.list.confirmText}</p>
      <form method="post" action="/staff/plaene/entfernen" class="az-actions">
        <input type="hidden" name="_csrf" value={props.frame.csrf} />
        <input type="hidden" name="office" value={props.office.id} />
        <input type="hidden" name="kind" value={e.kind} />
        <input type="hidden" name="key" value={e.key} />
        <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{p.list.confirm}</span></button>
        <a class="kern-btn kern-btn--secondary" href={`/staff/plaene?office=${encodeURIComponent(props.office.id)}`}><span class="kern-label">{p.list.cancel}</span></a>
      </form>
    </StaffLayout>
  );
}
