// The inlined inverse DCT must equal, sample for sample, a plain transcription of libjpeg's
// jpeg_idct_islow (islow-reference.ts, the decoder's earlier form, checked against dcmtk, GDCM and
// libjpeg-turbo by the corpus tests), on every kind of block: flat, sparse, dense, and coefficients
// far outside what a real encoder produces (range-limit wrapping).
import { describe, expect, it } from 'vitest';
import { flatBlockValue, idctBlock } from '../../../../shared/dicom/jpeg/idct.ts';
import { mulberry32 } from '../../../../shared/phantom/prng.ts';
import { idctBlock as referenceIdct } from './islow-reference.ts';

function block(
  next: () => number,
  kind: number,
  precision: number,
): { coef: Int32Array; quant: Uint16Array } {
  const coef = new Int32Array(64 + 5);
  const quant = new Uint16Array(64);
  const big = kind === 3;
  for (let i = 0; i < 64; i++) quant[i] = big ? 1 + Math.floor(next() * 65535) : 1 + Math.floor(next() * 40);
  const magnitude = big ? 65535 : precision <= 8 ? 1024 : 16384;
  const density = kind === 0 ? 0 : kind === 1 ? 0.1 : 0.9;
  for (let i = 0; i < 64; i++)
    if (i === 0 || next() < density)
      coef[5 + i] = Math.round(((next() * 2 - 1) * magnitude) / (1 + (big ? 0 : i)));
  return { coef, quant };
}

describe('inverse DCT', () => {
  for (const precision of [8, 12])
    it(`equals libjpeg's islow on 20,000 random ${precision}-bit blocks`, () => {
      const next = mulberry32(precision); // seeded: a failure names a reproducible block
      const pitch = 11;
      for (let n = 0; n < 20_000; n++) {
        const { coef, quant } = block(next, n % 4, precision);
        const make = () => (precision <= 8 ? new Uint8Array(8 * pitch + 3) : new Uint16Array(8 * pitch + 3));
        const ours = make();
        const theirs = make();
        idctBlock(coef, 5, quant, precision, ours, 3, pitch);
        referenceIdct(coef, 5, quant, precision, theirs, 3, pitch);
        if (!ours.every((v, i) => v === theirs[i])) expect({ n, ours, theirs }).toBeNull();
        if (n % 4 === 0) expect(flatBlockValue(coef[5]!, quant[0]!, precision)).toBe(theirs[3]);
      }
    });
});
