import type { PixelArray } from '../decode-frame.ts';

/**
 * Smallest and largest sample. One loop per array type: a single loop fed every type goes
 * megamorphic and runs several times slower on a viewer's mix of 8-bit, 16-bit and signed frames.
 */
export function minMax(a: PixelArray): [number, number] {
  if (!a.length) return [0, 0];
  if (a instanceof Uint16Array) return minMaxU16(a);
  if (a instanceof Int16Array) return minMaxI16(a);
  if (a instanceof Uint8Array) return minMaxU8(a);
  return minMaxAny(a);
}

function minMaxU16(a: Uint16Array): [number, number] {
  let min = a[0]!;
  let max = min;
  for (let i = 1; i < a.length; i++) {
    const v = a[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  return [min, max];
}

function minMaxI16(a: Int16Array): [number, number] {
  let min = a[0]!;
  let max = min;
  for (let i = 1; i < a.length; i++) {
    const v = a[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  return [min, max];
}

function minMaxU8(a: Uint8Array): [number, number] {
  let min = a[0]!;
  let max = min;
  // 8-bit images (windowed, lossy) often span the whole range: stop once it is reached.
  for (let start = 1; start < a.length; start += 4096) {
    const end = Math.min(a.length, start + 4096);
    for (let i = start; i < end; i++) {
      const v = a[i]!;
      if (v < min) min = v;
      else if (v > max) max = v;
    }
    if (min === 0 && max === 255) break;
  }
  return [min, max];
}

function minMaxAny(a: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}
