// Privacy notice, imprint, accessibility statement, and the error pages.
import { Layout, type PageFrame } from '../layout.tsx';
import { ButtonLink } from '../components.tsx';

export function InfoPage(props: { frame: PageFrame; title: string; paragraphs: string[]; contacts: boolean }) {
  const { frame } = props;
  const { t } = frame;
  return (
    <Layout frame={frame} title={props.title}>
      <h1 class="kern-heading-large">{props.title}</h1>
      {props.paragraphs.map((p) => <p class="kern-body az-prose">{p}</p>)}
      {props.contacts ? (
        <>
          <h2 class="kern-heading-small">{t.pages.contact}</h2>
          <ul class="kern-list">
            {frame.contacts.map((c) => (
              <li>
                {c.name}: <a class="kern-link" href={`tel:${c.phone.replace(/[^0-9+]/g, '')}`}>{c.phone}</a>,{' '}
                <a class="kern-link" href={`mailto:${c.email}`}>{c.email}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

export function ErrorPage(props: { frame: PageFrame; title: string; text: string; link?: { href: string; label: string } }) {
  const { frame } = props;
  return (
    <Layout frame={frame} title={props.title}>
      <h1 class="kern-heading-large">{props.title}</h1>
      <p class="kern-body">{props.text}</p>
      <p><ButtonLink href={props.link?.href ?? '/'} label={props.link?.label ?? frame.t.errors.toStart} kind="secondary" /></p>
    </Layout>
  );
}
