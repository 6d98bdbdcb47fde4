import type { Axes } from './primitives.ts';
import type { VertebraPose } from './spinal-column.ts';
import { DEG, type Vec3, combine, cross } from './vec3.ts';

/**
 * A vertebra's local frame: l towards the patient's left, a anterior, u up (along the endplate
 * normal), origin at the body centre. All vertebral parts are placed with `at(l, a, u)`.
 */
export interface VertebralFrame {
  readonly origin: Vec3;
  readonly left: Vec3;
  readonly anterior: Vec3;
  readonly up: Vec3;
  at(l: number, a: number, u: number): Vec3;
  /** Direction from local components. */
  dir(l: number, a: number, u: number): Vec3;
}

export function frameOf(pose: Pick<VertebraPose, 'centre' | 'anterior' | 'up'>): VertebralFrame {
  const left: Vec3 = [1, 0, 0];
  const { centre: origin, anterior, up } = pose;
  return {
    origin,
    left,
    anterior,
    up,
    at: (l, a, u) => combine(origin, [left, l], [anterior, a], [up, u]),
    dir: (l, a, u) => combine([0, 0, 0], [left, l], [anterior, a], [up, u]),
  };
}

/** Axes for a box whose local x/y/z are the given (orthonormalised) directions. */
export function boxAxes(x: Vec3, z: Vec3): Axes {
  const zn = normalise(z);
  const xo = normalise(combine(x, [zn, -dotv(x, zn)]));
  return { x: xo, y: cross(zn, xo), z: zn };
}

const dotv = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const normalise = (v: Vec3): Vec3 => {
  const n = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / n, v[1] / n, v[2] / n];
};

/** Unit vector in the frame's axial (l, a) plane pointing anterior and `medialDeg` towards the midline on `side`. */
export function convergentDirection(
  f: VertebralFrame,
  side: 1 | -1,
  medialDeg: number,
  cranialDeg = 0,
): Vec3 {
  const m = medialDeg * DEG;
  const c = cranialDeg * DEG;
  return normalise(f.dir(-side * Math.sin(m) * Math.cos(c), Math.cos(m) * Math.cos(c), Math.sin(c)));
}
