// The appointment page's "call" box: the office moved or cancelled the
// appointment and the citizen has no e-mail address, so someone must phone
// them: the number, what the last call gave, and the form to tick it off.
import type { CallStatus } from '../../../app/staff/call-status.ts';
import { ErrorSummary } from '../components.tsx';
import { texts } from '../texts.ts';
import { callTexts } from './call-texts.ts';
import { CallForm, CallState, callErrorList, type CallProblem } from './call-tick.tsx';
import type { StaffFrame } from './staff-layout.tsx';

export function CallSection(props: {
  frame: StaffFrame; reference: string; name: string | null; phone: string | null; call: CallStatus; tz: string;
  /** the form came back without a choice (`result`) or with a note too long (`note`) */
  error?: 'result' | 'note';
}) {
  const { locale } = props.frame;
  const c = callTexts(locale);
  const problem: CallProblem | undefined = props.error
    ? { reference: props.reference, errors: [{ field: props.error, message: props.error === 'result' ? c.chooseResult : c.noteTooLong(300) }], note: '' }
    : undefined;
  return (
    <section aria-labelledby="anrufen-titel" id="anrufen" class="az-call">
      <ErrorSummary t={{ ...texts(locale), common: { ...texts(locale).common, errorSummary: props.frame.t.errors.summary } }} errors={callErrorList(problem)} />
      <h2 class="kern-heading-medium" id="anrufen-titel">{c.title}</h2>
      <p class="kern-body">{props.phone ? c.callNow(props.phone) : c.noPhone}</p>
      <CallState frame={props.frame} call={props.call} tz={props.tz} />
      <CallForm frame={props.frame} action={`/staff/termin/${encodeURIComponent(props.reference)}/erreicht`} hidden={{}} uid={props.reference}
        name={props.name ?? c.noName} problem={problem} />
    </section>
  );
}
