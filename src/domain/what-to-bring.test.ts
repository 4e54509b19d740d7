import { test } from 'node:test';
import assert from 'node:assert/strict';
import { whatToBring } from './what-to-bring.ts';

test('a document several concerns ask for appears once, in the order first asked', () => {
  assert.deepEqual(whatToBring([
    { documents: ['Personalausweis oder Reisepass', 'Wohnungsgeberbestätigung'], quantity: 1 },
    { documents: ['personalausweis oder  Reisepass.', 'Original und Kopie'], quantity: 1 },
  ]), [
    { text: 'Personalausweis oder Reisepass', times: 1 },
    { text: 'Wohnungsgeberbestätigung', times: 1 },
    { text: 'Original und Kopie', times: 1 },
  ]);
});

test('a concern booked for several people needs its documents per person', () => {
  assert.deepEqual(whatToBring([
    { documents: ['Passbild', 'Personalausweis oder Reisepass'], quantity: 3 },
    { documents: ['Personalausweis oder Reisepass'], quantity: 1 },
  ]), [
    { text: 'Passbild', times: 3 },
    { text: 'Personalausweis oder Reisepass', times: 3 },
  ]);
});

test('nothing chosen, nothing to bring; blank entries are skipped', () => {
  assert.deepEqual(whatToBring([]), []);
  assert.deepEqual(whatToBring([{ documents: ['  '], quantity: 2 }]), []);
});
