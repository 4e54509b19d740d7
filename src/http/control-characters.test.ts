import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findControlCharacter } from './control-characters.ts';

test('finds NUL and other control characters in nested values and keys, allows tab and line breaks', () => {
  assert.equal(findControlCharacter({ contact: { name: 'Erika\u0000' } }), 'contact.name');
  assert.equal(findControlCharacter({ services: [{ id: 'a' }, { id: 'b\u0007' }] }), 'services[1].id');
  assert.equal(findControlCharacter({ 'anzahl-\u0000': '1' }), 'anzahl-\u0000');
  assert.equal(findControlCharacter('a\u001bb'), '(value)');
  assert.equal(findControlCharacter({ reason: 'Zeile 1\r\nZeile 2\tEnde', n: 3, ok: true, none: null }), null);
  assert.equal(findControlCharacter({ name: 'Łukasz Żółć – 東京' }), null);
});
