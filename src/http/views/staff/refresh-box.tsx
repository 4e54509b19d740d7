// "Stand: 09:14 · aktualisiert sich jede Minute" with "Jetzt aktualisieren" and
// a pause button, above a region of the page that /static/staff-refresh.js (loaded
// here) fetches
// afresh and puts in place (the day view every minute, the counter view's
// waiting list every 15 seconds). Without script it says the page does not
// refresh itself and links a reload.
import { ASSET_VERSION } from '../layout.tsx';
import type { StaffTexts } from './staff-texts.ts';

type DayTexts = StaffTexts['dayView'];

export interface RefreshBoxProps {
  /** The texts shared by every refreshing page (the day view's). */
  t: DayTexts;
  /** What differs per page: how often, what a failure retries in, what was refreshed. */
  every: string;
  failed: string;
  refreshed: (time: string) => string;
  /** The id of the element whose children are refreshed. */
  region: string;
  seconds: number;
  /** Local time of the data shown, HH:MM. */
  asOf: string;
  reloadHref: string;
}

export function RefreshBox(props: RefreshBoxProps) {
  const { t } = props;
  return (
    <div class="az-refresh az-noprint" id="az-refresh" data-region={props.region} data-seconds={String(props.seconds)}
      data-paused={t.refreshPaused} data-every={props.every}
      data-waiting={t.refreshWaiting} data-failed={props.failed} data-expired={t.refreshExpired}
      data-pause={t.pause} data-resume={t.resume} data-refreshed={props.refreshed('{time}')}>
      <p class="kern-body az-refresh__line">
        <span id="az-asof" data-time={props.asOf}>{t.asOf(props.asOf)}</span>
        <span id="az-refresh-state" class="az-refresh__state"></span>
        <noscript>
          {' · '}{t.noScriptRefresh} <a class="kern-link" href={props.reloadHref}>{t.reload}</a>
        </noscript>
      </p>
      <div class="az-refresh__buttons" hidden>
        <button type="button" class="kern-btn kern-btn--tertiary" id="az-refresh-now"><span class="kern-label">{t.refreshNow}</span></button>
        <button type="button" class="kern-btn kern-btn--tertiary" id="az-refresh-pause"><span class="kern-label">{t.pause}</span></button>
      </div>
      <p class="kern-sr-only" role="status" id="az-refresh-live"></p>
      <script src={`/static/staff-refresh.js?v=${ASSET_VERSION}`} defer></script>
    </div>
  );
}
