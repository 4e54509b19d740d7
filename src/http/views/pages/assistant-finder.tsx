// The concern finder on step 1: a GET search form (works without JavaScript)
// and its results, best first, with a plain "nothing here" answer and, where
// the city configured one, where to go instead. finder.js swaps the results
// in as the citizen types (GET /buchen/anliegen/suche?q=… renders just them).
import type { Texts } from '../texts.ts';

export interface FinderView {
  q: string;
  results: { id: string; name: string; area: string }[];
  /** where to go instead (configured redirect) */
  redirect?: string;
  /** the city's "not offered here" text */
  notFound?: string;
}

export function FinderForm(props: { t: Texts; q: string; assistant: boolean }) {
  const { t } = props;
  return (
    <div role="search" class="az-finder">
      <form method="get" action="/buchen/anliegen" id="finder-form" class="az-finder__form">
        <div class="kern-form-input">
          <label class="kern-label" for="finder-q">{t.finder.label}</label>
          <div class="kern-hint" id="finder-q-hint">{t.finder.hint}</div>
          <input class="kern-form-input__input" type="search" id="finder-q" name="q" value={props.q}
            aria-describedby="finder-q-hint" aria-controls="finder-results" autocomplete="off" spellcheck={false} maxlength={200} />
        </div>
        <button type="submit" class="kern-btn kern-btn--secondary" id="finder-submit">
          <span class="kern-label">{t.finder.submit}</span>
        </button>
      </form>
      {props.assistant ? <p class="kern-body"><a class="kern-link" href="/buchen/assistent">{t.finder.assistantLink}</a></p> : null}
    </div>
  );
}

/** The results region; empty (but present, for finder.js) when there is no search. */
export function FinderResults(props: { t: Texts; finder?: FinderView }) {
  const { t, finder } = props;
  return (
    <div id="finder-results" class="az-finder__results" data-ids={finder ? finder.results.map((r) => r.id).join(' ') : undefined}
      data-q={finder?.q}>
      <p class="kern-body az-finder__status" role="status">
        {finder ? (finder.results.length > 0 ? t.finder.results(finder.q, finder.results.length) : t.finder.none(finder.q)) : ''}
      </p>
      {finder && finder.results.length > 0 ? (
        <ol class="kern-list az-finder__list">
          {finder.results.map((r, i) => (
            <li>
              <a class="kern-link" href={`#anzahl-${r.id}`} data-id={r.id}>{r.name}</a>
              <span class="kern-body kern-body--small"> ({r.area}{i === 0 && finder.results.length > 1 ? `; ${t.finder.best}` : ''})</span>
            </li>
          ))}
        </ol>
      ) : null}
      {finder?.redirect ? (
        <div class="kern-alert kern-alert--info">
          <div class="kern-alert__header">
            <span class="kern-icon kern-icon--info" aria-hidden="true"></span>
            <h2 class="kern-title">{t.finder.elsewhere}</h2>
          </div>
          <div class="kern-alert__body"><p class="kern-body">{finder.redirect}</p></div>
        </div>
      ) : null}
      {finder && finder.results.length === 0 ? (
        <p class="kern-body">{finder.notFound && !finder.redirect ? finder.notFound : t.finder.noneText}</p>
      ) : null}
      {finder ? <p class="kern-body"><a class="kern-link az-finder__clear" href="/buchen/anliegen">{t.finder.clear}</a></p> : null}
    </div>
  );
}
