// The day view's note on the closures and blocks of the day, so staff see why
// times are closed or fewer counters are open ("2 Schalter gesperrt 10:00–12:00: krank").
import type { Block, Closure, Locale } from '../../../domain/types.ts';
import { Alert } from '../components.tsx';
import { plansTexts } from './plans-texts.ts';

export function DayPlans(props: { locale: Locale; plans: { closures: Closure[]; blocks: Block[] } }) {
  const p = plansTexts(props.locale);
  const { closures, blocks } = props.plans;
  if (closures.length + blocks.length === 0) return null;
  const when = (c: Closure) => (c.fromTime ? `${c.fromTime}–${c.toTime}` : p.day.wholeDay);
  const why = (c: Closure) => (c.reason ? `: ${c.reason[props.locale]}` : '');
  return (
    <Alert kind="info" title={p.day.plans}>
      <ul class="kern-list">
        {closures.map((c) => <li>{p.day.closed(when(c))}{why(c)}</li>)}
        {blocks.map((b) => <li>{p.day.blocked(b.counters, when(b))}{why(b)}</li>)}
      </ul>
    </Alert>
  );
}
