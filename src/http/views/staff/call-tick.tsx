// Phoning a citizen without an e-mail address about a change: what the last
// call gave (reached by whom and when, or not reached: try again, with the
// note), a tick box that stays on paper, and the form to record a call
// (reached / not reached, an optional note; a plain POST with the CSRF token).
// Used by the call list (a row each) and the appointment's page.
import type { CallStatus } from '../../../app/staff/call-status.ts';
import { ErrorText, Fieldset, Radio } from '../components.tsx';
import { auditTexts } from './audit-texts.ts';
import { formatWhen, whoText } from './audit-entry.tsx';
import { callTexts } from './call-texts.ts';
import type { StaffFrame } from './staff-layout.tsx';

/** A form sent back with a problem: which appointment, the messages by field, what was typed. */
export interface CallProblem {
  reference: string;
  errors: { field: 'result' | 'note'; message: string }[];
  result?: string;
  note: string;
}

/** The box to tick on paper (ticked when reached), and the state in words. */
export function CallState(props: { frame: StaffFrame; call: CallStatus | null; tz: string }) {
  const c = callTexts(props.frame.locale);
  const a = auditTexts(props.frame.locale);
  const last = props.call?.last ?? null;
  const done = last?.result === 'reached';
  const state = !last ? c.open
    : (done ? c.reached : c.notReached)(whoText(last.who, a), formatWhen(last.at, props.tz, a));
  return (
    <>
      <p class="kern-body az-call-state">
        <span class={`az-tick${done ? ' az-tick--done' : ''}`} aria-hidden="true">{done ? '✓' : ''}</span>
        <span>{state}</span>
      </p>
      {last?.note ? <p class="kern-body az-call-note">{c.note(last.note)}</p> : null}
    </>
  );
}

/** The form recording a call; `uid` makes its ids unique on the page (the reference). */
export function CallForm(props: {
  frame: StaffFrame; action: string; hidden: Record<string, string>; uid: string; name: string; problem?: CallProblem;
}) {
  const c = callTexts(props.frame.locale);
  const p = props.problem;
  const err = (f: 'result' | 'note') => p?.errors.find((e) => e.field === f)?.message;
  const id = (s: string) => `${s}-${props.uid}`;
  return (
    <form method="post" action={props.action} class="az-noprint az-call-form">
      <input type="hidden" name="_csrf" value={props.frame.csrf} />
      {Object.entries(props.hidden).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
      <Fieldset legend={c.legend(props.name)} legendClass="kern-sr-only" id={id('ergebnis')} error={err('result')}>
        <Radio id={id('erreicht')} name="result" value="reached" label={c.choiceReached} checked={p?.result === 'reached'} error={!!err('result')} />
        <Radio id={id('nicht-erreicht')} name="result" value="not_reached" label={c.choiceNotReached} checked={p?.result === 'not_reached'} error={!!err('result')} />
      </Fieldset>
      <div class={`kern-form-input${err('note') ? ' kern-form-input--error' : ''}`}>
        <label class="kern-label" for={id('hinweis')}>{c.noteLabel}<span class="kern-sr-only">: {props.name}</span></label>
        <div class="kern-hint" id={`${id('hinweis')}-hint`}>{c.noteHint}</div>
        <ErrorText id={id('hinweis')} message={err('note')} />
        <input class={`kern-form-input__input${err('note') ? ' kern-form-input__input--error' : ''}`} id={id('hinweis')} name="note" type="text"
          maxlength={300} value={p?.note ?? ''} autocomplete="off"
          aria-describedby={[err('note') ? `${id('hinweis')}-error` : '', `${id('hinweis')}-hint`].filter(Boolean).join(' ')} />
      </div>
      {/* the name in the button's accessible name (not as hidden text: KERN draws a button with hidden text as an icon button) */}
      <button type="submit" class="kern-btn kern-btn--secondary" aria-label={`${c.save}: ${props.name}`}><span class="kern-label">{c.save}</span></button>
    </form>
  );
}

/** The messages of a problem as the error summary lists them, linking to the fields. */
export function callErrorList(p: CallProblem | undefined): { id: string; message: string }[] {
  if (!p) return [];
  return p.errors.map((e) => ({ id: `${e.field === 'result' ? 'ergebnis' : 'hinweis'}-${p.reference}`, message: e.message }));
}
