// The audit log (admins): newest first, filtered by action and actor, a page at a
// time. Any action is shown the same way: a list of changes (path, before, after)
// as a table, every other detail as "key: value".
import type { AuditPage as AuditData } from '../../../app/staff/list-audit.ts';
import { localDateOf, localTimeOf } from '../../../domain/time.ts';
import type { StaffFrame } from './staff-layout.tsx';
import { SettingsShell } from './settings-page.tsx';
import { settingsTexts, type SettingsTexts } from './settings-texts.ts';

interface Change { path: string; old: unknown; new: unknown }

const isChange = (x: unknown): x is Change =>
  typeof x === 'object' && x !== null && typeof (x as Change).path === 'string' && 'old' in x && 'new' in x;

function show(v: unknown, a: SettingsTexts['audit']): string {
  if (v === null || v === undefined || v === '') return a.empty;
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.join(', ');
  return JSON.stringify(v);
}

function Details(props: { details: unknown; a: SettingsTexts['audit'] }) {
  const { a } = props;
  if (typeof props.details !== 'object' || props.details === null || Array.isArray(props.details)) {
    return <span>{show(props.details, a)}</span>;
  }
  const entries = Object.entries(props.details as Record<string, unknown>);
  const changes = entries.find(([k, v]) => k === 'changes' && Array.isArray(v) && v.every(isChange))?.[1] as Change[] | undefined;
  const rest = entries.filter(([k]) => !(k === 'changes' && changes));
  return (
    <>
      {rest.length > 0 ? (
        <ul class="kern-list az-details">
          {rest.map(([k, v]) => <li><span class="az-key">{k}:</span> {show(v, a)}</li>)}
        </ul>
      ) : null}
      {changes && changes.length > 0 ? (
        <table class="kern-table kern-table--small az-table">
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">{a.path}</th>
              <th class="kern-table__header" scope="col">{a.old}</th>
              <th class="kern-table__header" scope="col">{a.new}</th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {changes.map((c) => (
              <tr class="kern-table__row">
                <td class="kern-table__cell"><code>{c.path}</code></td>
                <td class="kern-table__cell az-value">{show(c.old, a)}</td>
                <td class="kern-table__cell az-value">{show(c.new, a)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

export function AuditLogPage(props: { frame: StaffFrame; data: AuditData; filter: { action: string; actor: string } }) {
  const a = settingsTexts(props.frame.locale).audit;
  const { data, filter } = props;
  const link = (page: number) => {
    const q = new URLSearchParams();
    if (filter.action) q.set('action', filter.action);
    if (filter.actor) q.set('actor', filter.actor);
    if (page > 1) q.set('seite', String(page));
    const s = q.toString();
    return `/staff/protokoll${s ? `?${s}` : ''}`;
  };
  return (
    <SettingsShell frame={props.frame} title={`${a.title}${data.page > 1 ? ` – ${a.page(data.page)}` : ''}`} back={false}>
      <form method="get" action="/staff/protokoll" class="az-filter">
        <div class="kern-form-input">
          <label class="kern-label" for="action">{a.action}</label>
          <div class="kern-form-input__select-wrapper">
            <select class="kern-form-input__select" id="action" name="action">
              <option value="" selected={filter.action === ''}>{a.all}</option>
              {data.actions.map((x) => <option value={x} selected={x === filter.action}>{x}</option>)}
            </select>
          </div>
        </div>
        <div class="kern-form-input">
          <label class="kern-label" for="actor">{a.actor}</label>
          <input class="kern-form-input__input" id="actor" name="actor" type="text" value={filter.actor} />
        </div>
        <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{a.filter}</span></button>
      </form>
      {data.entries.length === 0 ? <p class="kern-body">{a.none}</p> : (
        <div class="az-table-wrap" role="region" aria-label={a.title} tabindex={0}>
          <table class="kern-table az-table">
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">{a.when}</th>
                <th class="kern-table__header" scope="col">{a.who}</th>
                <th class="kern-table__header" scope="col">{a.action}</th>
                <th class="kern-table__header" scope="col">{a.what}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {data.entries.map((e) => (
                <tr class="kern-table__row">
                  <td class="kern-table__cell az-nowrap">
                    <time datetime={e.at.toISOString()}>{localDateOf(e.at.getTime(), data.timezone)} {localTimeOf(e.at.getTime(), data.timezone)}</time>
                  </td>
                  <td class="kern-table__cell">{e.actor}</td>
                  <td class="kern-table__cell"><code>{e.action}</code></td>
                  <td class="kern-table__cell"><Details details={e.details} a={a} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={a.title} class="az-actions">
        {data.page > 1 ? <a class="kern-link" href={link(data.page - 1)}>{a.newer}</a> : null}
        {data.hasMore ? <a class="kern-link" href={link(data.page + 1)}>{a.older}</a> : null}
      </nav>
    </SettingsShell>
  );
}
