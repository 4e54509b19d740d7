// The `assistant` section of the config: validated like the rest (every problem
// as `path: message`), normalised, and round-tripping through export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { validateConfig, formatProblem } from './validate.ts';
import { exportConfig } from './export.ts';
import { validFile, type AnyConfig } from './test-fixtures.ts';

function withAssistant(assistant: unknown): AnyConfig {
  return { ...validFile(), assistant };
}

function problems(raw: unknown, locale: 'de' | 'en' = 'en'): string[] {
  const r = validateConfig(raw, locale);
  assert.equal(r.ok, false, 'expected the config to be refused');
  return r.ok ? [] : r.problems.map(formatProblem);
}

const good = () => ({
  questions: [
    {
      id: 'start',
      text: { de: 'Ziehen Sie um?', en: 'Are you moving?' },
      answers: [
        { label: { de: 'Ja', en: 'Yes' }, next: 'ausland' },
        { label: { de: 'Nein, Pass', en: 'No, passport' }, services: ['passport'] },
      ],
    },
    {
      id: 'ausland',
      text: 'Aus dem Ausland?',
      hint: 'Dauert länger.',
      answers: [
        { label: 'Ja', services: [{ id: 'anmeldung', quantity: 2 }], hint: 'Wohnungsgeberbestätigung mitbringen' },
        { label: 'Nein', services: ['anmeldung'] },
      ],
    },
  ],
  notFound: 'Nicht bei uns.',
  redirects: [{ keywords: { de: ['Kfz'], en: ['car'] }, text: 'Landratsamt' }],
});

test('a valid assistant is normalised: start defaults to the first question, plain ids mean quantity 1', () => {
  const r = validateConfig(withAssistant(good()));
  assert.ok(r.ok, r.ok ? '' : r.problems.map(formatProblem).join('\n'));
  const a = r.config.assistant!;
  assert.equal(a.start, 'start');
  assert.deepEqual(a.questions[0]!.answers[1]!.services, [{ id: 'passport', quantity: 1 }]);
  assert.deepEqual(a.questions[1]!.answers[0]!.services, [{ id: 'anmeldung', quantity: 2 }]);
  assert.deepEqual(a.questions[1]!.text, { de: 'Aus dem Ausland?', en: 'Aus dem Ausland?' });
  assert.deepEqual(a.redirects[0]!.keywords, { de: ['Kfz'], en: ['car'] });
});

test('no assistant section: none in the config', () => {
  const r = validateConfig(validFile());
  assert.ok(r.ok);
  assert.equal(r.config.assistant, undefined);
});

test('the assistant round-trips through export', () => {
  const r = validateConfig(withAssistant(good()));
  assert.ok(r.ok);
  const again = validateConfig(parse(exportConfig(r.orgId, r.config)));
  assert.ok(again.ok, again.ok ? '' : again.problems.map(formatProblem).join('\n'));
  assert.deepEqual(again.config, r.config);
});

test('unknown questions and services are caught, with suggestions', () => {
  const a = good() as AnyConfig;
  a.questions[0]!.answers[0]!.next = 'auslnd';
  (a.questions[1]!.answers[1] as AnyConfig).services = ['anmeldnug'];
  (a as AnyConfig).start = 'nope';
  assert.deepEqual(problems(withAssistant(a)), [
    'assistant.questions[0].answers[0].next: unknown question "auslnd" (did you mean "ausland"?); it must be the id of an entry under "assistant.questions"',
    'assistant.questions[1].answers[1].services[0]: unknown service "anmeldnug" (did you mean "anmeldung"?); it must be the id of an entry under "services"',
    'assistant.start: unknown question "nope"; it must be the id of an entry under "assistant.questions"',
  ]);
});

test('cycles are caught where they close', () => {
  const a = good() as AnyConfig;
  (a.questions[1]!.answers[1] as AnyConfig) = { label: 'Nein', next: 'start' };
  const p = problems(withAssistant(a));
  assert.deepEqual(p, [
    'assistant.questions[1].answers[1].next: leads back to question "start" (start → ausland → start), so the questions would never end',
  ]);
  assert.match(problems(withAssistant(a), 'de')[0]!, /führt zurück zur Frage „?"?start/);
});

test('an answer leads to exactly one of a question or concerns; quantities within maxQuantity; duplicate ids; unknown fields', () => {
  const a = good() as AnyConfig;
  a.questions[0].answers[0].services = ['passport'];
  delete a.questions[0].answers[1].services;
  a.questions[1].answers[0].services[0].quantity = 9;
  a.questions[1].id = 'start';
  a.questions[1].answers[1].nxt = 'x';
  const p = problems(withAssistant(a));
  assert.deepEqual(p, [
    'assistant.questions[0].answers[0]: an answer needs exactly one of "next" (another question) or "services" (the concerns it leads to)',
    'assistant.questions[0].answers[0].next: unknown question "ausland"; it must be the id of an entry under "assistant.questions"',
    'assistant.questions[0].answers[1]: an answer needs exactly one of "next" (another question) or "services" (the concerns it leads to)',
    'assistant.questions[1].id: duplicate id "start" (already used by assistant.questions[0])',
    'assistant.questions[1].answers[0].services[0].quantity: is more than the service\'s maxQuantity (5)',
    'assistant.questions[1].answers[1].nxt: unknown field (did you mean "next"?)',
  ]);
});
