import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatReference, hashToken, newManageToken, newReference, normalizeReference, REFERENCE_ALPHABET, tokenMatches,
} from './tokens.ts';

test('references are 8 characters from the unambiguous alphabet and format with a dash', () => {
  for (let i = 0; i < 200; i++) {
    const r = newReference();
    assert.equal(r.length, 8);
    for (const c of r) assert.ok(REFERENCE_ALPHABET.includes(c), `${c} in ${r}`);
    assert.match(formatReference(r), /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    assert.equal(normalizeReference(formatReference(r).toLowerCase()), r);
  }
  for (const c of '01OIL') assert.ok(!REFERENCE_ALPHABET.includes(c));
});

test('normalizeReference rejects what cannot be a reference', () => {
  for (const bad of ['', 'ABC', 'K7Q2-9XM0', 'K7Q2-9XMDX', '../../etc', 'K7Q2_9XMD']) {
    assert.equal(normalizeReference(bad), null, bad);
  }
});

test('manage tokens carry at least 128 random bits and match only their own hash', () => {
  const t = newManageToken();
  assert.ok(Buffer.from(t, 'base64url').length >= 16);
  assert.notEqual(t, newManageToken());
  const h = hashToken(t);
  assert.notEqual(h, t);
  assert.ok(tokenMatches(t, h));
  assert.ok(!tokenMatches(newManageToken(), h));
  assert.ok(!tokenMatches(undefined, h));
  assert.ok(!tokenMatches(t, null));
});
