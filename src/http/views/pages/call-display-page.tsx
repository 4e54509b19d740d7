// The waiting-room display (/aufruf/{officeId}): shown full screen on a TV.
// The office's name, the clock, the last calls (waiting number → desk), the
// newest at the top and highlighted; every label in the page's language with
// the other language in a smaller line under it. No personal data: the state
// holds numbers and desk names only (app/call-display.ts).
// /static/call-display.js keeps it live through Server-Sent Events; without
// JavaScript the page reloads itself every 10 s (<noscript> refresh).
import type { CallDisplayState, DisplayOffice } from '../../../app/call-display.ts';
import type { Locale } from '../../../domain/types.ts';
import { ASSET_VERSION } from '../layout.tsx';

type Both = Record<Locale, string>;

export const DISPLAY_TEXTS = {
  title: { de: 'Aufruf', en: 'Now calling' },
  calls: { de: 'Letzte Aufrufe', en: 'Latest calls' },
  number: { de: 'Nummer', en: 'Number' },
  desk: { de: 'Platz', en: 'Desk' },
  to: { de: 'bitte zu', en: 'please go to' },
  none: { de: 'Noch keine Aufrufe', en: 'No calls yet' },
  newest: { de: 'Neuester Aufruf', en: 'Latest call' },
  again: { de: 'erneut', en: 'again' },
  offline: { de: 'Verbindung unterbrochen – wird neu verbunden', en: 'Offline – reconnecting' },
  chimeOn: { de: 'Gong einschalten', en: 'Turn chime on' },
  chimeOff: { de: 'Gong ausschalten', en: 'Turn chime off' },
  hint: { de: 'Bitte achten Sie auf Ihre Nummer.', en: 'Please watch for your number.' },
} satisfies Record<string, Both>;

/** A label in the page's language, the other language under it (lang-tagged). */
function Label(props: { text: Both; locale: Locale; class?: string }) {
  const other: Locale = props.locale === 'de' ? 'en' : 'de';
  return (
    <span class={`cd-label ${props.class ?? ''}`}>
      <span class="cd-first">{props.text[props.locale]}</span>
      <span class="cd-second" lang={other}>{props.text[other]}</span>
    </span>
  );
}

export function CallList(props: { state: CallDisplayState; locale: Locale }) {
  const { state, locale } = props;
  const t = DISPLAY_TEXTS;
  if (state.calls.length === 0) {
    return <p class="cd-none"><Label text={t.none} locale={locale} /></p>;
  }
  return (
    <ol class="cd-calls">
      {state.calls.map((c, i) => (
        <li class={i === 0 ? 'cd-call cd-newest' : 'cd-call'} data-number={c.number} data-at={c.at}>
          <span class="cd-num">{c.number}</span>
          <span class="cd-arrow" aria-hidden="true">→</span>
          <span class="cd-sr">{` ${t.to[locale]} `}</span>
          <span class="cd-desk">{c.desk}</span>
          <span class="cd-time">{c.time}{c.count > 1 ? ` · ${t.again[locale]}` : ''}</span>
        </li>
      ))}
    </ol>
  );
}

export function CallDisplayPage(props: { office: DisplayOffice; state: CallDisplayState; locale: Locale; clock: string; eventsUrl: string }) {
  const { office, state, locale } = props;
  const t = DISPLAY_TEXTS;
  const other: Locale = locale === 'de' ? 'en' : 'de';
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t.title[locale]} – ${office.name}`}</title>
        <noscript><meta http-equiv="refresh" content="10" /></noscript>
        <link rel="stylesheet" href={`/static/call-display.css?v=${ASSET_VERSION}`} />
        <script src={`/static/call-display.js?v=${ASSET_VERSION}`} defer></script>
      </head>
      <body class="cd" data-events={props.eventsUrl} data-tz={office.tz} data-locale={locale}
        data-chime-on={t.chimeOn[locale]} data-chime-off={t.chimeOff[locale]} data-chime-on2={t.chimeOn[other]} data-chime-off2={t.chimeOff[other]}
        data-to={t.to[locale]} data-again={t.again[locale]} data-none={t.none[locale]} data-none2={t.none[other]}>
        <header class="cd-head">
          <h1 class="cd-office">
            <span class="cd-first">{office.name}</span>
            <span class="cd-second">{`${t.title[locale]} · `}<span lang={other}>{t.title[other]}</span></span>
          </h1>
          <p class="cd-clock" id="cd-clock">{props.clock}</p>
        </header>
        <main class="cd-main">
          <p id="cd-status" class="cd-status" role="status" hidden>
            <Label text={t.offline} locale={locale} />
          </p>
          <h2 class="cd-heading"><Label text={t.calls} locale={locale} /></h2>
          <div id="cd-list">
            <CallList state={state} locale={locale} />
          </div>
          <p id="cd-announce" class="cd-sr" aria-live="polite"></p>
        </main>
        <footer class="cd-foot">
          <p><Label text={t.hint} locale={locale} /></p>
          <button id="cd-chime" class="cd-chime" type="button" aria-pressed="false" hidden>
            <Label text={t.chimeOn} locale={locale} />
          </button>
        </footer>
      </body>
    </html>
  );
}
