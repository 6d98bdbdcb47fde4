import { describe, expect, it } from 'vitest';
import {
  addNoiseAndStore,
  fillApproxGaussian,
  gaussianSource,
  mixSeed,
  mulberry32,
} from '../../../shared/phantom/prng.ts';

describe('seeded random numbers', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const sa = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(sa);
    expect(sa.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('mixes seed parts order-sensitively', () => {
    expect(mixSeed(1, 2, 3)).toBe(mixSeed(1, 2, 3));
    expect(mixSeed(1, 2, 3)).not.toBe(mixSeed(3, 2, 1));
  });

  it('gives approximately standard normal noise', () => {
    const out = new Float32Array(200_000);
    fillApproxGaussian(out, 7, 2);
    let sum = 0;
    let sq = 0;
    for (const v of out) {
      sum += v;
      sq += v * v;
    }
    const mean = sum / out.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.sqrt(sq / out.length - mean * mean)).toBeCloseTo(2, 1);
    const g = gaussianSource(mulberry32(3));
    const draws = Array.from({ length: 20_000 }, g);
    expect(Math.abs(draws.reduce((s, v) => s + v, 0) / draws.length)).toBeLessThan(0.05);
  });

  it('stores noisy values clamped to the 12-bit range, deterministically', () => {
    const values = Float32Array.from([-5000, 0, 1000, 9000]);
    const a = new Uint16Array(4);
    const b = new Uint16Array(4);
    addNoiseAndStore(values, a, 9, 10, 1024);
    addNoiseAndStore(values, b, 9, 10, 1024);
    expect(a).toEqual(b);
    expect(a[0]).toBe(0);
    expect(a[3]).toBe(4095);
    expect(Math.abs((a[1] as number) - 1024)).toBeLessThan(60);
  });
});
