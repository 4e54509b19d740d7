// The check-in code: a QR code that the confirmation page, its printout and
// the confirmation and reminder mails carry, scanned at the office's kiosk.
//
// It holds the booking reference as printed (`K7Q2-9XMD`) and nothing else:
// no name, no manage token, no URL. A scanner at the kiosk types what the code
// holds into the kiosk's reference field, which takes the reference as it is
// (dash and case ignored, see normalizeReference); a URL there would be typed
// as text too and only work if the kiosk picked it apart. Anyone who photographs
// a printout learns the reference, which is printed next to it anyway, never a
// link that could move or cancel the appointment.
//
// Letters, digits and `-` are QR "alphanumeric" data: 9 characters fit the
// smallest code (21 × 21 modules) even at error correction level H, so the
// modules are as big as possible and a creased printout still scans.
import QRCode from 'qrcode';

const OPTIONS = { errorCorrectionLevel: 'H' } as const;
/** The quiet zone around the code, in modules (the standard's minimum). */
export const QUIET_ZONE = 4;

/** What the code holds for a reference: exactly the reference as printed. */
export function checkinCodeText(reference: string): string {
  return reference.trim().toUpperCase();
}

/** The code's modules, row by row (true = dark), without the quiet zone. */
export function checkinCodeMatrix(reference: string): boolean[][] {
  const m = QRCode.create(checkinCodeText(reference), OPTIONS).modules;
  const rows: boolean[][] = [];
  for (let r = 0; r < m.size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < m.size; c++) row.push(!!m.get(r, c));
    rows.push(row);
  }
  return rows;
}

/**
 * The code as an SVG path in module units with the quiet zone included:
 * `viewBox="0 0 size size"`, one `M x y h n v 1 h -n z` per run of dark
 * modules. Drawn black on a white square, so it prints the same in any theme.
 */
export function checkinCodeSvgPath(reference: string): { size: number; path: string } {
  const rows = checkinCodeMatrix(reference);
  const size = rows.length + 2 * QUIET_ZONE;
  const parts: string[] = [];
  rows.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < row.length && row[c]) c++;
      parts.push(`M${start + QUIET_ZONE} ${r + QUIET_ZONE}h${c - start}v1h-${c - start}z`);
    }
  });
  return { size, path: parts.join('') };
}

/** The code as a PNG (for mails: an inline image), `scale` pixels per module; about 1 KB. */
export function checkinCodePng(reference: string, scale = 6): Promise<Buffer> {
  return QRCode.toBuffer(checkinCodeText(reference), {
    ...OPTIONS,
    type: 'png',
    margin: QUIET_ZONE,
    scale,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
}
