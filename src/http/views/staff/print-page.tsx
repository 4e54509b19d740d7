// The printable day list of an office: time, reference, name, concerns and what to bring.
import type { DayView } from '../../../app/staff/get-day.ts';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { formatDate } from '../format.ts';
import { texts } from '../texts.ts';

export function PrintPage(props: { frame: StaffFrame; day: DayView }) {
  const { t } = props.frame;
  const { day } = props;
  const title = `${t.dayView.list}: ${day.office.name}, ${formatDate(day.date, texts(props.frame.locale))}`;
  return (
    <StaffLayout frame={props.frame} title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      {day.list.length === 0 ? <p class="kern-body">{t.dayView.none}</p> : (
        <table class="kern-table az-table">
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">{t.dayView.time}</th>
              <th class="kern-table__header" scope="col">{t.dayView.reference}</th>
              <th class="kern-table__header" scope="col">{t.dayView.name}</th>
              <th class="kern-table__header" scope="col">{t.dayView.concerns}</th>
              <th class="kern-table__header" scope="col">{t.appt.bring}</th>
              <th class="kern-table__header" scope="col">{t.dayView.status}</th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {day.list.map((i) => (
              <tr class="kern-table__row">
                <td class="kern-table__cell">{i.from}–{i.to} ({t.dayView.counter} {i.lane + 1})</td>
                <td class="kern-table__cell">{i.reference}</td>
                <td class="kern-table__cell">{i.name}</td>
                <td class="kern-table__cell">{i.services.join(', ')}</td>
                <td class="kern-table__cell">{i.documents.join(', ')}</td>
                <td class="kern-table__cell">{t.status[i.status] ?? i.status}{i.conflict ? ` – ${t.dayView.conflict}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffLayout>
  );
}
