// Step 3: name, e-mail, optional phone and consent; errors next to the
// fields and in a summary at the top; entered data is kept on error.
import { Layout, type PageFrame } from '../layout.tsx';
import { Button, Checkbox, ErrorSummary, Fieldset, Form, HoldNote, TextField, type FieldError } from '../components.tsx';
import { formatDateTime, splitInstant } from '../format.ts';
import { HelpDetails } from './help.tsx';

export function ContactPage(props: {
  frame: PageFrame;
  csrf: string;
  values: { name: string; email: string; phone: string; consent: boolean };
  errors: FieldError[];
  held: { startsAt: string; expiresAt: string; remainingSeconds: number } | null;
}) {
  const { frame, values } = props;
  const { t } = frame;
  const err = (id: string) => props.errors.find((e) => e.id === id)?.message;
  const s = props.held ? splitInstant(props.held.startsAt) : null;
  return (
    <Layout frame={frame} title={t.contact.title} step={3} hasErrors={props.errors.length > 0} scripts={['hold.js']}>
      <ErrorSummary t={t} errors={props.errors} />
      <h1 class="kern-heading-large">{t.contact.heading}</h1>
      <HelpDetails summary={t.help.summary} paragraphs={t.help.contact} id="hilfe-schritt" />
      {s && props.held ? (
        <HoldNote t={t} when={formatDateTime(s.date, s.time, t)} until={splitInstant(props.held.expiresAt).time}
          remainingSeconds={props.held.remainingSeconds} csrf={props.csrf} back="kontakt" formId="kontakt-form" />
      ) : null}
      <p class="kern-body">{t.contact.intro}</p>
      <Form action="/buchen/kontakt" csrf={props.csrf} novalidate id="kontakt-form">
        <div class="az-fields">
          <TextField id="name" name="name" label={t.contact.name} value={values.name} error={err('name')} autocomplete="name" required spellcheck={false} />
          <TextField id="email" name="email" type="email" label={t.contact.email} hint={t.contact.emailHint} value={values.email} error={err('email')} autocomplete="email" required spellcheck={false} />
          <TextField id="phone" name="phone" type="tel" label={t.contact.phone} optional={t.common.optional} hint={t.contact.phoneHint} value={values.phone} error={err('phone')} autocomplete="tel" />
          <Fieldset legend={t.contact.consentLegend} id="einwilligung" error={err('consent')}>
            <Checkbox id="consent" name="consent" label={t.contact.consent} checked={values.consent} errorOf={err('consent') ? 'einwilligung' : undefined} />
            <p class="kern-body kern-body--small az-consent-link">
              <a class="kern-link" href="/datenschutz" target="_blank" rel="noopener">
                {t.contact.consentHint}
              </a>
            </p>
          </Fieldset>
        </div>
        <Button label={t.common.continue} />
      </Form>
      <p class="az-back"><a class="kern-link" href="/buchen/termin">{t.common.back}</a></p>
    </Layout>
  );
}
