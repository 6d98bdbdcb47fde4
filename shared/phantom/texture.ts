import { mulberry32 } from './prng.ts';

/**
 * A smooth random 3-D texture (64³, tiling, unit SD) that gives tissue its grain: trabecular
 * mottling in cancellous bone, faint septa in fat. It belongs to the anatomy, so its seed is fixed
 * (the generation seed drives only the acquisition noise).
 */
export const TEXTURE_SIZE = 64;
const MASK = TEXTURE_SIZE - 1;

function blurAxis(src: Float32Array, dst: Float32Array, stride: number, n: number): void {
  // Periodic [1 2 3 2 1]/9 kernel along one axis.
  for (let i = 0; i < src.length; i++) {
    const pos = Math.floor(i / stride) % n;
    const base = i - pos * stride;
    let acc = 0;
    for (let k = -2; k <= 2; k++)
      acc += (3 - Math.abs(k)) * (src[base + ((pos + k + n) % n) * stride] as number);
    dst[i] = acc / 9;
  }
}

let cached: Float32Array | null = null;

export function tissueTexture(): Float32Array {
  if (cached) return cached;
  const n = TEXTURE_SIZE;
  const rnd = mulberry32(0x7e57);
  let a = Float32Array.from({ length: n * n * n }, () => rnd() - 0.5);
  let b = new Float32Array(a.length);
  for (const stride of [1, n, n * n]) {
    blurAxis(a, b, stride, n);
    [a, b] = [b, a];
  }
  let sq = 0;
  for (const v of a) sq += v * v;
  const k = 1 / Math.sqrt(sq / a.length);
  for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) * k;
  cached = a;
  return a;
}

/** Texture value at a patient point, `grain` mm per texel (nearest texel; the texture is smooth). */
export function textureAt(t: Float32Array, x: number, y: number, z: number, grain: number): number {
  const i = Math.floor(x / grain) & MASK;
  const j = Math.floor(y / grain) & MASK;
  const k = Math.floor(z / grain) & MASK;
  return t[(k * TEXTURE_SIZE + j) * TEXTURE_SIZE + i] as number;
}

/**
 * Adds texture to one image plane: value += amplitude(value) × (fine + 0.6 × coarse grain), with the
 * amplitude looked up over the value range [lo, lo + lut.length). Axial planes (rows along +x,
 * columns along +y) take a fast path with per-row and per-column texel indices.
 */
export function addTexture(
  values: Float32Array,
  origin: readonly number[],
  rowDir: readonly number[],
  colDir: readonly number[],
  columns: number,
  rows: number,
  dx: number,
  dy: number,
  lut: Float32Array,
  lo: number,
): void {
  const t = tissueTexture();
  const n = TEXTURE_SIZE;
  const axial =
    rowDir[0] === 1 &&
    rowDir[1] === 0 &&
    rowDir[2] === 0 &&
    colDir[0] === 0 &&
    colDir[1] === 1 &&
    colDir[2] === 0;
  if (axial) {
    const [ox, oy, oz] = origin as [number, number, number];
    const fi = Int32Array.from({ length: columns }, (_, c) => Math.floor((ox + c * dx) / 0.55) & MASK);
    const ci = Int32Array.from({ length: columns }, (_, c) => Math.floor((ox + 17.3 + c * dx) / 1.9) & MASK);
    const fk = (Math.floor(oz / 0.55) & MASK) * n * n;
    const ck = (Math.floor((oz - 9.7) / 1.9) & MASK) * n * n;
    for (let r = 0; r < rows; r++) {
      const fj = fk + (Math.floor((oy + r * dy) / 0.55) & MASK) * n;
      const cj = ck + (Math.floor((oy + 5.1 + r * dy) / 1.9) & MASK) * n;
      const row = r * columns;
      for (let c = 0; c < columns; c++) {
        const v = values[row + c] as number;
        const li = (v - lo + 0.5) | 0;
        if (li < 0 || li >= lut.length) continue;
        const amp = lut[li] as number;
        if (amp === 0) continue;
        values[row + c] =
          v + amp * ((t[fj + (fi[c] as number)] as number) + 0.6 * (t[cj + (ci[c] as number)] as number));
      }
    }
    return;
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const idx = r * columns + c;
      const v = values[idx] as number;
      const li = Math.round(v - lo);
      const amp = li < 0 || li >= lut.length ? 0 : (lut[li] as number);
      if (amp === 0) continue;
      const x = (origin[0] as number) + (rowDir[0] as number) * c * dx + (colDir[0] as number) * r * dy;
      const y = (origin[1] as number) + (rowDir[1] as number) * c * dx + (colDir[1] as number) * r * dy;
      const z = (origin[2] as number) + (rowDir[2] as number) * c * dx + (colDir[2] as number) * r * dy;
      values[idx] =
        v + amp * (textureAt(t, x, y, z, 0.55) + 0.6 * textureAt(t, x + 17.3, y + 5.1, z - 9.7, 1.9));
    }
  }
}

/** Piecewise-linear amplitude table over [lo, hi] from (value, amplitude) knots. */
export function amplitudeTable(
  lo: number,
  hi: number,
  knots: ReadonlyArray<readonly [number, number]>,
): Float32Array {
  const lut = new Float32Array(hi - lo + 1);
  for (let i = 0; i < lut.length; i++) {
    const v = lo + i;
    let amp = 0;
    for (let k = 0; k + 1 < knots.length; k++) {
      const [v0, a0] = knots[k] as readonly [number, number];
      const [v1, a1] = knots[k + 1] as readonly [number, number];
      if (v >= v0 && v <= v1) amp = a0 + ((a1 - a0) * (v - v0)) / (v1 - v0);
    }
    lut[i] = amp;
  }
  return lut;
}
