// The CSV export as a file that opens in columns in German Excel: UTF-8 with
// BOM, `;` between cells, CRLF line ends, quoting per RFC 4180 (with `;` as the
// separator), headers and words in the user's language, dates as TT.MM.JJJJ
// and times as HH:MM. A cell that a spreadsheet would read as a formula
// (starting with = + - @, tab or CR) gets a leading apostrophe. Pure.
import type { AppointmentsExport, ExportRow } from '../../../app/staff/export-appointments.ts';
import type { Locale } from '../../../domain/types.ts';
import { exportTexts } from './export-texts.ts';

const SEPARATOR = ';';

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: string[]): string {
  return cells.map(csvCell).join(SEPARATOR);
}

/** `2026-12-03` → `03.12.2026`; anything else unchanged. */
function germanDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : date;
}

export function exportCsv(data: AppointmentsExport, locale: Locale): string {
  const t = exportTexts(locale).csv;
  const h = t.headers;
  const header = [h.date, h.start, h.end, h.office, h.concerns, h.channel, h.status, h.reference, h.counter, h.conflict, h.cancelledBy, h.cancelledAt];
  if (data.personalData) header.push(h.name, h.email, h.phone);
  const line = (r: ExportRow) => {
    const c = r.cancelled;
    const cells = [
      germanDate(r.date), r.start, r.end, r.office,
      r.concerns.map((x) => `${x.quantity} × ${x.name}`).join(', '),
      t.channel[r.channel], t.status[r.status], r.reference,
      r.counter === null ? '' : String(r.counter), r.conflict ? t.yes : '',
      c ? (c.staffName ?? (c.by ? t.by[c.by] : '')) : '',
      c && c.date ? `${germanDate(c.date)} ${c.time}` : '',
    ];
    if (data.personalData) cells.push(r.contact?.name ?? '', r.contact?.email ?? '', r.contact?.phone ?? '');
    return csvLine(cells);
  };
  return '\uFEFF' + [csvLine(header), ...data.rows.map(line)].map((l) => `${l}\r\n`).join('');
}

/** `termine-OFFICE-FROM-TO.csv` (English: `appointments-…`), marked when it holds personal data. */
export function exportFileName(data: AppointmentsExport, locale: Locale): string {
  return exportTexts(locale).csv.fileName(data.office.id.toLowerCase().replace(/[^a-z0-9-]/g, ''), data.from, data.to, data.personalData);
}
