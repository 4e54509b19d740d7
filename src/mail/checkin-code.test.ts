// The check-in code decodes back to exactly the reference: the PNG through a
// PNG decoder, the SVG path painted into pixels; both read by a QR decoder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { checkinCodeMatrix, checkinCodePng, checkinCodeSvgPath, checkinCodeText, QUIET_ZONE } from './checkin-code.ts';

// jsqr is a CommonJS bundle whose types declare an ES default export
const jsQR = jsqr.default;
const REF = 'K7Q2-9XMD';

/** Paints the SVG path (`M x y h n v1 h-n z` runs) at `scale` pixels per module, black on white, as RGBA. */
function paintSvgPath(svg: { size: number; path: string }, scale: number): { data: Uint8ClampedArray; width: number } {
  const width = svg.size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  const runs = [...svg.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
  assert.equal(runs.map((m) => m[0]).join(''), svg.path, 'the path is made of runs only');
  for (const [, x, y, n] of runs) {
    for (let px = Number(x) * scale; px < (Number(x) + Number(n)) * scale; px++) {
      for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py++) {
        const i = (py * width + px) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
    }
  }
  return { data, width };
}

test('the code holds only the reference as printed', () => {
  assert.equal(checkinCodeText('k7q2-9xmd'), REF);
  assert.equal(checkinCodeText(REF), REF);
});

test('the PNG decodes to exactly the reference, black on white, a few KB at most', async () => {
  const png = await checkinCodePng(REF);
  assert.ok(png.length < 4096, `PNG has ${png.length} bytes`);
  const img = PNG.sync.read(png);
  assert.equal(img.width, (21 + 2 * QUIET_ZONE) * 6);
  const code = jsQR(new Uint8ClampedArray(img.data), img.width, img.height);
  assert.ok(code, 'a QR code is found in the PNG');
  assert.equal(code.data, REF);
  // corner pixel is the white quiet zone; the first finder pattern's corner is black
  assert.deepEqual([...img.data.subarray(0, 3)], [255, 255, 255]);
  const f = (QUIET_ZONE * 6 * img.width + QUIET_ZONE * 6) * 4;
  assert.deepEqual([...img.data.subarray(f, f + 3)], [0, 0, 0]);
});

test('the SVG path decodes to exactly the reference, and other references give other codes', () => {
  const svg = checkinCodeSvgPath(REF);
  assert.equal(svg.size, 21 + 2 * QUIET_ZONE, 'the smallest code (version 1) plus the quiet zone');
  const { data, width } = paintSvgPath(svg, 4);
  assert.equal(jsQR(data, width, width)?.data, REF);
  const other = checkinCodeSvgPath('K7Q2-9XME');
  assert.notEqual(other.path, svg.path);
  const o = paintSvgPath(other, 4);
  assert.equal(jsQR(o.data, o.width, o.width)?.data, 'K7Q2-9XME');
});

test('the matrix is the library\'s code for exactly the reference string (level H)', () => {
  const lib = QRCode.create(REF, { errorCorrectionLevel: 'H' }).modules;
  const m = checkinCodeMatrix(REF);
  assert.equal(m.length, lib.size);
  for (let r = 0; r < lib.size; r++) for (let c = 0; c < lib.size; c++) assert.equal(m[r][c], !!lib.get(r, c), `module ${r},${c}`);
  const dashless = checkinCodeMatrix('K7Q29XMD');
  assert.notDeepEqual(dashless, m);
});
