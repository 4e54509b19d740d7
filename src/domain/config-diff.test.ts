import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffConfig } from './config-diff.ts';

test('changed fields by id and position, plain lists as one value', () => {
  const a = {
    services: [{ id: 'x', minutes: 15, documents: { de: ['A'], en: ['A'] } }, { id: 'y', minutes: 5 }],
    offices: [{ id: 'o', hours: [{ days: ['mon'], from: '08:00' }], services: ['x', 'y'] }],
  };
  const b = {
    services: [{ id: 'x', minutes: 20, documents: { de: ['A', 'B'], en: ['A'] } }, { id: 'z', minutes: 5 }],
    offices: [{ id: 'o', hours: [{ days: ['mon', 'tue'], from: '08:00' }, { days: ['fri'], from: '09:00' }], services: ['x'] }],
  };
  assert.deepEqual(diffConfig(a, b), [
    { path: 'services[x].minutes', old: 15, new: 20 },
    { path: 'services[x].documents.de', old: ['A'], new: ['A', 'B'] },
    { path: 'services[y]', old: { id: 'y', minutes: 5 }, new: null },
    { path: 'services[z]', old: null, new: { id: 'z', minutes: 5 } },
    { path: 'offices[o].hours[0].days', old: ['mon'], new: ['mon', 'tue'] },
    { path: 'offices[o].hours[1]', old: null, new: { days: ['fri'], from: '09:00' } },
    { path: 'offices[o].services', old: ['x', 'y'], new: ['x'] },
  ]);
});

test('nothing changed: no entries; too many: cut with a count', () => {
  assert.deepEqual(diffConfig({ a: [1, 2] }, { a: [1, 2] }), []);
  const many = diffConfig({ l: Array.from({ length: 10 }, () => ({ v: 1 })) }, { l: Array.from({ length: 10 }, () => ({ v: 2 })) }, 3);
  assert.equal(many.length, 4);
  assert.deepEqual(many[3], { path: '…', old: null, new: '7 more' });
});

test('a reordered list of entries is one change', () => {
  assert.deepEqual(diffConfig({ s: [{ id: 'a' }, { id: 'b' }] }, { s: [{ id: 'b' }, { id: 'a' }] }), [
    { path: 's(order)', old: ['a', 'b'], new: ['b', 'a'] },
  ]);
});
