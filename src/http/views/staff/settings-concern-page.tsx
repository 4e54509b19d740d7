// Concerns (admins): the list with the offices offering each, editing or adding one, removing one.
import type { StaffFrame } from './staff-layout.tsx';
import { CheckGroup, Field, SettingsForm, SettingsShell, type FormState } from './settings-page.tsx';
import { settingsTexts } from './settings-texts.ts';

export interface ConcernRow {
  id: string;
  name: string;
  area: string;
  minutes: number;
  offices: string[];
}

export function ConcernListPage(props: { frame: StaffFrame; rows: ConcernRow[]; notice?: FormState['notice'] }) {
  const c = settingsTexts(props.frame.locale).concerns;
  return (
    <SettingsShell frame={props.frame} title={c.title} state={{ values: {}, errors: [], fieldErrors: {}, notice: props.notice }}>
      <p class="kern-body"><a class="kern-btn kern-btn--secondary" href="/staff/einstellungen/neues-anliegen"><span class="kern-label">{c.add}</span></a></p>
      <div class="az-table-wrap" role="region" aria-label={c.title} tabindex={0}>
        <table class="kern-table az-table">
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">{c.name}</th>
              <th class="kern-table__header" scope="col">{c.area}</th>
              <th class="kern-table__header kern-table__header--numeric" scope="col">{c.minutes}</th>
              <th class="kern-table__header" scope="col">{c.offeredIn}</th>
              <th class="kern-table__header" scope="col"><span class="kern-sr-only">{c.edit}</span></th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {props.rows.map((r) => {
              const base = `/staff/einstellungen/anliegen/${encodeURIComponent(r.id)}`;
              return (
                <tr class="kern-table__row">
                  <th class="kern-table__header" scope="row">{r.name} <span class="kern-body">({r.id})</span></th>
                  <td class="kern-table__cell">{r.area}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{r.minutes}</td>
                  <td class="kern-table__cell">{r.offices.length > 0 ? r.offices.join(', ') : c.none}</td>
                  <td class="kern-table__cell">
                    <a class="kern-link" href={base}>{c.edit}<span class="kern-sr-only">: {r.name}</span></a>{' · '}
                    <a class="kern-link" href={`${base}/entfernen`}>{c.remove}<span class="kern-sr-only">: {r.name}</span></a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </SettingsShell>
  );
}

export function ConcernPage(props: {
  frame: StaffFrame; id?: string; title: string; version: string; state: FormState; offices: { id: string; name: string }[];
}) {
  const s = settingsTexts(props.frame.locale);
  const c = s.concerns;
  const { state } = props;
  const action = props.id === undefined ? '/staff/einstellungen/neues-anliegen' : `/staff/einstellungen/anliegen/${encodeURIComponent(props.id)}`;
  const pair = (f: 'name' | 'area' | 'fee', optional = false) => (
    <fieldset class="kern-fieldset">
      <legend class="kern-label">{c[f]}{optional ? <span class="kern-label__optional"> {s.common.optional}</span> : null}</legend>
      <div class="kern-fieldset__body">
        <Field state={state} name={`s-${f}-de`} label={c.de} />
        <Field state={state} name={`s-${f}-en`} label={c.en} />
      </div>
    </fieldset>
  );
  const lists = (f: 'documents' | 'keywords') => (
    <fieldset class="kern-fieldset">
      <legend class="kern-label">{c[f]}<span class="kern-label__optional"> {s.common.optional}</span></legend>
      <div class="kern-fieldset__body">
        <Field state={state} name={`s-${f}-de`} label={c.de} rows={4} />
        <Field state={state} name={`s-${f}-en`} label={c.en} rows={4} />
      </div>
    </fieldset>
  );
  return (
    <SettingsShell frame={props.frame} title={props.title} state={state}>
      <SettingsForm frame={props.frame} action={action} version={props.version} state={state} submit={s.common.save}>
        {props.id === undefined ? <Field state={state} name="s-id" label={c.id} hint={c.idHint} /> : null}
        {pair('name')}
        {pair('area')}
        <Field state={state} name="s-minutes" label={c.minutes} inputmode="numeric" />
        <Field state={state} name="s-maxQuantity" label={c.maxQuantity} inputmode="numeric" hint={s.common.defaultIs('1')} />
        {lists('documents')}
        {pair('fee', true)}
        {lists('keywords')}
        <Field state={state} name="s-leika" label={c.leika} optional={s.common.optional} inputmode="numeric" />
        <CheckGroup state={state} id="offices" legend={c.offices} boxes={props.offices.map((o) => ({ name: `off-${o.id}`, label: o.name }))} />
      </SettingsForm>
    </SettingsShell>
  );
}

export function ConcernRemovePage(props: { frame: StaffFrame; id: string; name: string; version: string; state: FormState }) {
  const c = settingsTexts(props.frame.locale).concerns;
  return (
    <SettingsShell frame={props.frame} title={c.removeTitle(props.name)} state={props.state}>
      <p class="kern-body">{c.removeText}</p>
      <SettingsForm frame={props.frame} action={`/staff/einstellungen/anliegen/${encodeURIComponent(props.id)}/entfernen`} version={props.version} state={props.state} submit={c.removeButton} cancel="/staff/einstellungen/anliegen">
        {null}
      </SettingsForm>
    </SettingsShell>
  );
}
