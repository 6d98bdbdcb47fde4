import { PixelDecodeError } from '../errors.ts';

type Samples = Uint8Array | Uint16Array | Uint32Array;

/** Planar Configuration 1 (RRR…GGG…BBB…) to pixel-interleaved RGBRGB… (PS3.3 C.7.6.3.1.3). */
export function planarToInterleaved<T extends Samples>(src: T, pixels: number, samplesPerPixel: number): T {
  const out = new (src.constructor as new (n: number) => T)(pixels * samplesPerPixel);
  for (let s = 0; s < samplesPerPixel; s++) {
    const plane = s * pixels;
    for (let p = 0; p < pixels; p++) out[p * samplesPerPixel + s] = src[plane + p]!;
  }
  return out;
}

/**
 * Expands uncompressed YBR_FULL_422 (Y1 Y2 Cb Cr for each pair of pixels, PS3.3 C.7.6.3.1.2) to one
 * Y Cb Cr triple per pixel, as pydicom does before any colour conversion.
 */
export function expandYbr422<T extends Uint8Array | Uint16Array>(src: T, pixels: number): T {
  if (pixels % 2 !== 0) throw new PixelDecodeError('YBR_FULL_422 needs an even number of pixels per frame.');
  if (src.length < pixels * 2)
    throw new PixelDecodeError('The YBR_FULL_422 Pixel Data is too short for its frame.');
  const out = new (src.constructor as new (n: number) => T)(pixels * 3);
  for (let pair = 0; pair < pixels / 2; pair++) {
    const i = pair * 4;
    const o = pair * 6;
    const cb = src[i + 2]!;
    const cr = src[i + 3]!;
    out[o] = src[i]!;
    out[o + 1] = cb;
    out[o + 2] = cr;
    out[o + 3] = src[i + 1]!;
    out[o + 4] = cb;
    out[o + 5] = cr;
  }
  return out;
}

// PS3.3 C.7.6.3.1.2 (YBR_FULL, the JFIF equations): R = Y + 1.402 Cr', G = Y − 0.3441 Cb' − 0.7141 Cr',
// B = Y + 1.772 Cb', with Cb' = Cb − half range, rounded half up and clipped. Computed in float32 with
// the coefficients and order of pydicom's convert_color_space, so both give identical results.
const f = Math.fround;
const CR_TO_R = f(1.402);
const CB_TO_G = f((-0.114 * 1.772) / 0.587);
const CR_TO_G = f((-0.299 * 1.402) / 0.587);
const CB_TO_B = f(1.772);

/** YBR_FULL (interleaved Y Cb Cr) to RGB, in place; `bits` is the sample depth (8 for nearly all). */
export function ybrFullToRgb<T extends Samples>(data: T, bits = 8): T {
  const half = 2 ** (bits - 1);
  const max = 2 ** bits - 1;
  const clip = (v: number): number => Math.min(max, Math.max(0, Math.floor(f(v + 0.5))));
  for (let i = 0; i + 2 < data.length; i += 3) {
    const y = data[i]!;
    const cb = data[i + 1]! - half;
    const cr = data[i + 2]! - half;
    data[i] = clip(f(y + f(cr * CR_TO_R)));
    data[i + 1] = clip(f(f(y + f(cb * CB_TO_G)) + f(cr * CR_TO_G)));
    data[i + 2] = clip(f(y + f(cb * CB_TO_B)));
  }
  return data;
}
