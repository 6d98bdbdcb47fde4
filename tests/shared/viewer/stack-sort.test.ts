import { describe, expect, it } from 'vitest';
import type { StackFrame } from '../../../shared/viewer/stack-sort.ts';
import { sliceSpacing, sortStack } from '../../../shared/viewer/stack-sort.ts';

const AXIAL = [1, 0, 0, 0, 1, 0];
const SAGITTAL = [0, 1, 0, 0, 0, -1];

const frame = (
  instanceId: number,
  instanceNumber: number | null,
  position: number[] | null,
  orientation = AXIAL,
): StackFrame => ({
  instanceId,
  frame: 0,
  instanceNumber,
  position,
  orientation,
});

describe('sortStack', () => {
  it('orders axial slices by position along the normal, whatever order they arrive in', () => {
    const z = [30, 0, 10, 40, 20];
    const s = sortStack(z.map((v, i) => frame(i + 1, i + 1, [-100, -50, v])));
    expect(s.byGeometry).toBe(true);
    expect(s.locations).toEqual([0, 10, 20, 30, 40]);
    expect(s.frames.map((f) => f.instanceId)).toEqual([2, 3, 5, 1, 4]);
    expect(s.spacing).toMatchObject({ regular: true, spacing: 10, duplicates: 0 });
  });

  it('runs the way Instance Numbers run when they correlate with position (head first)', () => {
    // Scanner numbered from the head down: higher z gets the lower number.
    const s = sortStack([0, 1, 2, 3].map((k) => frame(10 + k, 4 - k, [0, 0, k * 2.5])));
    expect(s.frames.map((f) => f.instanceNumber)).toEqual([1, 2, 3, 4]);
    expect(s.locations).toEqual([7.5, 5, 2.5, 0]);
  });

  it('projects on the normal: an oblique stack sorts by distance along its normal, not by z', () => {
    const c = Math.SQRT1_2;
    const orientation = [1, 0, 0, 0, c, -c]; // normal (0, c, c)
    const positions = [2, 0, 1].map((k) => [0, k * 3 * c, k * 3 * c]);
    const s = sortStack(positions.map((p, i) => frame(i + 1, null, p, orientation)));
    expect(s.frames.map((f) => f.instanceId)).toEqual([2, 3, 1]);
    expect(s.spacing.spacing).toBeCloseTo(3, 9);
  });

  it('sorts a sagittal stack from right to left along x', () => {
    const s = sortStack([5, -5, 0].map((x, i) => frame(i + 1, null, [x, 0, 0], SAGITTAL)));
    expect(s.locations).toEqual([-5, 0, 5]);
  });

  it('falls back to Instance Number (then frame) without positions, and says why', () => {
    const frames = [frame(1, 3, [0, 0, 0]), frame(2, 1, null), frame(3, 2, [0, 0, 2])];
    const s = sortStack(frames);
    expect(s.byGeometry).toBe(false);
    expect(s.fallbackReason).toMatch(/no position/);
    expect(s.frames.map((f) => f.instanceNumber)).toEqual([1, 2, 3]);
    const multi = sortStack([2, 0, 1].map((f) => ({ ...frame(7, 1, null), frame: f })));
    expect(multi.frames.map((f) => f.frame)).toEqual([0, 1, 2]);
  });

  it('does not mix planes: a three-plane localiser keeps Instance Number order', () => {
    const s = sortStack([frame(1, 2, [0, 0, 0]), frame(2, 1, [0, 0, 0], SAGITTAL), frame(3, 3, [0, 0, 5])]);
    expect(s.byGeometry).toBe(false);
    expect(s.fallbackReason).toMatch(/different planes/);
    expect(s.frames.map((f) => f.instanceId)).toEqual([2, 1, 3]);
  });
});

describe('sliceSpacing', () => {
  it('reports a missing slice and repeated positions as irregular', () => {
    expect(sliceSpacing([0, 1.25, 2.5, 3.75])).toMatchObject({ regular: true, spacing: 1.25 });
    expect(sliceSpacing([0, 1.25, 2.5, 5, 6.25])).toMatchObject({ regular: false, spacing: 1.25, max: 2.5 });
    expect(sliceSpacing([0, 1, 1, 2])).toMatchObject({ regular: false, duplicates: 1 });
    // Rounding in the last digits of real headers is regular.
    expect(sliceSpacing([0, 0.6251, 1.2499, 1.875]).regular).toBe(true);
  });
});
