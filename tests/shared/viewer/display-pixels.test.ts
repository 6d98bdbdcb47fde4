import { describe, expect, it } from 'vitest';
import { greyImage, rgbaFromRgb } from '../../../shared/viewer/display-pixels.ts';

describe('pixels for a lookup-table renderer', () => {
  it('passes 16-bit values through untouched', () => {
    const px = new Int16Array([-1024, 0, 3071]);
    expect(greyImage(px, 1, -1024, -1024, 3071)).toEqual({
      pixels: px,
      slope: 1,
      intercept: -1024,
      min: -1024,
      max: 3071,
    });
  });

  it('requantises float and wide 32-bit data, keeping every shown value within one step', () => {
    const floats = new Float32Array([0.001, 2.5, 1e6]);
    const g = greyImage(floats, 2, 5, 0.001, 1e6);
    expect(g.pixels).toBeInstanceOf(Uint16Array);
    floats.forEach((v, i) =>
      expect(Math.abs(g.pixels[i]! * g.slope + g.intercept - (v * 2 + 5))).toBeLessThanOrEqual(g.slope),
    );
    const narrow = new Int32Array([100000, 100005]);
    const n = greyImage(narrow, 1, 0, 100000, 100005);
    expect([...n.pixels].map((p) => p * n.slope + n.intercept)).toEqual([100000, 100005]);
  });

  it('turns RGB into RGBA bytes, scaling 16-bit samples down', () => {
    expect([...rgbaFromRgb(new Uint8Array([1, 2, 3]), 1, 8)]).toEqual([1, 2, 3, 255]);
    expect([...rgbaFromRgb(new Uint16Array([65535, 256, 0]), 1, 16)]).toEqual([255, 1, 0, 255]);
  });
});
