// An office's booking rules (each with its default explained) and its details with the concerns it offers.
import { BOOKING_DEFAULT, BOOKING_FIELDS, DETAIL_FIELDS } from '../../staff/settings-office.ts';
import type { StaffFrame } from './staff-layout.tsx';
import { CheckGroup, Field, SettingsForm, SettingsShell, type FormState } from './settings-page.tsx';
import { settingsTexts } from './settings-texts.ts';

export function RulesPage(props: { frame: StaffFrame; office: { id: string; name: string }; version: string; state: FormState }) {
  const s = settingsTexts(props.frame.locale);
  const { state } = props;
  const showDefault = (v: string | number | boolean | undefined) =>
    v === undefined ? '' : ` ${s.common.defaultIs(typeof v === 'boolean' ? (v ? s.common.yes : s.common.no) : String(v))}`;
  return (
    <SettingsShell frame={props.frame} title={`${s.rules.title}: ${props.office.name}`} state={state}>
      <SettingsForm frame={props.frame} action={`/staff/einstellungen/amt/${encodeURIComponent(props.office.id)}/regeln`} version={props.version} state={state} submit={s.common.save}>
        {BOOKING_FIELDS.map((f) => {
          const [label, hint] = s.rules.fields[f]!;
          if (f === 'confirmByEmail') {
            const err = state.fieldErrors[`b-${f}`];
            const value = state.values[`b-${f}`] ?? '';
            return (
              <div class={`kern-form-input${err ? ' kern-form-input--error' : ''}`}>
                <label class="kern-label" for={`b-${f}`}>{label}</label>
                <div class="kern-hint" id={`b-${f}-hint`}>{hint}{showDefault(BOOKING_DEFAULT[f])}</div>
                {err ? <p class="kern-error" id={`b-${f}-error`}><span class="kern-body">{err}</span></p> : null}
                <div class="kern-form-input__select-wrapper">
                  <select class="kern-form-input__select" id={`b-${f}`} name={`b-${f}`} aria-describedby={`${err ? `b-${f}-error ` : ''}b-${f}-hint`}>
                    <option value="" selected={value === ''}>{s.rules.useDefault}</option>
                    <option value="true" selected={value === 'true'}>{s.common.yes}</option>
                    <option value="false" selected={value === 'false'}>{s.common.no}</option>
                  </select>
                </div>
              </div>
            );
          }
          return <Field state={state} name={`b-${f}`} label={label} hint={`${hint}${showDefault(BOOKING_DEFAULT[f])}`} inputmode={f === 'releaseTime' ? undefined : 'numeric'} />;
        })}
      </SettingsForm>
    </SettingsShell>
  );
}

export function DetailsPage(props: {
  frame: StaffFrame; office: { id: string; name: string }; version: string; state: FormState; services: { id: string; name: string }[];
}) {
  const s = settingsTexts(props.frame.locale);
  const { state } = props;
  return (
    <SettingsShell frame={props.frame} title={`${s.office.title}: ${props.office.name}`} state={state}>
      <SettingsForm frame={props.frame} action={`/staff/einstellungen/amt/${encodeURIComponent(props.office.id)}/angaben`} version={props.version} state={state} submit={s.common.save}>
        {DETAIL_FIELDS.map((f) => (
          <Field state={state} name={`o-${f}`} label={s.office[f]} hint={f === 'slotMinutes' ? s.office.slotHint : undefined} inputmode={f === 'slotMinutes' ? 'numeric' : undefined} />
        ))}
        <CheckGroup state={state} id="o-services" legend={s.office.services} boxes={props.services.map((x) => ({ name: `svc-${x.id}`, label: x.name }))} />
      </SettingsForm>
    </SettingsShell>
  );
}
