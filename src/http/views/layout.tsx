// The page frame of the citizen pages: language, skip link, header with the
// city's name and the language switch, the step indicator, and a footer with
// the phone number for those who prefer to call and the legal pages.
import type { Child } from 'hono/jsx';
import type { Locale } from '../../domain/types.ts';
import type { Texts } from './texts.ts';

export interface PageFrame {
  locale: Locale;
  t: Texts;
  city: string;
  /** this page's address in German and in English (same step, same query) */
  langUrls: Record<Locale, string>;
  /** offices with their phone numbers, for the footer */
  contacts: { name: string; phone: string; email: string }[];
}

/** Static assets carry a version so browsers may cache them for long. */
export const ASSET_VERSION = '2';
const asset = (path: string) => `/static/${path}?v=${ASSET_VERSION}`;

export function Layout(props: {
  frame: PageFrame;
  title: string;
  hasErrors?: boolean;
  step?: number;
  scripts?: string[];
  children: Child;
}) {
  const { frame, title } = props;
  const { t, locale } = frame;
  const other: Locale = locale === 'de' ? 'en' : 'de';
  const fullTitle = `${props.hasErrors ? t.site.errorPrefix : ''}${title} – ${t.site.title} – ${frame.city}`;
  const phones = dedupe(frame.contacts.map((c) => c.phone));
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={asset('kern/kern.min.css')} />
        <link rel="stylesheet" href={asset('fonts.css')} />
        <link rel="stylesheet" href={asset('app.css')} />
        <link rel="stylesheet" href={asset('print.css')} media="print" />
        {(props.scripts ?? []).map((s) => (
          <script src={asset(s)} defer></script>
        ))}
      </head>
      <body class="az-body">
        <a class="az-skip kern-link" href="#inhalt">{t.site.skip}</a>
        <header class="az-header">
          <div class="kern-container az-header__inner">
            <a class="az-header__home" href="/">
              <span class="az-header__city">{frame.city}</span>
              <span class="az-header__service">{t.site.title}</span>
            </a>
            <nav class="az-lang" aria-label={t.lang.switchTo}>
              <a class="kern-link" href={frame.langUrls[other]} lang={other} hreflang={other}>
                {t.lang.other}
              </a>
            </nav>
          </div>
        </header>
        <main id="inhalt" class="kern-container az-main" tabindex={-1}>
          {props.step ? <StepIndicator t={t} step={props.step} /> : null}
          {props.children}
        </main>
        <footer class="az-footer">
          <div class="kern-container">
            <h2 class="kern-heading-small">{t.site.footerCall}</h2>
            <p class="kern-body">
              {t.site.footerCallText}{' '}
              {phones.map((p, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <a class="kern-link" href={`tel:${p.replace(/[^0-9+]/g, '')}`}>{p}</a>
                </>
              ))}
            </p>
            <nav aria-label={t.site.footerNav}>
              <ul class="kern-list kern-list--horizontal az-footer__links">
                <li><a class="kern-link" href="/hilfe">{t.site.faq}</a></li>
                <li><a class="kern-link" href="/datenschutz">{t.site.privacy}</a></li>
                <li><a class="kern-link" href="/impressum">{t.site.imprint}</a></li>
                <li><a class="kern-link" href="/barrierefreiheit">{t.site.accessibility}</a></li>
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}

function StepIndicator(props: { t: Texts; step: number }) {
  const { t, step } = props;
  const total = t.steps.names.length;
  return (
    <p class="kern-preline az-step">
      {t.steps.of(step, total)}: {t.steps.names[step - 1]}
    </p>
  );
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
