// Tests for duration.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appointmentMinutes } from './duration.ts';
import type { Service } from './types.ts';

const svc = (id: string, minutes: number): Service => ({
  id, minutes, maxQuantity: 5, name: { de: id, en: id }, area: { de: 'a', en: 'a' }, documents: { de: [], en: [] },
});
const catalogue = [svc('anmeldung', 15), svc('pass', 20), svc('kurz', 3)];

test('sums minutes x quantity and rounds up to the grid', () => {
  assert.equal(appointmentMinutes(catalogue, [{ id: 'anmeldung', quantity: 1 }], 5), 15);
  assert.equal(appointmentMinutes(catalogue, [{ id: 'anmeldung', quantity: 2 }, { id: 'pass', quantity: 1 }], 5), 50);
  assert.equal(appointmentMinutes(catalogue, [{ id: 'anmeldung', quantity: 1 }, { id: 'pass', quantity: 1 }], 30), 60);
  assert.equal(appointmentMinutes(catalogue, [{ id: 'kurz', quantity: 1 }], 10), 10);
  assert.equal(appointmentMinutes(catalogue, [{ id: 'kurz', quantity: 4 }], 5), 15);
  assert.equal(appointmentMinutes(new Map(catalogue.map((s) => [s.id, s])), [{ id: 'pass', quantity: 3 }], 15), 60);
});

test('at least one slot, even for nothing', () => {
  assert.equal(appointmentMinutes(catalogue, [], 15), 15);
});

test('unknown services and bad quantities are refused', () => {
  assert.throws(() => appointmentMinutes(catalogue, [{ id: 'nope', quantity: 1 }], 5), RangeError);
  assert.throws(() => appointmentMinutes(catalogue, [{ id: 'pass', quantity: 0 }], 5), RangeError);
  assert.throws(() => appointmentMinutes(catalogue, [{ id: 'pass', quantity: 1.5 }], 5), RangeError);
  assert.throws(() => appointmentMinutes(catalogue, [{ id: 'pass', quantity: 1 }], 0), RangeError);
});
