// libjpeg's YCbCr → RGB conversion (jdcolor.c, build_ycc_rgb_table and ycc_rgb_convert): 16-bit
// fixed point tables, so our output equals libjpeg's for the same coefficients.
const SCALEBITS = 16;
const ONE_HALF = 2 ** (SCALEBITS - 1);
const fix = (x: number): number => Math.floor(x * 2 ** SCALEBITS + 0.5);
const shiftDown = (x: number): number => Math.floor(x / 2 ** SCALEBITS);

/** Converts interleaved YCbCr samples of `precision` bits to RGB, in place. */
export function ycbcrToRgbLibjpeg(pixels: Uint8Array | Uint16Array, precision: number): void {
  const max = 2 ** precision - 1;
  const centre = 2 ** (precision - 1);
  const size = max + 1;
  const crR = new Int32Array(size);
  const cbB = new Int32Array(size);
  const crG = new Float64Array(size);
  const cbG = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const x = i - centre;
    crR[i] = shiftDown(fix(1.402) * x + ONE_HALF);
    cbB[i] = shiftDown(fix(1.772) * x + ONE_HALF);
    crG[i] = -fix(0.71414) * x;
    cbG[i] = -fix(0.34414) * x + ONE_HALF;
  }
  const clamp = (v: number): number => (v < 0 ? 0 : v > max ? max : v);
  for (let i = 0; i + 2 < pixels.length; i += 3) {
    const y = pixels[i]!;
    const cb = pixels[i + 1]!;
    const cr = pixels[i + 2]!;
    pixels[i] = clamp(y + crR[cr]!);
    pixels[i + 1] = clamp(y + shiftDown(cbG[cb]! + crG[cr]!));
    pixels[i + 2] = clamp(y + cbB[cb]!);
  }
}
