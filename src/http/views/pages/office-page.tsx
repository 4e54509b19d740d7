// Between steps 1 and 2: the office, when several offer all chosen concerns.
import { Layout, type PageFrame } from '../layout.tsx';
import { Button, ErrorSummary, Fieldset, Form, Radio, type FieldError } from '../components.tsx';
import { HelpDetails } from './help.tsx';

export function OfficePage(props: {
  frame: PageFrame;
  csrf: string;
  offices: { id: string; name: string; address: string; earliest: string | null }[];
  selected?: string;
  errors: FieldError[];
}) {
  const { frame } = props;
  const { t } = frame;
  const err = props.errors[0]?.message;
  return (
    <Layout frame={frame} title={t.office.title} step={1} hasErrors={props.errors.length > 0}>
      <ErrorSummary t={t} errors={props.errors} />
      <h1 class="kern-heading-large">{t.office.heading}</h1>
      <HelpDetails summary={t.help.summary} paragraphs={t.help.office} id="hilfe-schritt" />
      <p class="kern-body">{t.office.intro}</p>
      <Form action="/buchen/amt" csrf={props.csrf}>
        <Fieldset legend={t.office.title} id="amt" error={err}>
          {props.offices.map((o, i) => (
            <Radio
              id={i === 0 ? 'amt-0' : `amt-${i}`}
              name="office"
              value={o.id}
              checked={o.id === props.selected}
              error={!!err}
              label={
                <>
                  <span class="kern-body--bold">{o.name}</span>, {o.address}
                  <br />
                  <span class="kern-body--small">{o.earliest ? t.office.earliest(o.earliest) : t.office.noneFree}</span>
                </>
              }
            />
          ))}
        </Fieldset>
        <Button label={t.common.continue} />
      </Form>
    </Layout>
  );
}
