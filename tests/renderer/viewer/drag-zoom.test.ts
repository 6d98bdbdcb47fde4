import { describe, expect, it } from 'vitest';
import { dragZoomScale, MAX_SCALE } from '../../../renderer/viewer/viewport/drag-zoom.ts';

describe('zoom by drag', () => {
  it('is proportional: a 150 px drag on an 800 px viewport zooms by about 30 %, not 8×', () => {
    expect(dragZoomScale(1, -150, 800)).toBeCloseTo(2 ** (150 / 400), 6);
    expect(dragZoomScale(1, -150, 800)).toBeLessThan(1.35);
  });
  it('half the viewport height up doubles, down halves, and the way back returns', () => {
    expect(dragZoomScale(2, -400, 800)).toBeCloseTo(4, 6);
    expect(dragZoomScale(2, 400, 800)).toBeCloseTo(1, 6);
    expect(dragZoomScale(2, 0, 800)).toBe(2);
  });
  it('is bounded per drag and overall', () => {
    expect(dragZoomScale(1, -100_000, 800)).toBe(8);
    expect(dragZoomScale(1, 100_000, 800)).toBe(1 / 8);
    expect(dragZoomScale(30, -100_000, 800)).toBe(MAX_SCALE);
  });
  it('a tiny viewport does not make it jumpy', () => {
    expect(dragZoomScale(1, -50, 20)).toBeCloseTo(2 ** (50 / 100), 6);
  });
});
