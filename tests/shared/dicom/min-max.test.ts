import { describe, expect, it } from 'vitest';
import { minMax } from '../../../shared/dicom/decode/min-max.ts';
import { toStoredValuesWithRange } from '../../../shared/dicom/decode/native.ts';

describe('sample range', () => {
  it('finds the range of 8-bit samples wherever the extremes lie, including past the first full range', () => {
    const a = new Uint8Array(20_000).fill(100);
    a[19_999] = 7;
    a[12_345] = 200;
    expect(minMax(a)).toEqual([7, 200]);
    a[3] = 0;
    a[5] = 255;
    expect(minMax(a)).toEqual([0, 255]);
    expect(minMax(Int16Array.from([5, -3, 9]))).toEqual([-3, 9]);
    expect(minMax(new Uint8Array(0))).toEqual([0, 0]);
  });

  it('masks and sign-extends 12-bit values in place and returns their range', () => {
    const signed = toStoredValuesWithRange(
      Uint16Array.from([0x0800, 0x0fff, 0x07ff, 0xf7ff, 0xa001]),
      16,
      12,
      true,
    );
    expect(signed.pixels).toBeInstanceOf(Int16Array);
    expect([...signed.pixels]).toEqual([-2048, -1, 2047, 2047, 1]);
    expect([signed.min, signed.max]).toEqual([-2048, 2047]);
    const unsigned = toStoredValuesWithRange(Uint16Array.from([0xf001, 0x0fff, 0x0123]), 16, 12, false);
    expect([...unsigned.pixels]).toEqual([1, 0xfff, 0x123]);
    expect([unsigned.min, unsigned.max]).toEqual([1, 0xfff]);
    expect(toStoredValuesWithRange(Uint8Array.from([3, 250]), 8, 8, false)).toMatchObject({
      min: 3,
      max: 250,
    });
  });
});
