// Counts in the back office's texts read as German and English, never "Termin(e)".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adminTexts } from './admin-texts.ts';
import { settingsTexts } from './settings-texts.ts';
import { staffTexts } from './staff-texts.ts';

test('one and many: singular and plural, in both languages', () => {
  const de = staffTexts('de');
  const en = staffTexts('en');
  assert.equal(de.closure.affected(1), '1 gebuchter Termin betroffen');
  assert.equal(de.closure.affected(3), '3 gebuchte Termine betroffen');
  assert.equal(en.closure.affected(1), '1 booked appointment affected');
  assert.match(de.closure.done(1, 0), /^Schließung eingetragen\. 1 Termin betroffen, 0 abgesagt\.$/);
  assert.equal(settingsTexts('de').common.conflicts(1), '1 gebuchter Termin passt nicht mehr zu dieser Änderung');
  assert.equal(settingsTexts('de').common.conflicts(2), '2 gebuchte Termine passen nicht mehr zu dieser Änderung');
  assert.match(settingsTexts('de').common.kept(1), /^Gespeichert\. 1 Termin passt nicht mehr und ist als Konflikt markiert/);
  assert.match(adminTexts('en').account.changed(1), /1 other session ended/);
  for (const locale of ['de', 'en'] as const) {
    const all = JSON.stringify([staffTexts(locale), settingsTexts(locale), adminTexts(locale)], (_k, v) => (typeof v === 'function' ? String(v(1, 1)) : v));
    assert.doesNotMatch(all, /\(e\)|\(r\)|\(en\)|\(s\) /, locale);
  }
});
