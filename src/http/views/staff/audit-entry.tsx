// One entry of the audit log or of an appointment's history, told in words:
// when (weekday, date and time in the organization's time zone), who (a staff
// member's name, the citizen, the system) and what happened — the old and new
// time, the status, the reason, the cause; a settings change as a table of
// what changed. Any other action is shown with its key and details.
import type { HistoryWho } from '../../../app/staff/list-appointment-history.ts';
import type { AppointmentChange } from '../../../domain/appointment-history.ts';
import { localDateOf, localTimeOf, weekdayOf } from '../../../domain/time.ts';
import type { Locale } from '../../../domain/types.ts';
import { fieldLabel } from '../../staff/settings-problems.ts';
import { settingsTexts } from './settings-texts.ts';
import { auditTexts, type AuditTexts } from './audit-texts.ts';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** `Mi., 02.12.2026, 09:13` (German) or `Wed 02/12/2026, 09:13` (English), in the time zone. */
export function formatWhen(ms: number, tz: string, a: AuditTexts): string {
  const date = localDateOf(ms, tz);
  const [y, m, d] = date.split('-');
  return a.dateTime(a.weekdays[WEEKDAYS.indexOf(weekdayOf(date))]!, d!, m!, y!, localTimeOf(ms, tz));
}

export function whoText(who: HistoryWho, a: AuditTexts): string {
  return who.kind === 'staff' ? who.name ?? a.who.staffUnknown : who.kind === 'citizen' ? a.who.citizen : a.who.system;
}

/** What the entry needs to be told: the page's language, the time zone, and names of users, concerns and offices by id. */
export interface EntryWords {
  locale: Locale;
  tz: string;
  names?: { users: Record<string, string>; services: Record<string, string>; offices: Record<string, string> };
}

interface Change { path: string; old: unknown; new: unknown }

/** The words of an entry: its sentence, further lines (reason, cause, counts), a link, a table of changes. */
export interface Told {
  text: string;
  lines: string[];
  link?: { href: string; label: string };
  changes?: Change[];
  /** details of an unknown kind of entry, as `key: value` */
  rest?: [string, string][];
}

const isChange = (x: unknown): x is Change =>
  typeof x === 'object' && x !== null && typeof (x as Change).path === 'string' && 'old' in x && 'new' in x;

function show(v: unknown, a: AuditTexts): string {
  if (v === null || v === undefined || v === '') return a.audit.empty;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.join(', ');
  return JSON.stringify(v);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** `02.12.2026` or `02.12.2026–04.12.2026`, with `, 09:00–10:00` when only part of each day. */
function period(d: Record<string, unknown>, a: AuditTexts): string {
  const day = (s: string) => {
    const [y, m, dd] = s.split('-');
    return y && m && dd ? a.date(dd, m, y) : s;
  };
  const from = str(d.from);
  const to = str(d.to);
  const days = from && to && from !== to ? `${day(from)}–${day(to)}` : day(from || to);
  return d.fromTime && d.toTime ? `${days}, ${str(d.fromTime)}–${str(d.toTime)}` : days;
}

/** A settings path in words: `offices[a].hours[0].to` -> `Bürgeramt A › Zeile 1 › Bis`. */
export function pathWords(path: string, w: EntryWords): string {
  const s = settingsTexts(w.locale);
  const parts = path.split('.').map((seg) => {
    const m = /^(\w+)\[([^\]]+)\]$/.exec(seg);
    if (!m) return seg === 'booking' ? '' : seg === 'de' || seg === 'en' ? `(${seg})` : fieldLabel(seg, s);
    const [, key, id] = m as unknown as [string, string, string];
    if (key === 'offices') return w.names?.offices[id] ?? id;
    if (key === 'services') return w.names?.services[id] ?? id;
    const row = /^\d+$/.test(id) ? Number(id) + 1 : id;
    if (key === 'hours') return `${s.hours.rules}, ${s.hours.rule(Number(row))}`;
    if (key === 'extraHours') return `${s.hours.extra}, ${s.hours.rule(Number(row))}`;
    return `${fieldLabel(key, s)} ${row}`;
  });
  return parts.filter(Boolean).join(' › ').replace(/ › \(/g, ' (');
}

function appointmentText(action: string, c: AppointmentChange, w: EntryWords, a: AuditTexts): string {
  const at = (iso: string | undefined) => (iso ? formatWhen(Date.parse(iso), w.tz, a) : '');
  const status = (s: string | undefined) => a.status[s ?? ''] ?? s ?? '';
  switch (action) {
    case 'appointment.book': {
      const booked = (a.appt.book[c.channel ?? 'online'] ?? a.appt.book.online!)(at(c.toStart));
      return c.toStatus === 'pending' ? `${booked} – ${a.appt.pending}` : booked;
    }
    case 'appointment.confirm': return a.appt.confirm;
    case 'appointment.move': return a.appt.move(at(c.fromStart), at(c.toStart));
    case 'appointment.cancel': return a.appt.cancel;
    case 'appointment.expire': return a.appt.expire;
    case 'appointment.attendance': return a.appt.attendance(status(c.fromStatus), status(c.toStatus)) + (c.ticket ? ` (${c.ticket})` : '');
    case 'appointment.attendance_undo': return a.appt.attendanceUndo(status(c.fromStatus), status(c.toStatus));
    case 'appointment.relane': return a.appt.relane(num(c.fromLane) + 1, num(c.toLane) + 1);
    case 'appointment.conflict': return a.appt.conflict;
    case 'appointment.conflict_cleared': return a.appt.conflictCleared;
    case 'appointment.contacted': return a.appt.contacted[c.contact ?? ''] ?? a.appt.contacted.reached!;
    case 'appointment.queue_call': return (num(c.calls) > 1 ? a.appt.queue.recall : a.appt.queue.call)(c.desk ?? '', c.ticket ?? '');
    case 'appointment.queue_start': return a.appt.queue.start(c.desk ?? '', c.ticket ?? '');
    case 'appointment.queue_defer': return a.appt.queue.defer(c.ticket ?? '');
    case 'appointment.queue_transfer': return a.appt.queue.transfer(c.desk ?? '', c.ticket ?? '');
    case 'appointment.queue_no_show': return a.appt.queue.noShow(c.ticket ?? '');
    default: return a.entries.other(action);
  }
}

/** Tells an entry; `withLink`: an appointment entry links to the appointment (the audit log, not the appointment's own page). */
export function tell(e: { id?: string; action: string; details: unknown; officeId?: string | null }, w: EntryWords, withLink: boolean): Told {
  const a = auditTexts(w.locale);
  const d = (typeof e.details === 'object' && e.details !== null && !Array.isArray(e.details) ? e.details : {}) as Record<string, unknown>;
  const office = (id: unknown) => w.names?.offices[str(id)] ?? str(id);
  const user = (id: unknown, fallback: unknown) => w.names?.users[str(id)] ?? (str(fallback) || str(id));
  if (e.action.startsWith('appointment.')) {
    const c = d as unknown as AppointmentChange;
    const lines: string[] = [];
    if (e.action === 'appointment.conflict' && c.conflict) lines.push(settingsTexts(w.locale).reasons[c.conflict] ?? c.conflict);
    if (c.reason) lines.push(a.appt.reason(c.reason));
    if (c.note) lines.push(a.appt.note(c.note));
    if (c.cause) lines.push(a.appt.cause[c.cause] ?? c.cause);
    const ref = str(c.reference);
    const text = appointmentText(e.action, c, w, a);
    return { text, lines, ...(withLink && ref ? { link: { href: `/staff/termin/${encodeURIComponent(ref)}`, label: a.appt.link(ref) } } : {}) };
  }
  const counts = (): string[] => {
    const out: string[] = [];
    if (num(d.keptConflicts) > 0) out.push(a.entries.kept(num(d.keptConflicts)));
    if (Array.isArray(d.relaned) && d.relaned.length > 0) out.push(a.entries.relaned(d.relaned.length));
    return out;
  };
  const changes = Array.isArray(d.changes) && d.changes.every(isChange) ? (d.changes as Change[]) : undefined;
  switch (e.action) {
    case 'config.import': {
      const where = office(d.office ?? e.officeId);
      const text = d.change === 'closure.add' ? a.entries.closureAdd(where, period(d, a))
        : d.change === 'block.add' ? a.entries.blockAdd(where, period(d, a), num(d.counters))
        : d.change === 'closure.remove' ? a.entries.closureRemove(where, period(d, a))
        : d.change === 'block.remove' ? a.entries.blockRemove(where, period(d, a))
        : a.entries.importAll(num(d.offices), num(d.services));
      return { text, lines: counts() };
    }
    case 'plan.outcome': {
      const list = Array.isArray(d.outcomes) ? (d.outcomes as { outcome?: string }[]) : [];
      const n = (o: string[]) => list.filter((x) => o.includes(x.outcome ?? '')).length;
      const lines = [a.entries.outcomes(n(['moved']), n(['cancelled']), n(['kept', 'gone', 'new']))];
      if (num(d.relaned) > 0) lines.push(a.entries.relaned(num(d.relaned)));
      const link = withLink && str(d.office) ? { href: `/staff/plaene/ergebnis?office=${encodeURIComponent(str(d.office))}&id=${encodeURIComponent(e.id ?? '')}`, label: a.entries.outcomeLink } : undefined;
      return { text: a.entries.planOutcome(office(d.office)), lines, ...(link ? { link } : {}) };
    }
    case 'user.add': return { text: a.entries.userAdd(user(d.userId, d.name), a.entries.role(str(d.role))), lines: [] };
    case 'user.update': {
      const before = (d.before ?? {}) as Record<string, unknown>;
      const after = (d.after ?? {}) as Record<string, unknown>;
      const table: Change[] = [];
      if (before.name !== after.name) table.push({ path: a.entries.name, old: before.name, new: after.name });
      if (before.role !== after.role) table.push({ path: a.entries.roleLabel, old: a.entries.role(str(before.role)), new: a.entries.role(str(after.role)) });
      const offices = (v: unknown) => (Array.isArray(v) ? v.map((o) => office(o)).join(', ') : '');
      if (offices(before.offices) !== offices(after.offices)) table.push({ path: a.entries.officesLabel, old: offices(before.offices), new: offices(after.offices) });
      return { text: a.entries.userUpdate(user(d.userId, after.name ?? d.email)), lines: [], changes: table };
    }
    case 'user.deactivate': return { text: a.entries.userDeactivate(user(d.userId, d.email)), lines: [] };
    case 'user.reactivate': return { text: a.entries.userReactivate(user(d.userId, d.email)), lines: [] };
    case 'user.password_reset': return { text: a.entries.passwordReset(user(d.userId, d.email)), lines: [] };
    case 'user.password_change': return { text: a.entries.passwordChange, lines: [] };
    case 'token.create': return { text: a.entries.tokenCreate(str(d.label), user(d.userId, d.email)), lines: [] };
    case 'token.revoke': return { text: a.entries.tokenRevoke(str(d.label), user(d.userId, d.email)), lines: [] };
    case 'feed.create': return { text: a.entries.feedCreate(str(d.label), office(d.office)), lines: [] };
    case 'feed.revoke': return { text: a.entries.feedRevoke(str(d.label), office(d.office)), lines: [] };
    case 'kiosk.create': return { text: a.entries.kioskCreate(str(d.label), office(d.office)), lines: [] };
    case 'kiosk.revoke': return { text: a.entries.kioskRevoke(str(d.label), office(d.office)), lines: [] };
    case 'export.personal_data': return { text: a.entries.export(office(d.office), period(d, a), num(d.rows)), lines: [] };
  }
  const settings = a.entries.settings[e.action];
  if (settings) {
    const subject = d.office !== undefined ? office(d.office) : w.names?.services[str(d.service)] ?? str(d.service);
    return {
      text: settings(subject), lines: counts(),
      changes: changes?.map((c) => ({ ...c, path: pathWords(c.path, w) })),
    };
  }
  return {
    text: a.entries.other(e.action), lines: [],
    ...(changes ? { changes } : {}),
    rest: Object.entries(d).filter(([k]) => !(k === 'changes' && changes)).map(([k, v]) => [k, show(v, a)]),
  };
}

/** The changes of a settings entry as a table (setting, before, after). */
export function ChangesTable(props: { changes: Change[]; a: AuditTexts }) {
  const { a } = props;
  return (
    <div class="az-table-wrap" role="region" aria-label={a.audit.setting} tabindex={0}>
      <table class="kern-table kern-table--small az-table">
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">{a.audit.setting}</th>
            <th class="kern-table__header" scope="col">{a.audit.old}</th>
            <th class="kern-table__header" scope="col">{a.audit.new}</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {props.changes.map((c) => (
            <tr class="kern-table__row">
              <td class="kern-table__cell">{c.path}</td>
              <td class="kern-table__cell az-value">{show(c.old, a)}</td>
              <td class="kern-table__cell az-value">{show(c.new, a)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One entry as a list item: when and who, then what happened. */
export function LogEntry(props: { at: number; who: HistoryWho; told: Told; w: EntryWords }) {
  const a = auditTexts(props.w.locale);
  const { told } = props;
  return (
    <li class="az-log__entry">
      <p class="kern-body az-log__head">
        <time datetime={new Date(props.at).toISOString()}>{formatWhen(props.at, props.w.tz, a)}</time>
        {' · '}<span class="az-log__who">{whoText(props.who, a)}</span>
      </p>
      <p class="kern-body az-log__what">
        {told.text}
        {told.link ? <>{' – '}<a class="kern-link" href={told.link.href}>{told.link.label}</a></> : null}
      </p>
      {told.lines.map((l) => <p class="kern-body az-log__line">{l}</p>)}
      {told.rest && told.rest.length > 0 ? (
        <ul class="kern-list az-details">{told.rest.map(([k, v]) => <li><span class="az-key">{k}:</span> {v}</li>)}</ul>
      ) : null}
      {told.changes && told.changes.length > 0 ? <ChangesTable changes={told.changes} a={a} /> : null}
    </li>
  );
}
