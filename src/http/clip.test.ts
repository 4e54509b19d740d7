// clip: input cut to a length never ends in half a surrogate pair.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clip } from './clip.ts';

const wellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

test('short text stays as it is', () => {
  assert.equal(clip('Erika', 500), 'Erika');
  assert.equal(clip('', 5), '');
});

test('a cut between the halves of an emoji drops the half', () => {
  const name = 'x'.repeat(499) + '😀';
  assert.equal(name.length, 501);
  assert.equal(clip(name, 500), 'x'.repeat(499));
  assert.ok(wellFormed(clip(name, 500)));
  assert.equal(clip('😀😀', 2), '😀');
  assert.equal(clip('😀😀', 3), '😀');
});

test('every cut of a text full of surrogate pairs is well-formed Unicode', () => {
  const text = 'é😀'.repeat(300);
  for (let max = 0; max <= text.length; max++) {
    const cut = clip(text, max);
    assert.ok(cut.length <= max && cut.length >= max - 1, `${max}`);
    assert.ok(wellFormed(cut), `${max}`);
  }
});
