/**
 * Seeded pseudo-random numbers. Everything random in the phantom (noise, bowel gas) comes from here so
 * that the same seed gives the same bytes.
 */

/** mulberry32: a 32-bit state generator, good enough for image noise and tiny. Returns [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes several integers into one 32-bit seed (e.g. global seed + slice index + stream id). */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/** Standard normal deviates by Box–Muller from a uniform source. */
export function gaussianSource(uniform: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u <= Number.MIN_VALUE) u = uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** SD of the sum of four independent uniform bytes (Irwin–Hall with n = 4 over 0..255). */
const BYTE_SUM_SD = Math.sqrt((4 * (256 * 256 - 1)) / 12);

/**
 * Fills `out` with approximately normal deviates (mean 0, SD `sd`) fast: one xorshift32 step per
 * sample, whose four bytes are summed (central limit). Used for per-voxel image noise, where a
 * hundred million Box–Muller draws would dominate generation time.
 */
export function fillApproxGaussian(out: Float32Array, seed: number, sd: number): void {
  let x = seed >>> 0 || 0x9e3779b9;
  const k = sd / BYTE_SUM_SD;
  const mean = 4 * 127.5;
  for (let i = 0; i < out.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const sum = (x & 255) + ((x >>> 8) & 255) + ((x >>> 16) & 255) + ((x >>> 24) & 255);
    out[i] = (sum - mean) * k;
  }
}

/**
 * out[i] = clamp(round(values[i] + offset + noise), 0, 4095) with the same byte-sum approximate
 * Gaussian as fillApproxGaussian, fused into one pass (the CT's hottest loop).
 */
export function addNoiseAndStore(
  values: Float32Array,
  out: Uint16Array,
  seed: number,
  sd: number,
  offset: number,
): void {
  let x = seed >>> 0 || 0x9e3779b9;
  const k = sd / BYTE_SUM_SD;
  const base = offset + 0.5 - 4 * 127.5 * k;
  for (let i = 0; i < values.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const sum = (x & 255) + ((x >>> 8) & 255) + ((x >>> 16) & 255) + ((x >>> 24) & 255);
    const v = Math.floor((values[i] as number) + base + sum * k);
    out[i] = v < 0 ? 0 : v > 4095 ? 4095 : v;
  }
}
