import { describe, expect, it } from 'vitest';
import { coarseToFine, nearestFirst } from '../../../renderer/viewer/loader/load-order.ts';

describe('stack streaming order', () => {
  it('streams nearest-first from the current image, alternating after and before it', () => {
    expect(nearestFirst(7, 3)).toEqual([3, 4, 2, 5, 1, 6, 0]);
    expect(nearestFirst(5, 0)).toEqual([0, 1, 2, 3, 4]);
    expect(nearestFirst(5, 4)).toEqual([4, 3, 2, 1, 0]);
    expect(nearestFirst(0, 0)).toEqual([]);
  });

  it('lists every image exactly once, from any position (clamped)', () => {
    for (const [count, at] of [
      [300, 150],
      [300, -5],
      [13, 99],
      [1, 0],
    ] as const) {
      const order = nearestFirst(count, at);
      expect(new Set(order).size).toBe(count);
      expect(order.length).toBe(count);
    }
  });

  it('loads a volume coarse to fine: both ends, then halving gaps, every slice once', () => {
    expect(coarseToFine(9)).toEqual([0, 8, 4, 2, 6, 1, 3, 5, 7]);
    const order = coarseToFine(300);
    expect(order.slice(0, 2)).toEqual([0, 299]);
    expect(new Set(order).size).toBe(300);
    // After the first 1/8 of the order, no gap between loaded slices is wider than the coarse step.
    const loaded = order.slice(0, Math.ceil(300 / 8) + 1).sort((a, b) => a - b);
    const widest = Math.max(...loaded.slice(1).map((k, i) => k - loaded[i]!));
    expect(widest).toBeLessThanOrEqual(16);
  });
});
