import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkContact, normalizeContact } from './contact.ts';

test('valid contact data passes after normalising', () => {
  const c = normalizeContact({ name: '  Erika   Mustermann ', email: ' erika@example.org ', phone: ' ' });
  assert.deepEqual(c, { name: 'Erika Mustermann', email: 'erika@example.org', phone: null });
  assert.deepEqual(checkContact(c), {});
  assert.deepEqual(checkContact({ name: 'Jörg Müller-Lüdenscheidt', email: 'j.m+x@stadt.example.de', phone: '+49 341 35330' }), {});
});

test('every bad field is reported at once with its path', () => {
  const f = checkContact({ name: '', email: 'not-an-email', phone: 'call me' });
  assert.deepEqual(Object.keys(f).sort(), ['contact.email', 'contact.name', 'contact.phone']);
  assert.equal(f['contact.email'].key, 'contact.email.invalid');
  assert.equal(f['contact.name'].key, 'contact.name.required');
});

test('e-mail may be left out only when it is not required', () => {
  assert.equal(checkContact({ name: 'A', email: '' })['contact.email'].key, 'contact.email.required');
  assert.deepEqual(checkContact({ name: 'A', email: '' }, { emailRequired: false }), {});
  for (const bad of ['a@b', 'a b@example.org', '@example.org', 'a@@example.org', `${'x'.repeat(250)}@example.org`]) {
    assert.ok(checkContact({ name: 'A', email: bad })['contact.email'], bad);
  }
});

test('names with markup or control characters and overlong names are refused', () => {
  assert.equal(checkContact({ name: '<script>', email: 'a@example.org' })['contact.name'].key, 'contact.name.invalid');
  assert.equal(checkContact({ name: 'x'.repeat(201), email: 'a@example.org' })['contact.name'].key, 'contact.name.too_long');
});
