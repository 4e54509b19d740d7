// Reading a CSV file the way a spreadsheet does, for the export tests:
// RFC 4180 with `;` as the separator and CRLF line ends.
import assert from 'node:assert/strict';

/** The rows of the text (BOM already removed); quoted cells may hold `;`, `""` and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ';') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  assert.equal(cell, '', 'the file ends with CRLF');
  assert.equal(row.length, 0, 'the file ends with CRLF');
  return rows;
}

/** The header and the records as objects by header; every row has as many cells as the header. */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[] } {
  const [header, ...rest] = parseCsv(text);
  for (const r of rest) assert.equal(r.length, header.length, r.join(';'));
  return { header, records: rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}
