import { describe, expect, it } from 'vitest';
import { readFloats, readSamples, toStoredValues, unpackBits } from '../../../shared/dicom/decode/native.ts';

describe('native samples', () => {
  it('swaps bytes of big endian 16- and 32-bit data', () => {
    expect([...readSamples(Uint8Array.from([0x01, 0x02, 0xff, 0xfe]), 2, 16, false)]).toEqual([
      0x0102, 0xfffe,
    ]);
    expect([...readSamples(Uint8Array.from([0x01, 0x02, 0x03, 0x04]), 1, 32, false)]).toEqual([0x01020304]);
    expect([...readSamples(Uint8Array.from([0x01, 0x02]), 1, 16, true)]).toEqual([0x0201]);
  });

  it('throws when the data is shorter than the samples need', () => {
    expect(() => readSamples(new Uint8Array(3), 2, 16, true)).toThrow(/too short/);
  });

  it('sign-extends from Bits Stored and ignores the unused high bits (PS3.5 8.1.1)', () => {
    const raw = Uint16Array.from([0x0800, 0x0fff, 0x07ff, 0xf7ff, 0xa001]);
    const signed = toStoredValues(raw, 16, 12, true);
    expect(signed).toBeInstanceOf(Int16Array);
    expect([...signed]).toEqual([-2048, -1, 2047, 2047, 1]);
    const unsigned = toStoredValues(raw, 16, 12, false);
    expect(unsigned).toBeInstanceOf(Uint16Array);
    expect([...unsigned]).toEqual([0x800, 0xfff, 0x7ff, 0x7ff, 1]);
  });

  it('keeps full-width values and handles 8 and 32 bits', () => {
    expect([...toStoredValues(Uint8Array.from([0x80, 0x7f]), 8, 8, true)]).toEqual([-128, 127]);
    expect([...toStoredValues(Uint32Array.from([0xffffffff]), 32, 32, false)]).toEqual([0xffffffff]);
    expect([...toStoredValues(Uint32Array.from([0xffffffff]), 32, 32, true)]).toEqual([-1]);
    expect([...toStoredValues(Uint32Array.from([0x80000000]), 32, 24, true)]).toEqual([0]);
  });

  it('re-reads signed codec output at another bit depth', () => {
    expect([...toStoredValues(Int16Array.from([-2000, 1896]), 16, 13, true)]).toEqual([-2000, 1896]);
  });

  it('unpacks 1-bit data least significant bit first, from any bit offset', () => {
    expect([...unpackBits(Uint8Array.from([0b10110001]), 0, 8)]).toEqual([1, 0, 0, 0, 1, 1, 0, 1]);
    expect([...unpackBits(Uint8Array.from([0b10000000, 0b00000011]), 7, 3)]).toEqual([1, 1, 1]);
    expect(() => unpackBits(new Uint8Array(1), 4, 5)).toThrow(/too short/);
  });

  it('reads float pixel data in either byte order', () => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat32(0, 1.5, false);
    new DataView(b.buffer).setFloat32(4, -2, false);
    expect([...readFloats(b, 2, 32, false)]).toEqual([1.5, -2]);
  });
});
