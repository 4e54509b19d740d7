// The opening-hours form of an office: weekly rules and extra days as table rows
// (a few empty rows to add, a remove box per row) <-> the office's `hours` and `extraHours`.
import type { RawConfig } from '../../config/raw.ts';
import { WEEKDAYS, type Office } from '../../domain/types.ts';
import type { SettingsTexts } from '../views/staff/settings-texts.ts';
import { defined, num, str, type FieldRef } from './settings-form.ts';

export const RULE_FIELDS = ['from', 'to', 'counters', 'online', 'phone', 'validFrom', 'validTo'] as const;
export const EXTRA_FIELDS = ['date', 'from', 'to', 'counters', 'online', 'phone'] as const;
const MAX_ROWS = 100;
const EMPTY_RULES = 3;
const EMPTY_EXTRA = 2;

export function hoursValues(office: Office): Record<string, string> {
  const v: Record<string, string> = { hrows: String(office.hours.length + EMPTY_RULES), xrows: String(office.extraHours.length + EMPTY_EXTRA) };
  office.hours.forEach((h, i) => {
    for (const d of h.days) v[`h${i}-${d}`] = 'ja';
    for (const f of RULE_FIELDS) if (h[f] !== undefined) v[`h${i}-${f}`] = String(h[f]);
  });
  office.extraHours.forEach((e, i) => {
    for (const f of EXTRA_FIELDS) v[`x${i}-${f}`] = String(e[f]);
  });
  return v;
}

export function rowCount(v: Record<string, string>, key: string): number {
  const n = Number(v[key]);
  return Number.isInteger(n) && n > 0 ? Math.min(n, MAX_ROWS) : 0;
}

/** The rows as config data, and where each field's problems go. */
export function hoursEdit(v: Record<string, string>, officeId: string, officeIndex: number, s: SettingsTexts): { edit: (raw: RawConfig) => void; refs: FieldRef[] } {
  const refs: FieldRef[] = [];
  const hours: Record<string, unknown>[] = [];
  for (let i = 0; i < rowCount(v, 'hrows'); i++) {
    const days = WEEKDAYS.filter((d) => v[`h${i}-${d}`] === 'ja');
    const empty = days.length === 0 && RULE_FIELDS.every((f) => (v[`h${i}-${f}`] ?? '').trim() === '');
    if (v[`h${i}-remove`] === 'ja' || empty) continue;
    const at = `offices[${officeIndex}].hours[${hours.length}]`;
    const row = s.hours.rule(i + 1);
    refs.push({ path: at, id: `h${i}-days`, label: `${s.hours.rules}, ${row}` });
    refs.push({ path: `${at}.days`, id: `h${i}-days`, label: `${s.hours.rules}, ${row}, ${s.hours.days}` });
    for (const f of RULE_FIELDS) refs.push({ path: `${at}.${f}`, id: `h${i}-${f}`, label: `${s.hours.rules}, ${row}, ${s.hours[f]}` });
    hours.push(defined({
      days,
      from: str(v[`h${i}-from`]), to: str(v[`h${i}-to`]),
      counters: num(v[`h${i}-counters`]), online: num(v[`h${i}-online`]), phone: num(v[`h${i}-phone`]),
      validFrom: str(v[`h${i}-validFrom`]), validTo: str(v[`h${i}-validTo`]),
    }));
  }
  const extra: Record<string, unknown>[] = [];
  for (let i = 0; i < rowCount(v, 'xrows'); i++) {
    const empty = EXTRA_FIELDS.every((f) => (v[`x${i}-${f}`] ?? '').trim() === '');
    if (v[`x${i}-remove`] === 'ja' || empty) continue;
    const at = `offices[${officeIndex}].extraHours[${extra.length}]`;
    const row = s.hours.rule(i + 1);
    refs.push({ path: at, id: `x${i}-date`, label: `${s.hours.extra}, ${row}` });
    for (const f of EXTRA_FIELDS) refs.push({ path: `${at}.${f}`, id: `x${i}-${f}`, label: `${s.hours.extra}, ${row}, ${s.hours[f]}` });
    extra.push(defined({
      date: str(v[`x${i}-date`]), from: str(v[`x${i}-from`]), to: str(v[`x${i}-to`]),
      counters: num(v[`x${i}-counters`]), online: num(v[`x${i}-online`]), phone: num(v[`x${i}-phone`]),
    }));
  }
  return {
    refs,
    edit(raw) {
      const office = raw.offices.find((o) => o.id === officeId);
      if (!office) return;
      office.hours = hours;
      if (extra.length > 0) office.extraHours = extra;
      else delete office.extraHours;
    },
  };
}
