import type { ImagePoint, MeasureScale } from './types.ts';
import { toPhysical } from './units.ts';

const RAD = 180 / Math.PI;

/** Distance between two image points, in mm when the scale has mm, else in pixels. */
export function distance(a: ImagePoint, b: ImagePoint, s: MeasureScale): number {
  const [ax, ay] = toPhysical(a, s);
  const [bx, by] = toPhysical(b, s);
  return Math.hypot(bx - ax, by - ay);
}

/**
 * Angle at `vertex` between the rays to `a` and `c`, 0–180°, via atan2(|u×v|, u·v). Computed in
 * physical units so non-square pixels do not bend it.
 */
export function angleAt(a: ImagePoint, vertex: ImagePoint, c: ImagePoint, s: MeasureScale): number {
  const [vx, vy] = toPhysical(vertex, s);
  const [ax, ay] = toPhysical(a, s);
  const [cx, cy] = toPhysical(c, s);
  const u = [ax - vx, ay - vy] as const;
  const v = [cx - vx, cy - vy] as const;
  return Math.atan2(Math.abs(u[0] * v[1] - u[1] * v[0]), u[0] * v[0] + u[1] * v[1]) * RAD;
}

/**
 * Cobb angle between two lines (each given by two points), 0–90°: the angle between the lines
 * regardless of the order their ends were placed in. Cobb JR. Outline for the study of scoliosis.
 * Instr Course Lect 1948;5:261–275.
 */
export function cobbAngle(
  line1: readonly [ImagePoint, ImagePoint],
  line2: readonly [ImagePoint, ImagePoint],
  s: MeasureScale,
): number {
  const dir = ([p, q]: readonly [ImagePoint, ImagePoint]) => {
    const [px, py] = toPhysical(p, s);
    const [qx, qy] = toPhysical(q, s);
    return [qx - px, qy - py] as const;
  };
  const u = dir(line1);
  const v = dir(line2);
  const angle = Math.atan2(Math.abs(u[0] * v[1] - u[1] * v[0]), u[0] * v[0] + u[1] * v[1]) * RAD;
  return angle > 90 ? 180 - angle : angle;
}

/** Horizontal (image x) offset from `from` to `to`, in mm or pixels: coronal balance on an AP film. */
export function horizontalOffset(from: ImagePoint, to: ImagePoint, s: MeasureScale): number {
  return toPhysical(to, s)[0] - toPhysical(from, s)[0];
}
