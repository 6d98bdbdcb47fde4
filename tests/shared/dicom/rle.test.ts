import { describe, expect, it } from 'vitest';
import { decodePackBits, decodeRle } from '../../../shared/dicom/decode/rle.ts';
import { PixelDecodeError } from '../../../shared/dicom/errors.ts';

/** An RLE frame (PS3.5 G.3.1): 64-byte header with segment offsets, then the segments. */
function rleFrame(segments: number[][]): Uint8Array {
  const header = new Uint8Array(64);
  const view = new DataView(header.buffer);
  view.setUint32(0, segments.length, true);
  let offset = 64;
  segments.forEach((s, i) => {
    view.setUint32(4 + 4 * i, offset, true);
    offset += s.length;
  });
  return Uint8Array.from([...header, ...segments.flat()]);
}

describe('PackBits (PS3.5 G.3.1)', () => {
  it('copies literal runs, replicates repeat runs and skips -128', () => {
    const out = new Uint8Array(8);
    // 2 literals (n=1), -128 no-op, repeat 7 four times (n=-3), literal 1 (n=0)… stops at 8 bytes.
    const n = decodePackBits(Uint8Array.from([1, 10, 11, 0x80, 0xfd, 7, 1, 42, 43]), out);
    expect(n).toBe(8);
    expect([...out]).toEqual([10, 11, 7, 7, 7, 7, 42, 43]);
  });

  it('throws on a literal run past the end of the segment', () => {
    expect(() => decodePackBits(Uint8Array.from([5, 1, 2]), new Uint8Array(6))).toThrow(PixelDecodeError);
  });
});

describe('RLE Lossless frames (PS3.5 Annex G)', () => {
  it('decodes 8-bit monochrome', () => {
    const frame = rleFrame([[0xfd, 9, 1, 4, 5]]); // 9 ×4, then 4 5
    expect([...decodeRle(frame, 2, 3, 1, 8)]).toEqual([9, 9, 9, 9, 4, 5]);
  });

  it('puts the most significant byte segment first and returns little endian samples', () => {
    // Two 16-bit pixels 0x0102 and 0x0304: segment 1 = high bytes, segment 2 = low bytes.
    const frame = rleFrame([
      [1, 0x01, 0x03],
      [1, 0x02, 0x04],
    ]);
    expect([...decodeRle(frame, 1, 2, 1, 16)]).toEqual([0x02, 0x01, 0x04, 0x03]);
  });

  it('interleaves the samples of RGB', () => {
    const frame = rleFrame([
      [1, 255, 0],
      [1, 0, 128],
      [1, 0, 64],
    ]);
    expect([...decodeRle(frame, 1, 2, 3, 8)]).toEqual([255, 0, 0, 0, 128, 64]);
  });

  it('accepts a segment padded with an extra byte', () => {
    const frame = rleFrame([[2, 1, 2, 3, 0]]);
    expect([...decodeRle(frame, 1, 3, 1, 8)]).toEqual([1, 2, 3]);
  });

  it('rejects a wrong segment count, a short segment and a missing header', () => {
    expect(() => decodeRle(rleFrame([[0, 1]]), 1, 1, 3, 8)).toThrow(/3 samples of 8 bits need 3/);
    expect(() => decodeRle(rleFrame([[0, 1]]), 1, 4, 1, 8)).toThrow(
      /truncated: segment 1 holds 1 of 4 bytes/,
    );
    expect(() => decodeRle(new Uint8Array(10), 1, 1, 1, 8)).toThrow(/header is missing/);
    const bad = rleFrame([[0, 1]]);
    new DataView(bad.buffer).setUint32(4, 9999, true);
    expect(() => decodeRle(bad, 1, 1, 1, 8)).toThrow(/outside the frame/);
  });
});
