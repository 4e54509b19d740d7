// The page of frequent questions (/hilfe), linked from every page's footer:
// each question opens in place.
import { Layout, type PageFrame } from '../layout.tsx';
import { HelpDetails } from './help.tsx';

export function FaqPage(props: { frame: PageFrame; assistant: boolean }) {
  const { frame } = props;
  const { t } = frame;
  return (
    <Layout frame={frame} title={t.faq.title}>
      <h1 class="kern-heading-large">{t.faq.title}</h1>
      <div class="az-faq">
        {t.faq.items.map(([q, a], i) => <HelpDetails id={`frage-${i + 1}`} summary={q} paragraphs={[a]} />)}
      </div>
      <p class="kern-body az-section">
        {props.assistant ? <><a class="kern-link" href="/buchen/assistent">{t.assistant.startLink}</a> · </> : null}
        <a class="kern-link" href="/buchen/anliegen">{t.start.book}</a>
      </p>
    </Layout>
  );
}
