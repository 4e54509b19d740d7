// One stranded appointment with staff's choice (closures, blocks, settings
// changes): move to the suggested time, to a time chosen in the calendar, open
// the calendar for it, cancel with the reason, or keep as a conflict. Radios
// only — the form's one button enters them (the Enter key never picks another).
import type { AffectedAppointment } from '../../../app/staff/stranded-choices.ts';
import { pickedAt, type FormChoice, type RowChoice } from '../../staff/stranded-form.ts';
import { formatDateTime } from '../format.ts';
import { texts } from '../texts.ts';
import { plansTexts } from './plans-texts.ts';
import type { StaffFrame } from './staff-layout.tsx';
import { strandedTexts } from './stranded-texts.ts';
import { shortDate } from './staff-dates.ts';

export function StrandedChoice(props: { frame: StaffFrame; a: AffectedAppointment; chosen: RowChoice }) {
  const { locale } = props.frame;
  const p = plansTexts(locale);
  const s = strandedTexts(locale);
  const { a } = props;
  const id = (v: string) => `c-${a.reference}-${v}`;
  const inWords = (x: { date: string; time: string }) => formatDateTime(x.date, x.time, texts(locale));
  const at = a.suggested ? inWords(a.suggested) : '';
  const picked = a.movable ? pickedAt(props.chosen.p) : null;
  const offered: FormChoice[] = [
    ...(a.suggested && a.movable ? ['move' as const] : []),
    ...(picked ? ['pick' as const] : []),
    ...(a.movable ? ['calendar' as const] : []),
    'cancel', 'keep',
  ];
  // a choice no longer on offer (no suggestion, the picked time dropped) falls back to keep
  const chosen = offered.includes(props.chosen.c) ? props.chosen.c : 'keep';
  const radio = (v: FormChoice, label: string, hint?: string) => (
    <div class="kern-form-check">
      <input class="kern-form-check__radio" type="radio" id={id(v)} name={`c_${a.reference}`} value={v} checked={chosen === v}
        aria-describedby={hint ? `${id(v)}-hint` : undefined} />
      <label class="kern-label" for={id(v)}>{label}</label>
    </div>
  );
  // the hint under its radio, not squeezed into the radio's row
  const hint = (v: FormChoice, text: string) => <p class="kern-hint az-choice-hint" id={`${id(v)}-hint`}>{text}</p>;
  return (
    <fieldset class="kern-fieldset az-affected">
      <legend class="kern-label">
        {p.choice.legend(a.reference)}: {shortDate(a.date, locale)}, {a.from}–{a.to}, {a.name ?? '–'}, {a.services.join(', ')}
      </legend>
      {a.suggested ? <input type="hidden" name={`t_${a.reference}`} value={a.suggested.startsAt} /> : null}
      {picked ? <input type="hidden" name={`p_${a.reference}`} value={props.chosen.p} /> : null}
      <div class="kern-fieldset__body">
        <p class="kern-body">
          <a class="kern-link" href={`/staff/termin/${encodeURIComponent(a.reference)}`}>{a.reference}</a>
          {' · '}{p.choice.suggested}: {at || p.choice.noTime}
          {a.hasEmail ? '' : ` · ${p.choice.noEmail}`}
        </p>
        {offered.includes('move') ? radio('move', p.choice.move(at)) : null}
        {picked ? radio('pick', s.picked(inWords(picked))) : null}
        {a.movable ? <>{radio('calendar', s.calendar, s.calendarHint)}{hint('calendar', s.calendarHint)}</> : null}
        {radio('cancel', p.choice.cancel)}
        {radio('keep', p.choice.keep)}
      </div>
    </fieldset>
  );
}
