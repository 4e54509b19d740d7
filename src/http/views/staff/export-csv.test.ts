import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppointmentsExport, ExportRow } from '../../../app/staff/export-appointments.ts';
import { csvCell, csvLine, exportCsv, exportFileName } from './export-csv.ts';

const row = (over: Partial<ExportRow> = {}): ExportRow => ({
  date: '2026-12-03', start: '09:00', end: '09:15', office: 'Bürgeramt Mitte',
  concerns: [{ name: 'Personalausweis', quantity: 2 }, { name: 'Anmeldung', quantity: 1 }],
  channel: 'online', status: 'booked', reference: 'K7Q2-9XMD', counter: 1, conflict: false, cancelled: null, contact: null,
  ...over,
});
const data = (rows: ExportRow[], personalData = false): AppointmentsExport => ({
  office: { id: 'mitte', name: 'Bürgeramt Mitte' }, from: '2026-12-01', to: '2026-12-31', personalData, rows,
});
/** The file as a spreadsheet reads it: BOM off, CRLF lines, `;` cells (no quoted separators in these rows). */
const lines = (csv: string) => {
  assert.equal(csv.charCodeAt(0), 0xfeff, 'UTF-8 BOM first');
  assert.ok(csv.endsWith('\r\n'));
  assert.doesNotMatch(csv.replace(/\r\n/g, ''), /\n/, 'only CRLF line ends');
  return csv.slice(1, -2).split('\r\n');
};

test('CSV cells: `;`-separated RFC 4180 quoting', () => {
  assert.equal(csvCell('Erika'), 'Erika');
  assert.equal(csvCell('a,b'), 'a,b', 'a comma needs no quotes with `;`');
  assert.equal(csvCell('a;b'), '"a;b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell(''), '');
  assert.equal(csvLine(['a', 'b;c', '']), 'a;"b;c";');
});

test('CSV cells: formulas defused with a leading apostrophe', () => {
  assert.equal(csvCell('=HYPERLINK("http://x";"y")'), `"'=HYPERLINK(""http://x"";""y"")"`);
  assert.equal(csvCell('+49 341 123'), "'+49 341 123");
  assert.equal(csvCell('-2+3'), "'-2+3");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('\t=1'), "'\t=1");
  assert.equal(csvCell('\r=1'), `"'\r=1"`);
  assert.equal(csvCell('Müller-Lüdenscheidt'), 'Müller-Lüdenscheidt', 'a dash inside is harmless');
});

test('German file: BOM, `;`, CRLF, German headers and words, TT.MM.JJJJ and HH:MM, no personal data', () => {
  const csv = exportCsv(data([
    row(),
    row({ start: '10:00', end: '10:20', channel: 'phone', status: 'checked_in', reference: 'AB23-CD45', counter: 2, conflict: true }),
    row({ channel: 'counter', status: 'completed' }),
    row({ status: 'no_show' }),
    row({ status: 'pending' }),
    row({ status: 'cancelled_by_citizen', counter: null, cancelled: { by: 'citizen', staffName: null, date: '2026-11-30', time: '08:05' } }),
    row({ status: 'cancelled_by_office', counter: null, cancelled: { by: 'office', staffName: null, date: '2026-12-01', time: '14:30' } }),
    row({ status: 'lapsed', counter: null, cancelled: { by: 'system', staffName: null, date: '2026-11-30', time: '09:00' } }),
  ]), 'de');
  const l = lines(csv);
  assert.equal(l[0], 'Datum;Beginn;Ende;Amt;Anliegen;Kanal;Status;Buchungsnummer;Schalter;Konflikt;Abgesagt von;Abgesagt am');
  assert.equal(l[1], '03.12.2026;09:00;09:15;Bürgeramt Mitte;2 × Personalausweis, 1 × Anmeldung;online;gebucht;K7Q2-9XMD;1;;;');
  assert.equal(l[2], '03.12.2026;10:00;10:20;Bürgeramt Mitte;2 × Personalausweis, 1 × Anmeldung;Telefon;erschienen;AB23-CD45;2;ja;;');
  assert.match(l[3], /;Schalter;erledigt;/);
  assert.match(l[4], /;online;nicht erschienen;/);
  assert.match(l[5], /;online;unbestätigt;/);
  assert.match(l[6], /;abgesagt durch Bürger\/in;K7Q2-9XMD;;;Bürger\/in;30\.11\.2026 08:05$/);
  assert.match(l[7], /;abgesagt durch Amt;K7Q2-9XMD;;;Amt;01\.12\.2026 14:30$/);
  assert.match(l[8], /;abgesagt durch System \(nicht bestätigt\);K7Q2-9XMD;;;System;30\.11\.2026 09:00$/);
  assert.equal(l.length, 9);
  for (const line of l) assert.equal(line.split(';').length, 12, line);
});

test('English file: English headers and words, the same date and time format', () => {
  const l = lines(exportCsv(data([
    row({ channel: 'phone' }),
    row({ status: 'cancelled_by_office', counter: null, cancelled: { by: 'office', staffName: null, date: '2026-12-01', time: '14:30' } }),
  ]), 'en'));
  assert.equal(l[0], 'Date;Start;End;Office;Concerns;Channel;Status;Reference;Counter;Conflict;Cancelled by;Cancelled at');
  assert.equal(l[1], '03.12.2026;09:00;09:15;Bürgeramt Mitte;2 × Personalausweis, 1 × Anmeldung;phone;booked;K7Q2-9XMD;1;;;');
  assert.match(l[2], /;cancelled by the office;K7Q2-9XMD;;;office;01\.12\.2026 14:30$/);
});

test('with personal data: name, e-mail and phone columns, the staff member who cancelled; hostile values defused', () => {
  const l = lines(exportCsv(data([
    row({ contact: { name: '=cmd|\' /C calc\'!A0', email: 'erika@example.org', phone: '+49 341 123' } }),
    row({
      status: 'cancelled_by_office', counter: null, contact: { name: 'Meier; Hans "Hansi"', email: '', phone: '' },
      cancelled: { by: 'office', staffName: 'Lena Lead', date: '2026-12-01', time: '14:30' },
    }),
  ], true), 'de'));
  assert.equal(l[0], 'Datum;Beginn;Ende;Amt;Anliegen;Kanal;Status;Buchungsnummer;Schalter;Konflikt;Abgesagt von;Abgesagt am;Name;E-Mail;Telefon');
  assert.ok(l[1].endsWith(`;'=cmd|' /C calc'!A0;erika@example.org;'+49 341 123`), l[1]);
  assert.ok(l[2].endsWith(`;Lena Lead;01.12.2026 14:30;"Meier; Hans ""Hansi""";;`), l[2]);
});

test('file name: office and period, nothing else', () => {
  assert.equal(exportFileName(data([]), 'de'), 'termine-mitte-2026-12-01-2026-12-31.csv');
  assert.equal(exportFileName({ ...data([], true), office: { id: 'a"b/../c', name: 'x' } }, 'de'), 'termine-abc-2026-12-01-2026-12-31-mit-personendaten.csv');
  assert.equal(exportFileName(data([], true), 'en'), 'appointments-mitte-2026-12-01-2026-12-31-with-personal-data.csv');
});
