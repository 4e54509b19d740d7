// The booking-rules form and the office-details form of an office <-> the office's config data.
import type { RawConfig } from '../../config/raw.ts';
import { BOOKING_DEFAULTS } from '../../config/schema.ts';
import type { Office, OrgConfig } from '../../domain/types.ts';
import type { SettingsTexts } from '../views/staff/settings-texts.ts';
import { defined, num, str, type FieldRef } from './settings-form.ts';

export const BOOKING_FIELDS = [
  'leadMinutes', 'horizonDays', 'releaseTime', 'holdMinutes', 'maxActivePerEmail',
  'cancelUntilMinutes', 'maxServices', 'confirmByEmail', 'confirmMinutes', 'reminderHours', 'noShowGraceMinutes',
] as const;
export type BookingField = (typeof BOOKING_FIELDS)[number];

/** The default of each booking rule, as the config file has it (releaseTime has none). */
export const BOOKING_DEFAULT: Record<BookingField, string | boolean | number | undefined> = { ...BOOKING_DEFAULTS, releaseTime: undefined };

export function bookingValues(office: Office): Record<string, string> {
  const v: Record<string, string> = {};
  for (const f of BOOKING_FIELDS) {
    const x = office.booking[f];
    if (x !== undefined) v[`b-${f}`] = typeof x === 'boolean' ? (x ? 'true' : 'false') : String(x);
  }
  return v;
}

export function bookingEdit(v: Record<string, string>, officeId: string, officeIndex: number, s: SettingsTexts): { edit: (raw: RawConfig) => void; refs: FieldRef[] } {
  const refs: FieldRef[] = BOOKING_FIELDS.map((f) => ({ path: `offices[${officeIndex}].booking.${f}`, id: `b-${f}`, label: s.rules.fields[f]![0] }));
  const confirm = str(v['b-confirmByEmail']);
  const booking = defined({
    ...Object.fromEntries(BOOKING_FIELDS.filter((f) => f !== 'releaseTime' && f !== 'confirmByEmail').map((f) => [f, num(v[`b-${f}`])])),
    releaseTime: str(v['b-releaseTime']),
    confirmByEmail: confirm === 'true' ? true : confirm === 'false' ? false : confirm,
  });
  return {
    refs,
    edit(raw) {
      const office = raw.offices.find((o) => o.id === officeId);
      if (office) office.booking = booking;
    },
  };
}

export const DETAIL_FIELDS = ['name', 'address', 'phone', 'email', 'slotMinutes'] as const;

export function detailValues(office: Office): Record<string, string> {
  const v: Record<string, string> = {};
  for (const f of DETAIL_FIELDS) v[`o-${f}`] = String(office[f]);
  for (const id of office.services) v[`svc-${id}`] = 'ja';
  return v;
}

export function detailEdit(v: Record<string, string>, config: OrgConfig, officeId: string, officeIndex: number, s: SettingsTexts): { edit: (raw: RawConfig) => void; refs: FieldRef[] } {
  const refs: FieldRef[] = [
    ...DETAIL_FIELDS.map((f) => ({ path: `offices[${officeIndex}].${f}`, id: `o-${f}`, label: s.office[f] })),
    { path: `offices[${officeIndex}].services`, id: 'o-services', label: s.office.services },
  ];
  const services = config.services.map((x) => x.id).filter((id) => v[`svc-${id}`] === 'ja');
  return {
    refs,
    edit(raw) {
      const office = raw.offices.find((o) => o.id === officeId);
      if (!office) return;
      for (const f of DETAIL_FIELDS) {
        const value = f === 'slotMinutes' ? num(v[`o-${f}`]) : str(v[`o-${f}`]);
        if (value === undefined) delete office[f];
        else office[f] = value;
      }
      office.services = services;
    },
  };
}
