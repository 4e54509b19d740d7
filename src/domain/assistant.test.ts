import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDemoConfig } from '../config/demo.ts';
import { backPath, formatPath, parsePath, walk } from './assistant.ts';

const a = loadDemoConfig().config.assistant!;

test('the demo assistant: moving here from abroad leads to registration with the landlord hint', () => {
  const s0 = walk(a, []);
  assert.equal(s0?.kind, 'question');
  assert.equal(s0!.kind === 'question' && s0.question.id, 'worum');
  const s1 = walk(a, [0]);
  assert.equal(s1?.kind === 'question' && s1.question.id, 'umzug');
  const s2 = walk(a, [0, 0]);
  assert.equal(s2?.kind === 'question' && s2.question.id, 'ausland');
  const r = walk(a, [0, 0, 0]);
  assert.equal(r?.kind, 'result');
  if (r?.kind !== 'result') return;
  assert.deepEqual(r.services, [{ id: 'anmeldung', quantity: 1 }]);
  assert.match(r.hints[0]!.de, /Wohnungsgeberbestätigung/);
  assert.equal(r.trail.length, 3);
});

test('a lost ID leads to reporting the loss and a new ID card', () => {
  const r = walk(a, [1, 0]);
  assert.equal(r?.kind, 'result');
  assert.deepEqual(r!.kind === 'result' && r.services.map((s) => s.id), ['ausweis-verlust', 'personalausweis']);
});

test('a path past the end or with an unknown answer stops at the last valid question', () => {
  const s = walk(a, [0, 9]);
  assert.equal(s?.kind === 'question' && s.question.id, 'umzug');
  assert.deepEqual(s!.path, [0]);
  const r = walk(a, [0, 1, 5]);
  assert.equal(r?.kind, 'result');
  assert.deepEqual(r!.path, [0, 1]);
});

test('paths in URLs', () => {
  assert.deepEqual(parsePath('0-2-1'), [0, 2, 1]);
  assert.deepEqual(parsePath(''), []);
  assert.deepEqual(parsePath(undefined), []);
  assert.equal(parsePath('0--1'), undefined);
  assert.equal(parsePath('x'), undefined);
  assert.equal(formatPath([0, 2]), '0-2');
  assert.deepEqual(backPath([0, 2]), [0]);
  assert.equal(backPath([]), undefined);
});

test('no questions: no assistant', () => {
  assert.equal(walk({ questions: [], redirects: [] }, []), undefined);
});
