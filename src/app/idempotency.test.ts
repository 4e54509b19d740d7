import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyHash, openResponse, requestHash, sealResponse } from './idempotency.ts';

test('request hash ignores key order but not values', () => {
  assert.equal(requestHash({ a: 1, b: { c: [1, 2], d: 'x' } }), requestHash({ b: { d: 'x', c: [1, 2] }, a: 1 }));
  assert.notEqual(requestHash({ a: 1 }), requestHash({ a: 2 }));
  assert.notEqual(requestHash({ a: [1, 2] }), requestHash({ a: [2, 1] }));
});

test('a sealed response opens only with its own key', () => {
  const sealed = sealResponse('key-1', { manageToken: 'secret' });
  assert.ok(!JSON.stringify(sealed).includes('secret'));
  assert.deepEqual(openResponse('key-1', sealed), { manageToken: 'secret' });
  assert.equal(openResponse('key-2', sealed), null);
  assert.notEqual(keyHash('org', 'key-1'), keyHash('org', 'key-2'));
  assert.notEqual(keyHash('org-a', 'k'), keyHash('org-b', 'k'));
});
