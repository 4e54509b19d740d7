// The audit log (admins: everything; office leads: their offices): newest first,
// each entry told in words (when, who, what, the reason), filtered by period
// (dates typed as 03.12.2026 or 2026-12-03), person, kind and office, a page at
// a time. The filter is a GET form, so a filtered view can be bookmarked.
import type { AuditPage as AuditData } from '../../../app/staff/list-audit.ts';
import { ORGANIZATION_WIDE } from '../../../app/staff/list-audit.ts';
import { ErrorSummary, SelectField, TextField } from '../components.tsx';
import { texts } from '../texts.ts';
import { auditTexts, type AuditTexts } from './audit-texts.ts';
import { LogEntry, tell, type EntryWords } from './audit-entry.tsx';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';

/** The kinds the filter offers, in groups (leads see no organization-wide kinds). */
function kindGroups(a: AuditTexts, admin: boolean): { label: string; kinds: string[] }[] {
  const groups = [
    {
      label: a.audit.groups.appointments,
      kinds: ['appointment.*', 'appointment.book', 'appointment.confirm', 'appointment.move', 'appointment.cancel', 'appointment.expire',
        'appointment.attendance', 'appointment.attendance_undo', 'appointment.relane', 'appointment.conflict', 'appointment.conflict_cleared',
        'appointment.contacted'],
    },
    {
      label: a.audit.groups.plans,
      kinds: ['config.import', 'plan.outcome', 'settings.*', 'settings.office.hours', 'settings.office.booking', 'settings.office.details',
        ...(admin ? ['settings.service.*'] : []), 'export.personal_data', 'feed.*'],
    },
  ];
  if (admin) groups.push({ label: a.audit.groups.users, kinds: ['user.*', 'token.*'] });
  return groups;
}

export function AuditLogPage(props: { frame: StaffFrame; data: AuditData }) {
  const { frame, data } = props;
  const { locale, t } = frame;
  const a = auditTexts(locale);
  const f = data.filter;
  const admin = data.organizationWide;
  const w: EntryWords = { locale, tz: data.timezone, names: data.names };
  const problem = (key: 'from' | 'to') => {
    const p = data.problems[key];
    if (!p) return undefined;
    return p.key === 'date.order' ? a.audit.dateOrder : a.audit.dateInvalid(String(p.params?.value ?? f[key]));
  };
  const errors = (['from', 'to'] as const).flatMap((k) => (problem(k) ? [{ id: k, message: problem(k)! }] : []));
  const link = (page: number) => {
    const q = new URLSearchParams();
    for (const k of ['from', 'to', 'person', 'action', 'office'] as const) if (f[k]) q.set(k, f[k]);
    if (page > 1) q.set('seite', String(page));
    const s = q.toString();
    return `/staff/protokoll${s ? `?${s}` : ''}`;
  };
  const filtered = Boolean(f.from || f.to || f.person || f.action || f.office);
  const known = kindGroups(a, admin).flatMap((g) => g.kinds);
  const title = `${a.audit.title}${data.page > 1 ? ` – ${a.audit.page(data.page)}` : ''}`;
  return (
    <StaffLayout frame={frame} title={title} hasErrors={errors.length > 0}>
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorSummary t={{ ...texts(locale), common: { ...texts(locale).common, errorSummary: t.errors.summary } }} errors={errors} />
      <p class="kern-body">{admin ? a.audit.intro : a.audit.introLead}</p>
      <form method="get" action="/staff/protokoll" class="az-filter" novalidate>
        <TextField id="from" name="from" label={a.audit.from} value={f.from} error={problem('from')} />
        <TextField id="to" name="to" label={a.audit.to} value={f.to} error={problem('to')} />
        <SelectField id="person" name="person" label={a.audit.person} value={f.person} options={[
          { value: '', label: a.audit.everyone },
          ...data.people.map((p) => ({ value: p.id, label: p.name })),
          { value: 'citizen', label: a.audit.citizen },
          { value: 'system', label: a.audit.system },
        ]} />
        <div class="kern-form-input">
          <label class="kern-label" for="action">{a.audit.kind}</label>
          <div class="kern-form-input__select-wrapper">
            <select class="kern-form-input__select" id="action" name="action">
              <option value="" selected={f.action === ''}>{a.audit.all}</option>
              {kindGroups(a, admin).map((g) => (
                <optgroup label={g.label}>
                  {g.kinds.map((k) => <option value={k} selected={k === f.action}>{a.audit.kinds[k] ?? k}</option>)}
                </optgroup>
              ))}
              {f.action && !known.includes(f.action) ? <option value={f.action} selected>{f.action}</option> : null}
            </select>
          </div>
        </div>
        {data.offices.length > 1 || admin ? (
          <SelectField id="office" name="office" label={a.audit.office} value={f.office} options={[
            { value: '', label: a.audit.all },
            ...data.offices.map((o) => ({ value: o.id, label: o.name })),
            ...(admin ? [{ value: ORGANIZATION_WIDE, label: a.audit.orgWide }] : []),
          ]} />
        ) : null}
        <div class="az-actions">
          <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{a.audit.filter}</span></button>
          {filtered ? <a class="kern-link" href="/staff/protokoll">{a.audit.reset}</a> : null}
        </div>
      </form>
      {data.entries.length === 0 ? <p class="kern-body">{a.audit.none}</p> : (
        <ol class="az-log" aria-label={a.audit.title}>
          {data.entries.map((e) => <LogEntry at={e.at} who={e.who} told={tell(e, w, true)} w={w} />)}
        </ol>
      )}
      {data.page > 1 || data.hasMore ? (
        <nav aria-label={a.audit.pages} class="az-actions">
          {data.page > 1 ? <a class="kern-link" href={link(data.page - 1)}>{a.audit.newer}</a> : null}
          {data.hasMore ? <a class="kern-link" href={link(data.page + 1)}>{a.audit.older}</a> : null}
        </nav>
      ) : null}
    </StaffLayout>
  );
}
