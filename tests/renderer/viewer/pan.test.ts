import { describe, expect, it } from 'vitest';
import { axisScales, panDelta } from '../../../renderer/viewer/viewport/pan.ts';

describe('pan', () => {
  it('moves the image with the pointer: screen pixels divided by the zoom', () => {
    expect(panDelta(10, -4, 0, 2, 2)).toEqual({ x: 5, y: -2 });
  });

  it('turns the pointer movement back by the rotation', () => {
    const t = panDelta(10, 0, 90, 1, 1);
    expect(t.x).toBeCloseTo(10, 9);
    expect(t.y).toBeCloseTo(0, 9);
    // With non-square pixels, the stretched axis moves less per screen pixel.
    const s = axisScales(2, 0.5, 1);
    expect(s).toEqual({ width: 4, height: 2 });
    expect(panDelta(8, 8, 0, s.width, s.height)).toEqual({ x: 2, y: 4 });
  });
});
