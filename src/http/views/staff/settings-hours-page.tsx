// Opening hours and capacity of an office: the weekly rules and the extra days as editable tables.
import { WEEKDAYS } from '../../../domain/types.ts';
import { EXTRA_FIELDS, RULE_FIELDS, rowCount } from '../../staff/settings-hours.ts';
import type { StaffFrame } from './staff-layout.tsx';
import { CellInput, SettingsForm, SettingsShell, type FormState } from './settings-page.tsx';
import { settingsTexts } from './settings-texts.ts';

export function HoursPage(props: { frame: StaffFrame; office: { id: string; name: string }; version: string; state: FormState }) {
  const s = settingsTexts(props.frame.locale);
  const h = s.hours;
  const { state } = props;
  const title = `${h.title}: ${props.office.name}`;
  const rules = rowCount(state.values, 'hrows');
  const extra = rowCount(state.values, 'xrows');
  const removeBox = (name: string, label: string) => (
    <td class="kern-table__cell">
      <div class="kern-form-check">
        <input class="kern-form-check__checkbox" type="checkbox" id={name} name={name} value="ja" checked={state.values[name] === 'ja'} />
        <label class="kern-label" for={name}><span class="kern-sr-only">{label}: {h.remove}</span></label>
      </div>
    </td>
  );
  return (
    <SettingsShell frame={props.frame} title={title} state={state}>
      <SettingsForm frame={props.frame} action={`/staff/einstellungen/amt/${encodeURIComponent(props.office.id)}/zeiten`} version={props.version} state={state} submit={s.common.save}>
        <input type="hidden" name="hrows" value={String(rules)} />
        <input type="hidden" name="xrows" value={String(extra)} />
        <h2 class="kern-heading-medium" id="regeln">{h.rules}</h2>
        <p class="kern-body" id="regeln-hinweis">{h.rulesHint}</p>
        <p class="kern-hint az-scroll-hint" id="regeln-scroll">{h.scrollHint}</p>
        <div class="az-table-wrap" role="region" aria-labelledby="regeln" aria-describedby="regeln-scroll" tabindex={0}>
          <table class="kern-table az-table az-edit-table" aria-describedby="regeln-hinweis">
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">{h.rowHeader}</th>
                <th class="kern-table__header" scope="col">{h.days}</th>
                {RULE_FIELDS.map((f) => <th class="kern-table__header" scope="col">{h[f]}</th>)}
                <th class="kern-table__header" scope="col">{h.remove}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {Array.from({ length: rules }, (_, i) => {
                const row = h.rule(i + 1);
                const err = state.fieldErrors[`h${i}-days`];
                return (
                  <tr class="kern-table__row">
                    <th class="kern-table__header" scope="row">{row}</th>
                    <td class="kern-table__cell">
                      <fieldset class={`kern-fieldset az-days${err ? ' kern-fieldset--error' : ''}`} id={`h${i}-days`} aria-describedby={err ? `h${i}-days-error` : undefined}>
                        <legend class="kern-sr-only">{`${row}: ${h.days}`}</legend>
                        {err ? <p class="kern-error" id={`h${i}-days-error`}><span class="kern-body">{err}</span></p> : null}
                        {WEEKDAYS.map((d) => (
                          <span class="az-day">
                            <input class="kern-form-check__checkbox" type="checkbox" id={`h${i}-${d}`} name={`h${i}-${d}`} value="ja" checked={state.values[`h${i}-${d}`] === 'ja'} />
                            <label class="kern-label" for={`h${i}-${d}`}><abbr title={h.dayLong[d]}>{h.dayNames[d]}</abbr></label>
                          </span>
                        ))}
                      </fieldset>
                    </td>
                    {RULE_FIELDS.map((f) => <CellInput state={state} name={`h${i}-${f}`} label={`${row}: ${h[f]}`} width={f.startsWith('valid') ? 10 : 5} />)}
                    {removeBox(`h${i}-remove`, row)}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>

        <h2 class="kern-heading-medium" id="zusatz">{h.extra}</h2>
        <p class="kern-hint az-scroll-hint" id="zusatz-scroll">{h.scrollHint}</p>
        <div class="az-table-wrap" role="region" aria-labelledby="zusatz" aria-describedby="zusatz-scroll" tabindex={0}>
          <table class="kern-table az-table az-edit-table">
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">{h.rowHeader}</th>
                {EXTRA_FIELDS.map((f) => <th class="kern-table__header" scope="col">{h[f]}</th>)}
                <th class="kern-table__header" scope="col">{h.remove}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {Array.from({ length: extra }, (_, i) => {
                const row = `${h.extra}, ${h.rule(i + 1)}`;
                return (
                  <tr class="kern-table__row">
                    <th class="kern-table__header" scope="row">{h.rule(i + 1)}</th>
                    {EXTRA_FIELDS.map((f) => <CellInput state={state} name={`x${i}-${f}`} label={`${row}: ${h[f]}`} width={f === 'date' ? 10 : 5} />)}
                    {removeBox(`x${i}-remove`, row)}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </SettingsForm>
    </SettingsShell>
  );
}
