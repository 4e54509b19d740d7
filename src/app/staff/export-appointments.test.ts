import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, exportRangeProblems } from './export-appointments.ts';

test('CSV cells: quoted when needed, formulas defused', () => {
  assert.equal(csvCell('Erika'), 'Erika');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell('+49 341'), "'+49 341");
  assert.equal(csvCell('@foo'), "'@foo");
});

test('export range: says what is wrong', () => {
  assert.equal(exportRangeProblems('2026-12-01', '2026-12-01'), null);
  assert.deepEqual(exportRangeProblems('2026-02-30', '2026-03-01'), { from: { key: 'export.date_invalid' } });
  assert.deepEqual(exportRangeProblems('2026-12-02', '2026-12-01'), { to: { key: 'export.end_before_start' } });
  assert.deepEqual(exportRangeProblems('2026-01-01', '2026-04-03'), { to: { key: 'export.too_long', params: { max: 92 } } });
  assert.equal(exportRangeProblems('2026-01-01', '2026-04-02'), null, '92 days including both ends');
});
