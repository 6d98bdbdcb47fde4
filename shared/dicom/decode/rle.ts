import { PixelDecodeError } from '../errors.ts';

const HEADER_BYTES = 64;

/** Decodes one PackBits segment (PS3.5 G.3.1) into `out` starting at 0; returns the bytes written. */
export function decodePackBits(src: Uint8Array, out: Uint8Array): number {
  let i = 0;
  let o = 0;
  while (i < src.length && o < out.length) {
    const n = (src[i++]! << 24) >> 24;
    if (n >= 0) {
      const count = n + 1;
      if (i + count > src.length)
        throw new PixelDecodeError('The RLE data is corrupt: a literal run passes the end of its segment.');
      out.set(src.subarray(i, i + Math.min(count, out.length - o)), o);
      i += count;
      o += count;
    } else if (n !== -128) {
      if (i >= src.length)
        throw new PixelDecodeError('The RLE data is corrupt: a replicate run has no value.');
      const value = src[i++]!;
      const end = Math.min(out.length, o + 1 - n);
      out.fill(value, o, end);
      o = end;
    }
  }
  return Math.min(o, out.length);
}

/**
 * Decodes one RLE Lossless frame (PS3.5 Annex G). Segments hold, for each sample, one byte plane
 * from the most significant byte down. Returns the samples pixel-interleaved as little endian bytes,
 * ready for `readSamples(…, littleEndian = true)`, whatever Planar Configuration says.
 */
export function decodeRle(
  frame: Uint8Array,
  rows: number,
  columns: number,
  samplesPerPixel: number,
  bitsAllocated: number,
): Uint8Array {
  if (frame.length < HEADER_BYTES)
    throw new PixelDecodeError('The RLE data is corrupt: its 64-byte header is missing.');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.length);
  const segments = view.getUint32(0, true);
  const bytesPerSample = Math.ceil(bitsAllocated / 8);
  const expected = samplesPerPixel * bytesPerSample;
  if (segments !== expected)
    throw new PixelDecodeError(
      `The RLE data has ${segments} segments; ${samplesPerPixel} samples of ${bitsAllocated} bits need ${expected}.`,
    );
  const offsets: number[] = [];
  for (let s = 0; s < segments; s++) offsets.push(view.getUint32(4 + 4 * s, true));
  const pixels = rows * columns;
  const out = new Uint8Array(pixels * expected);
  const plane = new Uint8Array(pixels);
  for (let s = 0; s < segments; s++) {
    const start = offsets[s]!;
    const end = s + 1 < segments ? offsets[s + 1]! : frame.length;
    if (start < HEADER_BYTES || end > frame.length || end < start)
      throw new PixelDecodeError(`The RLE data is corrupt: segment ${s + 1} lies outside the frame.`);
    plane.fill(0);
    const written = decodePackBits(frame.subarray(start, end), plane);
    if (written < pixels)
      throw new PixelDecodeError(
        `The RLE data is truncated: segment ${s + 1} holds ${written} of ${pixels} bytes.`,
      );
    const sample = Math.floor(s / bytesPerSample);
    // Segment order is most significant byte first; little endian output puts it last.
    const byteInSample = bytesPerSample - 1 - (s % bytesPerSample);
    const stride = expected;
    let o = sample * bytesPerSample + byteInSample;
    for (let p = 0; p < pixels; p++, o += stride) out[o] = plane[p]!;
  }
  return out;
}
