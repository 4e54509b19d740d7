// Closing an office or blocking time (fewer counters): the form, then a preview
// of the appointments it strands with a choice for each (move to the suggested
// time, another time from the calendar, cancel with the reason, keep as a
// conflict), then applying it.
import type { PlanPreview } from '../../../app/staff/plan-change.ts';
import { choiceFields, type RowChoice } from '../../staff/stranded-form.ts';
import { Alert, ErrorSummary, TextField } from '../components.tsx';
import { texts } from '../texts.ts';
import { plansTexts } from './plans-texts.ts';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { shortDateRange } from './staff-dates.ts';
import type { Locale } from '../../../domain/types.ts';
import { StrandedChoice } from './stranded-choice.tsx';

export type PlanKindOfPage = 'closure' | 'block';

export interface PlanForm {
  office: string;
  from: string;
  to: string;
  fromTime: string;
  toTime: string;
  reason: string;
  /** blocks only */
  counters: string;
}

export function PlanChangePage(props: {
  frame: StaffFrame;
  kind: PlanKindOfPage;
  action: string;
  officeName: string;
  form: PlanForm;
  errors: { id: string; message: string }[];
  /** `counterCap`: the most counters the office has then, when a block takes away more */
  preview: (PlanPreview & { counterCap?: number }) | null;
  /** the choice per reference shown selected (from the last post or an "all" button), with a time picked in the calendar */
  chosen: Map<string, RowChoice>;
}) {
  const { t, csrf, locale } = props.frame;
  const p = plansTexts(locale);
  const { form, kind } = props;
  const c = t.closure;
  const title = kind === 'block' ? `${p.block.title}: ${props.officeName}` : `${c.title}: ${props.officeName}`;
  const err = (id: string) => props.errors.find((e) => e.id === id)?.message;
  const summaryTexts = { ...texts(locale), common: { ...texts(locale).common, errorSummary: t.errors.summary } };
  const hidden = Object.entries(form).filter(([k]) => kind === 'block' || k !== 'counters');
  return (
    <StaffLayout frame={props.frame} title={title} hasErrors={props.errors.length > 0}>
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorSummary t={summaryTexts} errors={props.errors} />
      {props.preview === null ? (
        <form method="post" action={props.action}>
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="office" value={form.office} />
          {kind === 'block' ? <p class="kern-body">{p.block.intro}</p> : null}
          <TextField id="from" name="from" label={c.from} hint={p.form.dateHint} value={form.from} error={err('from')} />
          <TextField id="to" name="to" label={c.to} hint={p.form.dateHint} value={form.to} error={err('to')} />
          <TextField id="fromTime" name="fromTime" label={c.fromTime} optional={c.optional} hint={c.timeHint} value={form.fromTime} />
          <TextField id="toTime" name="toTime" label={c.toTime} optional={c.optional} value={form.toTime} error={err('toTime')} />
          {kind === 'block' ? (
            <TextField id="counters" name="counters" label={p.block.counters} hint={p.block.countersHint} inputmode="numeric" value={form.counters} error={err('counters')} />
          ) : null}
          <TextField id="reason" name="reason" label={kind === 'block' ? p.block.reason : c.reason} value={form.reason} error={err('reason')} />
          <button type="submit" class="kern-btn kern-btn--primary" name="step" value="preview">
            <span class="kern-label">{kind === 'block' ? p.block.check : c.check}</span>
          </button>
        </form>
      ) : (
        <>
          <p class="kern-body">
            {daysInWords(form.from, form.to, locale)}{form.fromTime ? `, ${form.fromTime}–${form.toTime}` : ''}
            {kind === 'block' ? `, ${p.block.summary(Number(form.counters))}` : ''}: {form.reason}
          </p>
          {props.preview.counterCap !== undefined
            ? <Alert kind="warning" title={p.choice.counterCap(Number(form.counters), props.preview.counterCap)} role="status" /> : null}
          {props.preview.relaned > 0 ? <Alert kind="info" title={p.choice.relaned(props.preview.relaned)} role="status" /> : null}
          {props.preview.affected.length === 0 ? <Alert kind="success" title={p.choice.none} role="status" /> : (
            <>
              <h2 class="kern-heading-medium">{p.choice.affected(props.preview.affected.length)}</h2>
              <p class="kern-body">{p.choice.affectedHint}</p>
              {/* the "all" buttons only preselect, in a form of their own: the Enter key in the
                  choices below never submits one of them (it submits the form's only button, apply) */}
              <form method="post" action={props.action}>
                <input type="hidden" name="_csrf" value={csrf} />
                {hidden.map(([k, v]) => <input type="hidden" name={k} value={v} />)}
                <input type="hidden" name="step" value="preview" />
                {/* times picked in the calendar stay on offer */}
                {Object.entries(choiceFields(props.chosen)).filter(([k]) => k.startsWith('p_')).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
                <div class="az-actions" role="group" aria-label={p.choice.defaults}>
                  <button type="submit" class="kern-btn kern-btn--secondary" name="all" value="move"><span class="kern-label">{p.choice.allMove}</span></button>
                  <button type="submit" class="kern-btn kern-btn--secondary" name="all" value="cancel"><span class="kern-label">{p.choice.allCancel}</span></button>
                  <button type="submit" class="kern-btn kern-btn--secondary" name="all" value="keep"><span class="kern-label">{p.choice.allKeep}</span></button>
                </div>
              </form>
            </>
          )}
          <form method="post" action={props.action}>
            <input type="hidden" name="_csrf" value={csrf} />
            {hidden.map(([k, v]) => <input type="hidden" name={k} value={v} />)}
            {props.preview.affected.map((a) => (
              <StrandedChoice frame={props.frame} a={a} chosen={props.chosen.get(a.reference) ?? { c: 'keep' }} />
            ))}
            <button type="submit" class="kern-btn kern-btn--primary" name="step" value="apply">
              <span class="kern-label">{kind === 'block' ? p.block.apply : c.apply}</span>
            </button>
          </form>
        </>
      )}
    </StaffLayout>
  );
}

/** The period in words once the form has been read (ISO dates); as typed otherwise. */
function daysInWords(from: string, to: string, locale: Locale): string {
  const iso = /^\d{4}-\d\d-\d\d$/;
  if (iso.test(from) && iso.test(to)) return shortDateRange(from, to, locale);
  return from === to ? from : `${from} – ${to}`;
}
