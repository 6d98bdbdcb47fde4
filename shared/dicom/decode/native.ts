import { PixelDecodeError } from '../errors.ts';
import { minMax } from './min-max.ts';

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export type UnsignedSamples = Uint8Array | Uint16Array | Uint32Array;
export type StoredSamples = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

/**
 * Unpacks 1-bit samples (PS3.5 8.1.1 and Annex D: the first pixel is the least significant bit of
 * the first byte). Frames need not start on a byte boundary, hence `bitOffset`.
 */
export function unpackBits(bytes: Uint8Array, bitOffset: number, count: number): Uint8Array {
  if (bytes.length * 8 < bitOffset + count)
    throw new PixelDecodeError(
      `The 1-bit Pixel Data is too short: ${count} pixels need ${Math.ceil(count / 8)} bytes.`,
    );
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const bit = bitOffset + i;
    out[i] = (bytes[bit >> 3]! >> (bit & 7)) & 1;
  }
  return out;
}

/** Reads `count` unsigned samples of 8, 16 or 32 bits, swapping bytes for big endian data. */
export function readSamples(
  bytes: Uint8Array,
  count: number,
  bitsAllocated: number,
  littleEndian: boolean,
): UnsignedSamples {
  const width = bitsAllocated / 8;
  if (bytes.length < count * width)
    throw new PixelDecodeError(
      `The Pixel Data is too short: ${count} samples need ${count * width} bytes, ${bytes.length} present.`,
    );
  if (bitsAllocated === 8) return bytes.slice(0, count);
  // Same byte order as this machine: one block copy instead of a DataView read per sample.
  if (littleEndian === LITTLE_ENDIAN_HOST && (bitsAllocated === 16 || bitsAllocated === 32)) {
    const copy = bytes.slice(0, count * width).buffer;
    return bitsAllocated === 16 ? new Uint16Array(copy) : new Uint32Array(copy);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * width);
  if (bitsAllocated === 16) {
    const out = new Uint16Array(count);
    for (let i = 0; i < count; i++) out[i] = view.getUint16(2 * i, littleEndian);
    return out;
  }
  if (bitsAllocated === 32) {
    const out = new Uint32Array(count);
    for (let i = 0; i < count; i++) out[i] = view.getUint32(4 * i, littleEndian);
    return out;
  }
  throw new PixelDecodeError(`Bits Allocated ${bitsAllocated} is not supported (only 1, 8, 16 and 32).`);
}

/**
 * Samples of a little-endian buffer the caller owns (a decoder's output): a view of the same memory
 * where this machine's byte order and the alignment allow, else a copy as readSamples makes.
 */
export function ownedLittleEndianSamples(
  bytes: Uint8Array,
  count: number,
  bitsAllocated: number,
): UnsignedSamples {
  const width = bitsAllocated / 8;
  if (bitsAllocated === 8 && bytes.length >= count) return bytes.subarray(0, count);
  if (
    LITTLE_ENDIAN_HOST &&
    (bitsAllocated === 16 || bitsAllocated === 32) &&
    bytes.byteOffset % width === 0 &&
    bytes.length >= count * width
  )
    return bitsAllocated === 16
      ? new Uint16Array(bytes.buffer, bytes.byteOffset, count)
      : new Uint32Array(bytes.buffer, bytes.byteOffset, count);
  return readSamples(bytes, count, bitsAllocated, true);
}

/** Reads IEEE floats of Float (32) or Double Float (64) Pixel Data. */
export function readFloats(
  bytes: Uint8Array,
  count: number,
  bits: 32 | 64,
  littleEndian: boolean,
): Float32Array | Float64Array {
  const width = bits / 8;
  if (bytes.length < count * width)
    throw new PixelDecodeError(
      `The float Pixel Data is too short: ${count} samples need ${count * width} bytes.`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * width);
  const out = bits === 32 ? new Float32Array(count) : new Float64Array(count);
  for (let i = 0; i < count; i++)
    out[i] = bits === 32 ? view.getFloat32(4 * i, littleEndian) : view.getFloat64(8 * i, littleEndian);
  return out;
}

/**
 * Keeps the low `bitsStored` bits of each sample and, for signed data, extends the sign bit
 * (PS3.5 8.1.1: unused high bits may hold anything, e.g. retired overlay planes). The result has the
 * container width of Bits Allocated, signed when Pixel Representation is 1, as pydicom returns it.
 * `raw` is handed over: when no bit needs changing the result is a view of its memory.
 */
export function toStoredValues(
  raw: UnsignedSamples | Int16Array | Int8Array | Int32Array,
  bitsAllocated: number,
  bitsStored: number,
  signed: boolean,
): StoredSamples {
  const n = raw.length;
  if (bitsStored >= 32) {
    const out = containerFor(bitsAllocated, signed, n);
    for (let i = 0; i < n; i++) out[i] = raw[i]!;
    return out;
  }
  if (
    bitsStored === bitsAllocated &&
    (bitsStored === 8 || bitsStored === 16) &&
    raw.BYTES_PER_ELEMENT * 8 === bitsStored
  ) {
    // Every bit is a value bit: the samples are the values, read in the container's signedness
    // (a view of the same memory: callers hand over samples they own).
    const Same = containerFor(bitsAllocated, signed, 0).constructor as new (
      b: ArrayBufferLike,
      o: number,
      n: number,
    ) => StoredSamples;
    return new Same(raw.buffer, raw.byteOffset, n);
  }
  const out = containerFor(bitsAllocated, signed, n);
  if (raw instanceof Uint16Array && bitsStored < 16) return masked16(raw, out, bitsStored, signed);
  const signBit = 2 ** (bitsStored - 1);
  const range = 2 ** bitsStored;
  if (bitsStored <= 16) {
    // Masking with integer operators is exact below 32 bits and several times faster than modulo.
    const mask = range - 1;
    if (signed)
      for (let i = 0; i < n; i++) {
        const v = raw[i]! & mask;
        out[i] = v & signBit ? v - range : v;
      }
    else for (let i = 0; i < n; i++) out[i] = raw[i]! & mask;
    return out;
  }
  for (let i = 0; i < n; i++) {
    // `>>> 0` then modulo keeps this exact for 32-bit values, where JS bit operators are signed.
    const v = (raw[i]! >>> 0) % range;
    out[i] = signed && v >= signBit ? v - range : v;
  }
  return out;
}

/** Stored values with their smallest and largest value. */
export interface StoredRange {
  pixels: StoredSamples;
  min: number;
  max: number;
}

/**
 * toStoredValues and the smallest and largest value. The common 12-bit case (CT, MR: 16-bit
 * samples, fewer bits stored) is masked and sign-extended in place, in one pass that also finds the
 * range; `raw` is handed over.
 */
export function toStoredValuesWithRange(
  raw: UnsignedSamples | Int16Array | Int8Array | Int32Array,
  bitsAllocated: number,
  bitsStored: number,
  signed: boolean,
): StoredRange {
  if (raw instanceof Uint16Array && bitsAllocated === 16 && bitsStored < 16)
    return signed ? signExtend16InPlace(raw, bitsStored) : mask16InPlace(raw, bitsStored);
  const pixels = toStoredValues(raw, bitsAllocated, bitsStored, signed);
  const [min, max] = minMax(pixels);
  return { pixels, min, max };
}

function mask16InPlace(raw: Uint16Array, bitsStored: number): StoredRange {
  const n = raw.length;
  const mask = 2 ** bitsStored - 1;
  let min = mask;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const v = raw[i]! & mask;
    raw[i] = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return n ? { pixels: raw, min, max } : { pixels: raw, min: 0, max: 0 };
}

function signExtend16InPlace(raw: Uint16Array, bitsStored: number): StoredRange {
  const out = new Int16Array(raw.buffer, raw.byteOffset, raw.length);
  const n = raw.length;
  // Shifting the sign bit up to bit 31 and back extends it (bitsStored < 16).
  const up = 32 - bitsStored;
  let min = 2 ** (bitsStored - 1);
  let max = -min - 1;
  for (let i = 0; i < n; i++) {
    const v = (raw[i]! << up) >> up;
    out[i] = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return n ? { pixels: out, min, max } : { pixels: out, min: 0, max: 0 };
}

/** The common 12-bit case (CT, MR) in its own loop, which stays monomorphic and fast. */
function masked16(raw: Uint16Array, out: StoredSamples, bitsStored: number, signed: boolean): StoredSamples {
  const n = raw.length;
  const mask = 2 ** bitsStored - 1;
  const signBit = 2 ** (bitsStored - 1);
  const range = 2 ** bitsStored;
  if (signed)
    for (let i = 0; i < n; i++) {
      const v = raw[i]! & mask;
      out[i] = v & signBit ? v - range : v;
    }
  else for (let i = 0; i < n; i++) out[i] = raw[i]! & mask;
  return out;
}

/** Colour samples in an unsigned container of Bits Allocated (colour is never signed). */
export function toUnsignedSamples(
  raw: UnsignedSamples | Int8Array | Int16Array | Int32Array,
  bitsAllocated: number,
): UnsignedSamples {
  const out =
    bitsAllocated <= 8
      ? new Uint8Array(raw.length)
      : bitsAllocated <= 16
        ? new Uint16Array(raw.length)
        : new Uint32Array(raw.length);
  out.set(raw);
  return out;
}

export function containerFor(bitsAllocated: number, signed: boolean, n: number): StoredSamples {
  if (bitsAllocated <= 8) return signed ? new Int8Array(n) : new Uint8Array(n);
  if (bitsAllocated <= 16) return signed ? new Int16Array(n) : new Uint16Array(n);
  return signed ? new Int32Array(n) : new Uint32Array(n);
}
