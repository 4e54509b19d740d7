import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskEmail, maskEmails } from './mask.ts';

test('maskEmail keeps the first character and the domain', () => {
  assert.equal(maskEmail('erika.mustermann@example.org'), 'e***@example.org');
  assert.equal(maskEmail('Ä@müller.de'), 'Ä***@müller.de');
  assert.equal(maskEmail('"erika m"@example.org'), 'e***@example.org');
});

test('maskEmails: addresses in SMTP replies, nodemailer messages and JSON are masked', () => {
  const cases: [string, string][] = [
    [
      "Can't send mail - all recipients were rejected: 550 5.1.1 <erika@example.org>: Recipient address rejected: User unknown",
      "Can't send mail - all recipients were rejected: 550 5.1.1 <e***@example.org>: Recipient address rejected: User unknown",
    ],
    ['Invalid recipient "max.muster+termin@mail.example.com"', 'Invalid recipient "m***@mail.example.com"'],
    ['{"rejected":["a@b.de","c.d@e.co.uk"]}', '{"rejected":["a***@b.de","c***@e.co.uk"]}'],
    ['RCPT TO:<x@[192.0.2.1]> refused', 'RCPT TO:<x***@[192.0.2.1]> refused'],
    ['two: a@x.org, b@y.org;', 'two: a***@x.org, b***@y.org;'],
    ['unicode: jörg@bücher.example', 'unicode: j***@bücher.example'],
  ];
  for (const [input, want] of cases) assert.equal(maskEmails(input), want);
});

test('maskEmails leaves text without addresses alone and is idempotent', () => {
  for (const s of ['connect ECONNREFUSED 127.0.0.1:2525', 'smtp://***@mail.example.org:587', '421 Server shutting down', 'user@localhost']) {
    assert.equal(maskEmails(s), s);
  }
  const once = maskEmails('550 <erika@example.org> rejected');
  assert.equal(maskEmails(once), once);
  assert.doesNotMatch(once, /erika/);
});
