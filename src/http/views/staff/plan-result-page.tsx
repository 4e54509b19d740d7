// What became of the appointments a closure or block stranded: moved (to when),
// cancelled, or kept as a conflict (and why).
import type { OutcomeView } from '../../../app/staff/get-plan-outcome.ts';
import { Alert } from '../components.tsx';
import { plansTexts } from './plans-texts.ts';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';

export function PlanResultPage(props: { frame: StaffFrame; office: { id: string; name: string }; date: string; relaned: number; items: OutcomeView[] }) {
  const { t } = props.frame;
  const p = plansTexts(props.frame.locale);
  const title = `${p.result.title}: ${props.office.name}`;
  const label = (i: OutcomeView) =>
    i.outcome === 'moved' ? p.result.moved(`${i.date} ${i.time}`) : i.outcome === 'cancelled' ? p.result.cancelled
      : i.outcome === 'gone' ? p.result.gone : i.outcome === 'new' ? p.result.added : p.result.kept;
  const q = `office=${encodeURIComponent(props.office.id)}`;
  return (
    <StaffLayout frame={props.frame} title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      {props.relaned > 0 ? <Alert kind="info" title={p.result.relaned(props.relaned)} role="status" /> : null}
      {props.items.length === 0 ? <Alert kind="success" title={p.result.none} role="status" /> : (
        <div class="az-table-wrap" role="region" aria-label={p.result.title} tabindex={0}>
          <table class="kern-table az-table">
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">{t.dayView.reference}</th>
                <th class="kern-table__header" scope="col">{t.dayView.name}</th>
                <th class="kern-table__header" scope="col">{p.result.outcome}</th>
                <th class="kern-table__header" scope="col">{t.dayView.status}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {props.items.map((i) => (
                <tr class="kern-table__row">
                  <th class="kern-table__cell" scope="row"><a class="kern-link" href={`/staff/termin/${encodeURIComponent(i.reference)}`}>{i.reference}</a></th>
                  <td class="kern-table__cell">{i.name ?? '–'}</td>
                  <td class="kern-table__cell">{label(i)}</td>
                  <td class="kern-table__cell">{t.status[i.status] ?? i.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="kern-body">
        <a class="kern-link" href={`/staff?${q}&date=${props.date}`}>{p.result.back}</a> ·{' '}
        <a class="kern-link" href={`/staff/plaene?${q}`}>{p.result.list}</a>
      </p>
    </StaffLayout>
  );
}
