// The choices per stranded appointment as a form carries them: read from the
// fields, turned into what the use cases carry out, written back as fields, and
// the calendar step's answer folded in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choiceFields, nextPick, pickedAt, readRowChoices, stateQuery, takePick, toChoices } from './stranded-form.ts';

const T = '2026-12-10T09:00:00+01:00';
const P = '2026-12-15T10:30:00+01:00';

test('rows from the fields; unknown choices are ignored; a picked time without a choice stays on offer', () => {
  const rows = readRowChoices({ 'c_AAAA-BBBB': 'move', 't_AAAA-BBBB': T, 'c_CCCC-DDDD': 'calendar', 'c_EEEE-FFFF': 'drop', 'p_GGGG-HHHH': P });
  assert.deepEqual([...rows], [
    ['AAAA-BBBB', { c: 'move', t: T, p: undefined }],
    ['CCCC-DDDD', { c: 'calendar', t: undefined, p: undefined }],
    ['GGGG-HHHH', { c: 'keep', t: undefined, p: P }],
  ]);
  assert.equal(nextPick(rows), 'CCCC-DDDD');
});

test('what is carried out: the suggested or the picked time; the calendar choice is no choice yet', () => {
  const rows = readRowChoices({ c_A: 'move', t_A: T, c_B: 'pick', p_B: P, c_C: 'calendar', c_D: 'cancel', c_E: 'keep' });
  assert.deepEqual([...toChoices(rows)], [
    ['A', { choice: 'move', startsAt: T }],
    ['B', { choice: 'move', startsAt: P, picked: true }],
    ['D', { choice: 'cancel' }],
    ['E', { choice: 'keep' }],
  ]);
  assert.deepEqual(choiceFields(rows), { c_A: 'move', t_A: T, c_B: 'pick', p_B: P, c_C: 'calendar', c_D: 'cancel', c_E: 'keep' });
});

test('the calendar step: a time taken, none chosen, or back', () => {
  const rows = readRowChoices({ c_A: 'calendar', c_B: 'calendar' });
  assert.equal(takePick(rows, { step: 'pick', fuer: 'A' }), 'choose', 'a time is required');
  assert.equal(rows.get('A')!.c, 'calendar');
  assert.equal(takePick(rows, { step: 'pick', fuer: 'A', startsAt: P }), undefined);
  assert.deepEqual(rows.get('A'), { c: 'pick', t: undefined, p: P });
  assert.equal(nextPick(rows), 'B');
  takePick(rows, { step: 'back', fuer: 'B' });
  assert.equal(rows.get('B')!.c, 'keep', 'back without a time: keep');
  rows.set('A', { c: 'calendar', p: P });
  takePick(rows, { step: 'back', fuer: 'A' });
  assert.equal(rows.get('A')!.c, 'pick', 'back: the time picked before stays chosen');
  assert.equal(nextPick(rows), undefined);
});

test('a picked time as shown: only a real date and time', () => {
  assert.deepEqual(pickedAt(P), { date: '2026-12-15', time: '10:30' });
  assert.equal(pickedAt('2026-02-30T10:00:00+01:00'), null);
  assert.equal(pickedAt('<script>'), null);
  assert.equal(pickedAt(undefined), null);
  assert.equal(stateQuery({ a: '1', b: '' }, { tag: '2026-12-15', monat: undefined }), 'a=1&tag=2026-12-15');
});
