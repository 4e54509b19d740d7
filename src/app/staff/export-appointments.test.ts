import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell } from './export-appointments.ts';

test('CSV cells: quoted when needed, formulas defused', () => {
  assert.equal(csvCell('Erika'), 'Erika');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell('+49 341'), "'+49 341");
  assert.equal(csvCell('@foo'), "'@foo");
});
