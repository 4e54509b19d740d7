import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rawConfig } from '../../config/raw.ts';
import { validateConfig } from '../../config/validate.ts';
import { settingsTexts } from '../views/staff/settings-texts.ts';
import { hoursEdit, hoursValues } from './settings-hours.ts';
import { num, withProblems } from './settings-form.ts';
import { formMessage, type ProblemWords } from './settings-problems.ts';
import type { SettingsProblem } from '../../app/staff/change-settings.ts';
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
const words: ProblemWords = { s, locale: 'de', config };

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
  const state = withProblems(v, r.problems, refs, words);
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
  const state = withProblems({}, [{ path: 'assistant.start', message: 'unbekannt' }], [], words);
  assert.deepEqual(state.errors, [{ id: 'seitentitel', message: 'assistant.start: unbekannt' }]);
});

const problem = (path: (string | number)[], key: string, params: Record<string, unknown> = {}): SettingsProblem =>
  ({ path: path.join('.'), message: `import: ${key}`, key, params, at: path });

test('the import\'s problems in the form\'s words: labels for config keys, no YAML advice, names for paths', () => {
  const at = ['offices', 0, 'hours', 0];
  const de = (p: SettingsProblem) => formMessage(p, words);
  const en = (p: SettingsProblem) => formMessage(p, { s: settingsTexts('en'), locale: 'en', config });
  assert.equal(de(problem([...at, 'to'], 'after', { field: 'from', other: '08:00' })), 'muss später sein als „Von“ (08:00)');
  assert.equal(en(problem([...at, 'to'], 'after', { field: 'from', other: '08:00' })), 'must be later than "From" (08:00)');
  assert.equal(de(problem([...at, 'phone'], 'exceeds', { field: 'counters', other: 3, value: 5 })), 'darf nicht größer sein als „Schalter“ (3)');
  assert.equal(de(problem([...at, 'online'], 'exceeds', { field: 'phone', other: 1, value: 2 })), 'darf nicht größer sein als „davon Telefon“ (1)');
  assert.equal(en(problem([...at, 'validTo'], 'not_before', { field: 'validFrom', other: '2027-01-01' })), 'must not be before "Valid from" (2027-01-01)');
  assert.equal(de(problem(['offices', 0, 'booking', 'leadMinutes'], 'lead_beyond_horizon', { leadMinutes: 99999, horizonDays: 10 })),
    'reicht über den Buchungszeitraum hinaus („Buchungszeitraum (Tage)“: 10), so wäre nie etwas buchbar');
  assert.equal(de(problem(['services', 1, 'id'], 'duplicate_id', { id: 'x', first: 'services[0]' })), 'diese Kennung hat schon das Anliegen „X“');
  assert.equal(de(problem(['services', 1, 'leika'], 'leika', { value: '123' })), 'muss ein LeiKa-Schlüssel aus 14 Ziffern sein');
  assert.equal(de(problem([...at, 'days'], 'empty_list')), 'Bitte mindestens einen Tag wählen.');
  assert.equal(en(problem(['offices', 0, 'services'], 'empty_list', { hint: 'services' })), 'Please choose at least one concern.');
  assert.equal(de(problem([...at, 'counters'], 'max', { max: 50, value: 1e20 })), 'zu groß (höchstens 50)');
  assert.equal(de(problem([...at, 'counters'], 'type', { expected: 'number', value: 'zwei' })), 'muss eine ganze Zahl sein');
  assert.equal(de(problem([...at, 'from'], 'time', { value: '25:00' })), 'import: time');
  // a huge number is a number (and so "too large"), not "must be a number"
  assert.equal(num('99999999999999999999'), 1e20);
  for (const text of [
    de(problem([...at, 'to'], 'after', { field: 'from', other: '08:00' })),
    de(problem(['services', 1, 'leika'], 'leika', { value: '123' })),
  ]) assert.doesNotMatch(text, /from|Anführungszeichen|services\[/);
});

test('concern removal blocked by the assistant: one entry, the answers in readable form, what to do', () => {
  const withAssistant: OrgConfig = {
    ...config,
    assistant: {
      questions: [
        { id: 'q', text: { de: 'Worum geht es?', en: 'What is it about?' }, answers: [] },
        { id: 'umzug', text: { de: 'Wohin ziehen Sie?', en: 'Where are you moving to?' }, answers: [
          { label: { de: 'Ins Ausland', en: 'Abroad' }, services: [{ id: 'x', quantity: 1 }] },
          { label: { de: 'Nach hier', en: 'Here' }, services: [{ id: 'x', quantity: 1 }] },
        ] },
      ],
      redirects: [],
    },
  };
  const problems = [
    problem(['assistant', 'questions', 1, 'answers', 0, 'services', 0, 'id'], 'unknown_service', { id: 'x', suggestion: 'y' }),
    problem(['assistant', 'questions', 1, 'answers', 1, 'services', 0], 'unknown_service', { id: 'x' }),
  ];
  const de = withProblems({}, problems, [], { s, locale: 'de', config: withAssistant });
  assert.equal(de.errors.length, 1);
  assert.equal(de.errors[0]!.id, 'seitentitel');
  const m = de.errors[0]!.message;
  assert.match(m, /Buchungsassistent schlägt dieses Anliegen noch vor: Frage „Wohin ziehen Sie\?“, Antwort „Ins Ausland“; Frage „Wohin ziehen Sie\?“, Antwort „Nach hier“/);
  assert.match(m, /amtszeit config import/);
  assert.doesNotMatch(m, /meinten Sie|assistant\.questions/);
  const en = withProblems({}, problems, [], { s: settingsTexts('en'), locale: 'en', config: withAssistant });
  assert.match(en.errors[0]!.message, /booking assistant still suggests this concern: question "Where are you moving to\?", answer "Abroad"/);
});
