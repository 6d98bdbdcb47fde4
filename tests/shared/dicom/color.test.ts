import { describe, expect, it } from 'vitest';
import { expandYbr422, planarToInterleaved, ybrFullToRgb } from '../../../shared/dicom/decode/color.ts';
import { applyPalette } from '../../../shared/dicom/decode/palette.ts';
import type { PaletteLut } from '../../../shared/dicom/pixel-module.ts';

describe('colour conversion', () => {
  it('converts YBR_FULL to RGB (PS3.3 C.7.6.3.1.2)', () => {
    // Pure red, green, blue, white and mid-grey as JFIF YCbCr, rounded as an encoder stores them.
    const ybr = Uint8Array.from([76, 85, 255, 150, 44, 21, 29, 255, 107, 255, 128, 128, 128, 128, 128]);
    expect([...ybrFullToRgb(ybr)]).toEqual([254, 0, 0, 0, 255, 1, 0, 0, 254, 255, 255, 255, 128, 128, 128]);
  });

  it('clips out-of-gamut results to 0..255, as pydicom does', () => {
    // pydicom: convert_color_space([[255, 0, 255], [0, 0, 0]], 'YBR_FULL', 'RGB')
    expect([...ybrFullToRgb(Uint8Array.from([255, 0, 255, 0, 0, 0]))]).toEqual([255, 208, 28, 0, 135, 0]);
  });

  it('reorders planar RGB to interleaved', () => {
    const planar = Uint8Array.from([1, 2, 10, 20, 100, 200]);
    expect([...planarToInterleaved(planar, 2, 3)]).toEqual([1, 10, 100, 2, 20, 200]);
    expect(planarToInterleaved(Uint16Array.from([1, 2, 3]), 1, 3)).toBeInstanceOf(Uint16Array);
  });

  it('expands YBR_FULL_422 pairs (Y1 Y2 Cb Cr) to one triple per pixel', () => {
    expect([...expandYbr422(Uint8Array.from([10, 20, 100, 200, 30, 40, 1, 2]), 4)]).toEqual([
      10, 100, 200, 20, 100, 200, 30, 1, 2, 40, 1, 2,
    ]);
    expect(() => expandYbr422(new Uint8Array(6), 3)).toThrow(/even number/);
  });
});

describe('palette colour (PS3.3 C.7.6.3.1.5)', () => {
  const lut = (bits: 8 | 16, firstMapped = 0): PaletteLut => ({
    entries: 3,
    firstMapped,
    bitsPerEntry: bits,
    red: Uint16Array.from([1, 2, 3]),
    green: Uint16Array.from([10, 20, 30]),
    blue: Uint16Array.from([100, 200, bits === 8 ? 255 : 65535]),
  });

  it('maps indices through 8-bit tables to Uint8 RGB', () => {
    const out = applyPalette(Uint8Array.from([0, 2]), lut(8));
    expect(out).toBeInstanceOf(Uint8Array);
    expect([...out]).toEqual([1, 10, 100, 3, 30, 255]);
  });

  it('keeps 16-bit entries and clamps below the first mapped value and past the table', () => {
    const out = applyPalette(Int16Array.from([-5, 5, 6, 900]), lut(16, 5));
    expect(out).toBeInstanceOf(Uint16Array);
    expect([...out]).toEqual([1, 10, 100, 1, 10, 100, 2, 20, 200, 3, 30, 65535]);
  });
});
