import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_EXPORT_DAYS, parseExportPeriod } from './export-appointments.ts';

test('export period: German dates as typed, or what a date picker sends', () => {
  assert.deepEqual(parseExportPeriod('03.12.2026', '2026-12-31'), { from: '2026-12-03', to: '2026-12-31' });
  assert.deepEqual(parseExportPeriod(' 3.12.2026 ', '4.1.2027'), { from: '2026-12-03', to: '2027-01-04' });
  assert.deepEqual(parseExportPeriod('2026-12-01', '2026-12-01'), { from: '2026-12-01', to: '2026-12-01' });
});

test('export period: says what is wrong, per field', () => {
  assert.deepEqual(parseExportPeriod('31.02.2026', '2026-03-01'), { fields: { from: { key: 'export.date_invalid', params: { value: '31.02.2026' } } } });
  assert.deepEqual(parseExportPeriod('', '12/03/2026'), {
    fields: { from: { key: 'export.date_missing' }, to: { key: 'export.date_invalid', params: { value: '12/03/2026' } } },
  });
  assert.deepEqual(parseExportPeriod('02.12.2026', '01.12.2026'), { fields: { to: { key: 'export.end_before_start' } } });
  assert.deepEqual(parseExportPeriod('01.01.2026', '02.01.2027'), { fields: { to: { key: 'export.too_long', params: { max: MAX_EXPORT_DAYS } } } });
  assert.deepEqual(parseExportPeriod('01.01.2026', '01.01.2027'), { from: '2026-01-01', to: '2027-01-01' }, '366 days including both ends');
  assert.equal(MAX_EXPORT_DAYS, 366);
  const long = parseExportPeriod('x'.repeat(500), '2026-12-01');
  assert.ok('fields' in long && String(long.fields.from.params?.value).length <= 20, 'the echoed input is cut short');
});
