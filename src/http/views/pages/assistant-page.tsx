// The guided assistant: one question per page (a GET form with radio buttons,
// so it works without JavaScript and every step has its own address), a back
// link, the answers so far, and a way out at every point; at the end, the
// suggested concerns with their quantities, hints and what to bring.
import { Layout, type PageFrame } from '../layout.tsx';
import { Button, ErrorSummary, Form, Radio, SelectField, Checkbox } from '../components.tsx';

export interface TrailView {
  question: string;
  answer: string;
  /** the address of that question, to change the answer */
  href: string;
}

export function AssistantQuestionPage(props: {
  frame: PageFrame;
  question: string;
  hint?: string;
  /** each answer with the path it leads to */
  answers: { label: string; path: string }[];
  path: string;
  backHref: string;
  trail: TrailView[];
  error: boolean;
}) {
  const { frame } = props;
  const { t } = frame;
  const first = props.trail.length === 0;
  return (
    <Layout frame={frame} title={`${props.question} – ${t.assistant.title}`} hasErrors={props.error}>
      <p class="az-back"><a class="kern-link" href={props.backHref}>{t.assistant.back}</a></p>
      <ErrorSummary t={t} errors={props.error ? [{ id: 'antwort-0', message: t.assistant.errChoose }] : []} />
      <p class="kern-preline">{t.assistant.title}</p>
      {first ? <p class="kern-body">{t.assistant.intro}</p> : null}
      <form method="get" action="/buchen/assistent" class="az-assistant" novalidate>
        <input type="hidden" name="von" value={props.path} />
        <fieldset
          class={`kern-fieldset${props.error ? ' kern-fieldset--error' : ''}`}
          id="antwort"
          aria-describedby={[props.hint ? 'antwort-hint' : '', props.error ? 'antwort-error' : ''].filter(Boolean).join(' ') || undefined}
        >
          <legend class="kern-label az-assistant__legend">
            <h1 class="kern-heading-large">{props.question}</h1>
          </legend>
          {props.hint ? <div class="kern-hint" id="antwort-hint">{props.hint}</div> : null}
          {props.error ? (
            <p class="kern-error" id="antwort-error">
              <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
              <span class="kern-body">{t.assistant.errChoose}</span>
            </p>
          ) : null}
          <div class="kern-fieldset__body">
            {props.answers.map((a, i) => <Radio id={`antwort-${i}`} name="pfad" value={a.path} label={a.label} error={props.error} />)}
          </div>
        </fieldset>
        <Button label={t.assistant.next} />
      </form>
      <Trail frame={frame} trail={props.trail} />
      <p class="kern-body az-section"><a class="kern-link" href="/buchen/anliegen">{t.assistant.leave}</a></p>
    </Layout>
  );
}

function Trail(props: { frame: PageFrame; trail: TrailView[] }) {
  const { t } = props.frame;
  if (props.trail.length === 0) return null;
  return (
    <section class="az-section" aria-labelledby="antworten">
      <h2 class="kern-heading-small" id="antworten">{t.assistant.yourAnswers}</h2>
      <dl class="kern-description-list az-summary">
        {props.trail.map((s) => (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{s.question}</dt>
            <dd class="kern-description-list-item__value">
              {s.answer}{' '}
              <a class="kern-link" href={s.href}>{t.common.change}<span class="kern-sr-only">: {s.question}</span></a>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export interface SuggestedConcern {
  id: string;
  name: string;
  minutes: number;
  maxQuantity: number;
  quantity: number;
  fee: string | null;
}

export function AssistantResultPage(props: {
  frame: PageFrame;
  csrf: string;
  path: string;
  backHref: string;
  concerns: SuggestedConcern[];
  hints: string[];
  bring: string[];
  trail: TrailView[];
  errors: Record<string, string>;
}) {
  const { frame } = props;
  const { t } = frame;
  const errors = Object.entries(props.errors).map(([id, message]) => ({ id: id === '_list' ? 'vorschlag' : `anzahl-${id}`, message }));
  return (
    <Layout frame={frame} title={`${t.assistant.resultTitle} – ${t.assistant.title}`} hasErrors={errors.length > 0}>
      <p class="az-back"><a class="kern-link" href={props.backHref}>{t.assistant.back}</a></p>
      <ErrorSummary t={t} errors={errors} />
      <p class="kern-preline">{t.assistant.title}</p>
      <h1 class="kern-heading-large">{t.assistant.resultHeading}</h1>
      <p class="kern-body">{t.assistant.resultIntro}</p>
      <Form action="/buchen/assistent" csrf={props.csrf} id="vorschlag-form">
        <input type="hidden" name="pfad" value={props.path} />
        <div id="vorschlag" tabindex={-1} class="az-concerns">
          {props.errors._list ? <p class="kern-error" id="vorschlag-error"><span class="kern-body">{props.errors._list}</span></p> : null}
          {props.concerns.map((c) => {
            const id = `anzahl-${c.id}`;
            const hint = [t.concerns.perUnit(c.minutes), c.fee ? t.concerns.fee(c.fee) : ''].filter(Boolean).join(' · ');
            return (
              <div class="az-concern">
                {c.maxQuantity > 1 ? (
                  <SelectField id={id} name={id} label={<>{c.name}<span class="kern-sr-only">: {t.concerns.quantity}</span></>}
                    hint={hint} error={props.errors[c.id]} value={String(c.quantity)}
                    options={[
                      { value: '0', label: `0 (${t.concerns.none})` },
                      ...Array.from({ length: c.maxQuantity }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
                    ]} />
                ) : (
                  <>
                    <Checkbox id={id} name={id} value="1" label={c.name} checked={c.quantity > 0} hint={hint} error={props.errors[c.id]} />
                    <div class="kern-hint az-check-hint" id={`${id}-hint`}>{hint}</div>
                  </>
                )}
              </div>
            );
          })}
        </div>
        {props.hints.length > 0 ? (
          <div class="kern-alert kern-alert--info az-section">
            <div class="kern-alert__header">
              <span class="kern-icon kern-icon--info" aria-hidden="true"></span>
              <h2 class="kern-title">{t.assistant.hints}</h2>
            </div>
            <div class="kern-alert__body">{props.hints.map((h) => <p class="kern-body">{h}</p>)}</div>
          </div>
        ) : null}
        {props.bring.length > 0 ? (
          <>
            <h2 class="kern-heading-small">{t.review.bring}</h2>
            <ul class="kern-list kern-list--bullet az-bring">{props.bring.map((d) => <li>{d}</li>)}</ul>
          </>
        ) : null}
        <div class="az-actions">
          <Button label={t.assistant.toTime} name="ziel" value="termin" />
          <Button label={t.assistant.toConcerns} name="ziel" value="anliegen" kind="secondary" />
        </div>
      </Form>
      <Trail frame={frame} trail={props.trail} />
      <p class="kern-body az-section"><a class="kern-link" href="/buchen/anliegen">{t.assistant.leave}</a></p>
    </Layout>
  );
}
