// Step 1: the concerns, grouped by area, each with a quantity up to its maximum.
import { Layout, type PageFrame } from '../layout.tsx';
import { Button, Checkbox, ErrorSummary, Form, SelectField, type FieldError } from '../components.tsx';
import { FinderForm, FinderResults, type FinderView } from './assistant-finder.tsx';
import { HelpDetails } from './help.tsx';

export interface ConcernItem {
  id: string;
  name: string;
  minutes: number;
  maxQuantity: number;
  fee: string | null;
  quantity: number;
}

export function ConcernsPage(props: {
  frame: PageFrame;
  csrf: string;
  areas: { name: string; items: ConcernItem[] }[];
  maxServices: number;
  totalMinutes: number | null;
  errors: FieldError[];
  /** message next to the whole list (none chosen, too many, no common office) */
  listError?: string;
  /** per-concern messages */
  itemErrors: Record<string, string>;
  /** the finder's answer, when the citizen searched (`?q=`) */
  finder?: FinderView;
  /** whether the city configured a guided assistant */
  assistant?: boolean;
}) {
  const { frame } = props;
  const { t } = frame;
  // A search with results shows those (and whatever is chosen already); the others stay in the form, hidden.
  const found = props.finder && props.finder.results.length > 0 ? new Set(props.finder.results.map((r) => r.id)) : undefined;
  const shown = (s: ConcernItem) => !found || found.has(s.id) || s.quantity > 0;
  return (
    <Layout frame={frame} title={t.concerns.title} step={1} hasErrors={props.errors.length > 0} scripts={['concerns.js', 'finder.js']}>
      <ErrorSummary t={t} errors={props.errors} />
      <h1 class="kern-heading-large">{t.concerns.heading}</h1>
      <p class="kern-body" id="anliegen-hinweis">{t.concerns.intro(props.maxServices)}</p>
      <HelpDetails summary={t.help.summary} paragraphs={t.help.concerns} id="hilfe-anliegen" />
      <FinderForm t={t} q={props.finder?.q ?? ''} assistant={props.assistant === true} />
      <FinderResults t={t} finder={props.finder} />
      <Form action="/buchen/anliegen" csrf={props.csrf} id="anliegen-form">
        <div id="anliegen" tabindex={-1} class={props.listError ? 'kern-form-input--error az-list-error' : undefined}>
          {props.listError ? (
            <p class="kern-error" id="anliegen-error">
              <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
              <span class="kern-body">{props.listError}</span>
            </p>
          ) : null}
          {props.areas.map((area, ai) => (
            <fieldset class="kern-fieldset az-area" hidden={area.items.every((s) => !shown(s))}>
              <legend class="kern-heading-small az-area__legend">{area.name}</legend>
              <div class="kern-fieldset__body az-concerns">
                {area.items.map((s) => {
                  const id = `anzahl-${s.id}`;
                  const hint = [t.concerns.perUnit(s.minutes), s.fee ? t.concerns.fee(s.fee) : ''].filter(Boolean).join(' · ');
                  const err = props.itemErrors[s.id];
                  return (
                    <div class="az-concern" data-minutes={String(s.minutes)} data-area={String(ai)} data-id={s.id} hidden={!shown(s)}>
                      {s.maxQuantity > 1 ? (
                        <SelectField
                          id={id}
                          name={id}
                          label={<>{s.name}<span class="kern-sr-only">: {t.concerns.quantity}</span></>}
                          hint={hint}
                          error={err}
                          value={String(s.quantity)}
                          options={[
                            { value: '0', label: `0 (${t.concerns.none})` },
                            ...Array.from({ length: s.maxQuantity }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
                          ]}
                        />
                      ) : (
                        <>
                          <Checkbox id={id} name={id} value="1" label={s.name} checked={s.quantity > 0} hint={hint} error={err} />
                          <div class="kern-hint az-check-hint" id={`${id}-hint`}>{hint}</div>
                        </>
                      )}
                    </div>
                  );
                })}
              </div>
            </fieldset>
          ))}
        </div>
        <p class="kern-body kern-body--bold az-total" id="gesamtdauer" aria-live="polite">
          {props.totalMinutes !== null ? t.concerns.total(props.totalMinutes) : ''}
        </p>
        <Button label={t.common.continue} />
      </Form>
    </Layout>
  );
}
