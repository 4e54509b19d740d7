// The frame of the back-office pages: skip link, header with navigation,
// the logged-in user and logout (a form: logging out changes state), language switch.
import type { Child } from 'hono/jsx';
import type { Locale } from '../../../domain/types.ts';
import { ASSET_VERSION } from '../layout.tsx';
import type { StaffTexts } from './staff-texts.ts';
import { plansTexts } from './plans-texts.ts';
import { adminTexts } from './admin-texts.ts';
import { settingsTexts } from './settings-texts.ts';
import { deskTexts } from './desk-texts.ts';

export interface StaffFrame {
  locale: Locale;
  t: StaffTexts;
  langUrl: string;
  csrf: string;
  user: { name: string; role: string } | null;
}

export function StaffLayout(props: { frame: StaffFrame; title: string; hasErrors?: boolean; children: Child }) {
  const { t, locale, user } = props.frame;
  const other: Locale = locale === 'de' ? 'en' : 'de';
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.hasErrors ? (locale === 'de' ? 'Fehler: ' : 'Error: ') : ''}${props.title} – ${t.title}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={`/static/kern/kern.min.css?v=${ASSET_VERSION}`} />
        <link rel="stylesheet" href={`/static/fonts.css?v=${ASSET_VERSION}`} />
        <link rel="stylesheet" href={`/static/app.css?v=${ASSET_VERSION}`} />
        <link rel="stylesheet" href={`/staff/staff.css?v=${ASSET_VERSION}`} />
      </head>
      <body class="az-body">
        <a class="az-skip kern-link" href="#inhalt">{t.skip}</a>
        <header class="az-header">
          <div class="az-staff-container az-header__inner">
            <a class="az-header__home" href="/staff">
              <span class="az-header__city">{t.title}</span>
            </a>
            {user ? (
              <nav aria-label={t.nav}>
                <ul class="az-staff-nav">
                  <li><a class="kern-link" href="/staff">{t.day}</a></li>
                  <li><a class="kern-link" href="/staff/schalter">{deskTexts(locale).nav}</a></li>
                  <li><a class="kern-link" href="/staff/buchen">{t.book}</a></li>
                  <li><a class="kern-link" href="/staff/suche">{t.search}</a></li>
                  {user.role !== 'clerk' ? <li><a class="kern-link" href="/staff/plaene">{plansTexts(locale).list.link}</a></li> : null}
                  {user.role !== 'clerk' ? <li><a class="kern-link" href="/staff/einstellungen">{settingsTexts(locale).nav.settings}</a></li> : null}
                  {user.role === 'admin' ? <li><a class="kern-link" href="/staff/benutzer">{adminTexts(locale).users.title}</a></li> : null}
                  {user.role !== 'clerk' ? <li><a class="kern-link" href="/staff/protokoll">{settingsTexts(locale).nav.audit}</a></li> : null}
                  <li><a class="kern-link" href="/staff/konto">{adminTexts(locale).nav}</a></li>
                </ul>
              </nav>
            ) : null}
            <div class="az-staff-user">
              {user ? <span class="kern-body">{t.loggedInAs(user.name, t.roles[user.role] ?? user.role)}</span> : null}
              {user ? (
                <form method="post" action="/staff/logout">
                  <input type="hidden" name="_csrf" value={props.frame.csrf} />
                  <button type="submit" class="kern-btn kern-btn--tertiary"><span class="kern-label">{t.logout}</span></button>
                </form>
              ) : null}
              <a class="kern-link" href={props.frame.langUrl} lang={other} hreflang={other}>{t.otherLang}</a>
            </div>
          </div>
        </header>
        <main id="inhalt" class="az-staff-container az-main" tabindex={-1}>
          {props.children}
        </main>
      </body>
    </html>
  );
}

export const STAFF_CSS = `
.az-staff-container { box-sizing: border-box; width: 100%; max-width: 90rem; margin-inline: auto; padding-inline: 1rem; }
.az-main.az-staff-container { min-width: 0; }
.az-staff-nav { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; list-style: none; margin: 0; padding: 0; }
.az-staff-user { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
.az-staff-user form { margin: 0; }
.az-lanes { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; }
.az-lane { border: 1px solid #c6c9d3; padding: .5rem; }
.az-lane ol { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .25rem; }
.az-slot { padding: .25rem .5rem; border-left: 4px solid #1a3da5; background: #f3f4f7; }
.az-slot--free { border-left-color: #007155; background: #fff; }
.az-slot--hold { border-left-color: #6b6f80; border-left-style: dashed; }
.az-slot--conflict { border-left-color: #bd0f09; background: #feece8; }
.az-slot--done { border-left-color: #6b6f80; }
.az-slot--blocked { border-left-color: #4f5260; background: repeating-linear-gradient(135deg, #e4e6ec 0 .4rem, #f7f8fa .4rem .8rem); }
.az-slot--closed { border-left-style: double; border-left-width: 6px; }
.az-row--cancelled, .az-row--cancelled .kern-table__cell { color: #4f5260; background: #f3f4f7; }
.az-refresh__line { display: flex; flex-wrap: wrap; gap: .25rem .5rem; margin-bottom: .5rem; }
.az-refresh__state:empty { display: none; }
.az-refresh__buttons:not([hidden]) { display: flex; flex-wrap: wrap; gap: .5rem; margin-bottom: 1rem; }
.az-cell-label { display: none; }
@media (max-width: 40rem) {
  .az-day-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; }
  .az-day-table, .az-day-table tbody, .az-day-table tr { display: block; width: 100%; }
  .az-day-table tr { box-shadow: inset 0 -1px 0 0 #6e7597; padding-block: .5rem; }
  .az-day-table td { display: grid; grid-template-columns: 9.5rem minmax(0, 1fr); gap: .5rem; box-sizing: border-box; width: 100%; padding: .125rem .5rem; border: 0; box-shadow: none; }
  .az-day-table .az-cell-value { overflow-wrap: anywhere; }
  .az-cell-label { display: block; font-weight: 600; }
}
.az-filter { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; }
.az-actions { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.az-actions form { margin: 0; }
.az-reference { font-size: 2rem; font-weight: 700; letter-spacing: .1em; }
.az-table { width: 100%; }
.az-table-wrap { overflow-x: auto; }
.az-affected { border: 1px solid #c6c9d3; padding: .5rem 1rem; margin-block: 1rem; }
.az-secret { font-size: 1.125rem; word-break: break-all; user-select: all; }
.az-admin h2, .az-admin h3 { margin-top: 2rem; }
.az-admin form { margin-bottom: 1rem; }
.az-table-wrap { position: relative; }
.az-edit-table .kern-form-input__input.az-cell-input { width: auto; min-width: 4.5rem; }
.az-days { display: flex; flex-wrap: wrap; gap: .25rem .75rem; border: 0; margin: 0; padding: 0; min-width: 14rem; }
/* the weekday boxes of the hours table; not the month calendar's day cells (td.az-day) */
.az-days .az-day { display: inline-flex; align-items: center; gap: .25rem; }
/* a hint under a choice's radio (stranded appointments), aligned with its label */
.az-choice-hint { margin: -.25rem 0 .75rem 2.75rem; }
.az-checks { display: flex; flex-direction: column; gap: .5rem; }
.az-details { margin: 0 0 .5rem; }
.az-key { font-weight: 600; }
.az-value { overflow-wrap: anywhere; max-width: 24rem; }
.az-nowrap { white-space: nowrap; }
.az-history { margin-top: 2.5rem; }
.az-log { list-style: none; margin: 1rem 0; padding: 0; }
.az-log__entry { border-left: 4px solid #1a3da5; padding: .25rem 0 .25rem .75rem; margin-bottom: 1rem; overflow-wrap: anywhere; }
.az-log__entry p { margin: 0 0 .25rem; }
.az-log__head { font-weight: 600; }
.az-call { margin-block: 1.5rem; }
.az-call-state { display: flex; gap: .5rem; align-items: flex-start; margin: 0 0 .25rem; }
.az-tick { display: inline-block; flex: none; box-sizing: border-box; width: 1.25rem; height: 1.25rem; border: 2px solid #1b1b1b; text-align: center; line-height: 1rem; font-weight: 700; }
.az-call-form { margin-top: .5rem; min-width: 14rem; }
.az-call-form .kern-form-input { margin-block: .5rem; }
.az-call-form .kern-btn { overflow-wrap: normal; white-space: nowrap; }
.az-call-label { display: none; }
@media screen and (max-width: 40rem) {
  .az-call-list thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; }
  .az-call-list, .az-call-list tbody, .az-call-list tr { display: block; width: 100%; }
  .az-call-list tr { border-bottom: 1px solid #c6c9d3; padding-block: .5rem; }
  .az-call-list th, .az-call-list td { display: block; box-sizing: border-box; width: 100%; padding: .25rem .5rem; border: 0; overflow-wrap: anywhere; }
  .az-call-label { display: block; font-weight: 600; }
}
.az-undo-no-show { margin: .25rem 0 0; }
.az-desk-big { font-size: 3rem; line-height: 1.1; font-weight: 700; letter-spacing: .05em; margin: .25rem 0; }
.az-desk-call { margin-block: 1.5rem; }
.az-desk-callbtn.kern-btn { font-size: 1.25rem; padding: 1rem 2rem; }
.az-desk-ticket { border-left: 4px solid #1a3da5; padding: .25rem 0 .25rem 1rem; margin-bottom: 1.5rem; }
.az-desk-ticket .az-filter { margin-top: 1rem; }
.az-desk h2 { margin-top: 2rem; }
.az-desk form { margin-bottom: 1rem; }
.az-undo-no-show .kern-btn { padding-inline: 0; justify-content: flex-start; text-align: start; }
.az-qty-row { display: flex; flex-direction: row; flex-wrap: wrap; align-items: center; gap: .25rem 1rem; max-width: 40rem; }
.az-qty-row .kern-label { flex: 1 1 14rem; margin: 0; }
.az-qty-row .kern-form-input__input.az-qty { flex: none; width: 6rem; }
.az-more { margin-block: 1rem; }
.az-more summary { cursor: pointer; }
.az-finder-staff { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .5rem 1rem; }
.az-finder-staff .kern-form-input { flex: 1 1 16rem; margin: 0; }
.az-scroll-hint { display: none; }
@media (max-width: 64rem) { .az-scroll-hint { display: block; } }
/* Printed pages (day list, call list): the content only, without navigation and links. */
@media print {
  .az-skip, .az-staff-nav, .az-staff-user, .az-noprint, .az-scroll-hint { display: none !important; }
  .az-table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`;
