// The start page: the city, its offices with address and opening hours, "Termin buchen".
import { Layout, type PageFrame } from '../layout.tsx';
import { ButtonLink } from '../components.tsx';

export interface OfficeCard {
  id: string;
  name: string;
  address: string;
  phone: string;
  email: string;
  /** one line per weekday with hours: [weekday name, "08:00–12:00, 13:00–18:00"] */
  hours: [string, string][];
}

export function StartPage(props: { frame: PageFrame; offices: OfficeCard[]; resume: boolean }) {
  const { frame } = props;
  const { t } = frame;
  return (
    <Layout frame={frame} title={t.start.book}>
      <h1 class="kern-heading-large">{t.start.heading(frame.city)}</h1>
      <p class="kern-body kern-body--large">{t.start.intro}</p>
      <p class="az-actions">
        <ButtonLink href="/buchen/anliegen" label={t.start.book} />
        {props.resume ? <a class="kern-link" href="/buchen/pruefen">{t.start.resume}</a> : null}
      </p>
      <section class="az-section" aria-labelledby="assistent">
        <h2 class="kern-heading-small" id="assistent">{t.start.assistantHeading}</h2>
        <p class="kern-body">{t.start.assistantText}</p>
        <p><ButtonLink href="/buchen/assistent" label={t.assistant.startLink} kind="secondary" /></p>
      </section>
      <section class="az-section" aria-labelledby="aemter">
        <h2 class="kern-heading-medium" id="aemter">{t.start.officesHeading}</h2>
        <div class="az-offices">
          {props.offices.map((o) => (
            <article class="kern-card az-office" aria-labelledby={`amt-${o.id}`}>
              <div class="kern-card__container">
                <div class="kern-card__header">
                  <h3 class="kern-title" id={`amt-${o.id}`}>{o.name}</h3>
                </div>
                <div class="kern-card__body">
                  <dl class="kern-description-list">
                    <div class="kern-description-list-item">
                      <dt class="kern-description-list-item__key">{t.start.address}</dt>
                      <dd class="kern-description-list-item__value">{o.address}</dd>
                    </div>
                    <div class="kern-description-list-item">
                      <dt class="kern-description-list-item__key">{t.start.phone}</dt>
                      <dd class="kern-description-list-item__value">
                        <a class="kern-link" href={`tel:${o.phone.replace(/[^0-9+]/g, '')}`}>{o.phone}</a>
                      </dd>
                    </div>
                    <div class="kern-description-list-item">
                      <dt class="kern-description-list-item__key">{t.start.email}</dt>
                      <dd class="kern-description-list-item__value">
                        <a class="kern-link" href={`mailto:${o.email}`}>{o.email}</a>
                      </dd>
                    </div>
                  </dl>
                  <h4 class="kern-heading-small az-hours-title">{t.start.hours}</h4>
                  <table class="kern-table kern-table--small az-hours">
                    <caption class="kern-sr-only">{`${t.start.hours}: ${o.name}`}</caption>
                    <tbody class="kern-table__body">
                      {o.hours.map(([day, times]) => (
                        <tr class="kern-table__row">
                          <th class="kern-table__header" scope="row">{day}</th>
                          <td class="kern-table__cell">{times}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <p class="kern-body kern-body--small">{t.start.closedNote}</p>
                </div>
              </div>
            </article>
          ))}
        </div>
      </section>
      <section class="az-section" aria-labelledby="verwalten">
        <h2 class="kern-heading-small" id="verwalten">{t.start.manageHeading}</h2>
        <p class="kern-body">{t.start.manageText}</p>
      </section>
    </Layout>
  );
}
