import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rawConfig } from '../../config/raw.ts';
import { validateConfig } from '../../config/validate.ts';
import { settingsTexts } from '../views/staff/settings-texts.ts';
import { hoursEdit, hoursValues } from './settings-hours.ts';
import { num, withProblems } from './settings-form.ts';
import type { Office, OrgConfig } from '../../domain/types.ts';

const office: Office = {
  id: 'a', name: 'Amt A', address: 'Markt 1', phone: '0341', email: 'a@example.org', slotMinutes: 15, services: ['x'],
  booking: { leadMinutes: 60, horizonDays: 30, holdMinutes: 10, maxActivePerEmail: 3, cancelUntilMinutes: 0, maxServices: 3, confirmByEmail: false, confirmMinutes: 60, reminderHours: 24 },
  hours: [
    { days: ['mon'], from: '08:00', to: '12:00', counters: 2, online: 2, phone: 2 },
    { days: ['tue'], from: '13:00', to: '16:00', counters: 1, online: 1, phone: 1 },
  ],
  closures: [], extraHours: [],
};
const config: OrgConfig = {
  organization: { name: 'Stadt', timezone: 'Europe/Berlin', defaultLocale: 'de', publicUrl: 'http://localhost', retentionDays: 30 },
  services: [{ id: 'x', name: { de: 'X', en: 'X' }, area: { de: 'A', en: 'A' }, minutes: 15, maxQuantity: 1, documents: { de: [], en: [] } }],
  offices: [office],
};
const s = settingsTexts('de');

test('numbers from the form: digits become numbers, empty is left out, anything else stays text for the check', () => {
  assert.equal(num(' 12 '), 12);
  assert.equal(num(''), undefined);
  assert.equal(num('zwei'), 'zwei');
});

test('a problem in a row after a removed one lands at the row the user typed in', () => {
  const v = { ...hoursValues(office), 'h0-remove': 'ja', 'h1-to': '12:00' };
  const { edit, refs } = hoursEdit(v, 'a', 0, s);
  const raw = rawConfig('org', config);
  edit(raw);
  const r = validateConfig(raw, 'de');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(r.problems.map((p) => p.path), ['offices[0].hours[0].to']);
  const state = withProblems(v, r.problems, refs);
  assert.deepEqual(Object.keys(state.fieldErrors), ['h1-to']);
  assert.match(state.errors[0]!.message, /^Wöchentliche Öffnungszeiten, Zeile 2, Bis: /);
  assert.equal(state.errors[0]!.id, 'h1-to');
});

test('empty rows are ignored; a problem outside the form goes to the summary with its path', () => {
  const v = hoursValues(office);
  assert.equal(v.hrows, '5');
  const { edit } = hoursEdit(v, 'a', 0, s);
  const raw = rawConfig('org', config);
  edit(raw);
  const r = validateConfig(raw, 'de');
  assert.ok(r.ok);
  if (r.ok) assert.deepEqual(r.config.offices[0]!.hours, office.hours);
  const state = withProblems({}, [{ path: 'assistant.start', message: 'unbekannt' }], []);
  assert.deepEqual(state.errors, [{ id: 'seitentitel', message: 'assistant.start: unbekannt' }]);
});
