// Search appointments by reference, name or e-mail.
import type { StaffAppointmentView } from '../../../app/staff/get-staff-appointment.ts';
import { TextField } from '../components.tsx';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { shortDate } from './staff-dates.ts';

export function SearchPage(props: { frame: StaffFrame; query: string; results: StaffAppointmentView[] | null }) {
  const { t } = props.frame;
  return (
    <StaffLayout frame={props.frame} title={t.searchPage.title}>
      <h1 class="kern-heading-large">{t.searchPage.title}</h1>
      <form method="get" action="/staff/suche" role="search" class="az-filter">
        <TextField id="q" name="q" label={t.searchPage.query} value={props.query} spellcheck={false} />
        <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t.searchPage.submit}</span></button>
      </form>
      {props.results === null ? null : props.results.length === 0 ? <p class="kern-body" role="status">{t.searchPage.none}</p> : (
        <>
          <h2 class="kern-heading-medium">{t.searchPage.results}</h2>
          <ul class="kern-list">
            {props.results.map((a) => (
              <li>
                <a class="kern-link" href={`/staff/termin/${encodeURIComponent(a.reference)}`}>{a.reference}</a>{' '}
                {shortDate(a.startsAt.slice(0, 10), props.frame.locale)}, {a.startsAt.slice(11, 16)}, {a.contact.name}, {t.status[a.status] ?? a.status}
              </li>
            ))}
          </ul>
        </>
      )}
    </StaffLayout>
  );
}
