// The self-service kiosk (/kiosk/{officeId}): one field, the booking reference
// (a QR scanner types it like a keyboard, so the field has the focus), and after
// sending either the waiting number, very large, or one message in words. Every
// answer after a POST returns to the empty form by itself after 20 seconds, so
// the next person sees nothing of it: a countdown with "Länger anzeigen" (each
// press adds a minute; WCAG 2.2.1) in kiosk.js, a meta refresh without script.
// No name, concern, or reference is ever shown; the field is never refilled.
import { ASSET_VERSION } from '../layout.tsx';
import { Button, ButtonLink } from '../components.tsx';
import type { Locale } from '../../../domain/types.ts';
import { kioskTexts } from './kiosk-texts.ts';

export const KIOSK_RETURN_SECONDS = 20;
/** What one press of "Länger anzeigen" adds. */
export const KIOSK_EXTEND_SECONDS = 60;

export type KioskOutcome =
  | { kind: 'form' }
  | { kind: 'number'; number: string; waitMinutes: number }
  | { kind: 'message'; text: string; error: boolean };

const asset = (path: string) => `/static/${path}?v=${ASSET_VERSION}`;

export function KioskPage(props: { locale: Locale; office: string; url: string; csrf: string; outcome: KioskOutcome; problem?: string }) {
  const { locale, outcome } = props;
  const t = kioskTexts(locale);
  const other: Locale = locale === 'de' ? 'en' : 'de';
  const home = `${props.url}?lang=${locale}`;
  const errors = (outcome.kind === 'message' && outcome.error) || !!props.problem;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {outcome.kind !== 'form' ? (
          <noscript><meta http-equiv="refresh" content={`${KIOSK_RETURN_SECONDS};url=${home}`} /></noscript>
        ) : null}
        <title>{`${errors ? (locale === 'de' ? 'Fehler: ' : 'Error: ') : ''}${t.title} – ${props.office}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={asset('kern/kern.min.css')} />
        <link rel="stylesheet" href={asset('fonts.css')} />
        <link rel="stylesheet" href={asset('app.css')} />
      </head>
      <body class="az-body az-kiosk">
        <header class="az-header">
          <div class="kern-container az-header__inner">
            <p class="az-header__home">
              <span class="az-header__city">{props.office}</span>
              <span class="az-header__service">{t.kiosk}</span>
            </p>
            <nav class="az-lang" aria-label={t.switchTo}>
              <a class="kern-btn kern-btn--secondary" href={`${props.url}?lang=${other}`} lang={other} hreflang={other}><span class="kern-label">{t.otherLang}</span></a>
            </nav>
          </div>
        </header>
        <main id="inhalt" class="kern-container az-main">
          {outcome.kind === 'number' ? (
            <>
            <div role="status">
              <h1 class="kern-heading-large">{t.numberIs}</h1>
              <p class="kern-heading-display az-kiosk__number" id="wartenummer">{outcome.number}</p>
              <p class="kern-body kern-body--large">{t.wait(outcome.waitMinutes)}</p>
              <p class="kern-body kern-body--large">{t.sit}</p>
            </div>
            <p><ButtonLink href={home} label={t.back} /></p>
            <ReturnNotice t={t} home={home} />
            </>
          ) : (
            <>
              <h1 class="kern-heading-large">{t.title}</h1>
              {outcome.kind === 'message' ? (
                <div class={`kern-alert kern-alert--${outcome.error ? 'danger' : 'info'}`} role="alert" id="meldung" tabindex={-1} autofocus>
                  <div class="kern-alert__header">
                    <span class={`kern-icon kern-icon--${outcome.error ? 'danger' : 'info'}`} aria-hidden="true"></span>
                    <span class="kern-title">{outcome.text}</span>
                  </div>
                </div>
              ) : null}
              {outcome.kind === 'message' ? <ReturnNotice t={t} home={home} /> : null}
              <p class="kern-body kern-body--large">{t.intro}</p>
              <form method="post" action={`${props.url}?lang=${locale}`} novalidate>
                <input type="hidden" name="_csrf" value={props.csrf} />
                <div class={`kern-form-input${props.problem ? ' kern-form-input--error' : ''}`}>
                  <label class="kern-label" for="buchungsnummer">{t.label}</label>
                  <div class="kern-hint" id="buchungsnummer-hint">{t.hint}</div>
                  {props.problem ? (
                    <p class="kern-error" id="buchungsnummer-error">
                      <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
                      <span class="kern-body">{props.problem}</span>
                    </p>
                  ) : null}
                  <input
                    class={`kern-form-input__input${props.problem ? ' kern-form-input__input--error' : ''}`}
                    id="buchungsnummer" name="buchungsnummer" type="text" value=""
                    autocomplete="off" autocapitalize="characters" spellcheck={false} maxlength={40}
                    aria-describedby={props.problem ? 'buchungsnummer-error buchungsnummer-hint' : 'buchungsnummer-hint'}
                    aria-invalid={props.problem ? 'true' : undefined}
                    autofocus={outcome.kind === 'form' ? true : undefined}
                  />
                </div>
                <p><Button label={t.submit} /></p>
              </form>
            </>
          )}
        </main>
        {outcome.kind !== 'form' ? <script src={asset('kiosk.js')} defer></script> : null}
      </body>
    </html>
  );
}

/**
 * "This page returns to the start in 20 seconds" and, with script, a button
 * that keeps the answer longer. The countdown is outside any live region (it
 * would be read out every second); a press is confirmed once, in words.
 */
function ReturnNotice(props: { t: ReturnType<typeof kioskTexts>; home: string }) {
  const { t } = props;
  return (
    <div class="az-kiosk__return" data-return-seconds={KIOSK_RETURN_SECONDS} data-extend-seconds={KIOSK_EXTEND_SECONDS} data-home={props.home}
      data-hint={t.backHint('{s}')} data-hint-one={t.backHint(1)} data-kept={t.keptLonger('{s}')}>
      <p class="kern-hint az-kiosk__countdown">{t.backHint(KIOSK_RETURN_SECONDS)}</p>
      <p hidden>
        <button type="button" class="kern-btn kern-btn--secondary az-kiosk__longer"><span class="kern-label">{t.keepLonger}</span></button>
      </p>
      <p class="kern-sr-only" role="status"></p>
    </div>
  );
}
