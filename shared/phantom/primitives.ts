import { type Vec3, cross, dot, length, normalize, scale, sub, lerp } from './vec3.ts';

/**
 * The phantom is a list of convex primitives, each filled with one material and painted in priority
 * order (a later, higher-priority primitive wins where they overlap). Convex shapes have one
 * entry/exit interval along any line, which gives exact, fast line integrals for the radiographs and
 * exact row spans for the CT/MR slices: both are computed from the same list, so they agree.
 */
export const SHAPE = { ellipsoid: 0, frustum: 1, box: 2, capsule: 3 } as const;
export type ShapeKind = (typeof SHAPE)[keyof typeof SHAPE];

/** Orthonormal local axes expressed in world (patient) coordinates. */
export interface Axes {
  readonly x: Vec3;
  readonly y: Vec3;
  readonly z: Vec3;
}

/** Half-space n·p ≤ d (world coordinates); a primitive keeps only the part inside all its planes. */
export interface Plane {
  readonly n: Vec3;
  readonly d: number;
}

export interface Primitive {
  readonly kind: ShapeKind;
  readonly material: number;
  readonly priority: number;
  /** Local origin in world coordinates. */
  readonly origin: Vec3;
  /** Rows are the local x, y, z axes in world coordinates (world → local = rows · (p − origin)). */
  readonly axes: Float64Array;
  /**
   * Shape parameters in local mm. ellipsoid: [a, b, c]; frustum (elliptic cylinder/cone along z,
   * z ∈ [−h, h], cross-section semi-axes a·s(z), b·s(z) with s(z) = k0 + k1·z): [a, b, h, k0, k1];
   * box: [hx, hy, hz]; capsule (segment z ∈ [−h, h], radius r): [h, r].
   */
  readonly p: Float64Array;
  /** 4 numbers per plane: nx, ny, nz, d. */
  readonly clips: Float64Array;
  /** Bounding sphere, for culling. */
  readonly centre: Vec3;
  readonly radius: number;
  readonly label: string;
}

export interface Style {
  readonly material: number;
  readonly priority: number;
  readonly label?: string;
  readonly clips?: readonly Plane[];
}

export const WORLD_AXES: Axes = { x: [1, 0, 0], y: [0, 1, 0], z: [0, 0, 1] };

/** Plane through `point` keeping the side opposite to `outward`. */
export const halfSpace = (point: Vec3, outward: Vec3): Plane => {
  const n = normalize(outward);
  return { n, d: dot(n, point) };
};

/** Orthonormal axes with z along `zAxis` and x as close as possible to `xHint`. */
export function axesAlong(zAxis: Vec3, xHint: Vec3): Axes {
  const z = normalize(zAxis);
  let x = sub(xHint, scale(z, dot(xHint, z)));
  if (length(x) < 1e-9)
    x = Math.abs(z[0]) < 0.9 ? sub([1, 0, 0], scale(z, z[0])) : sub([0, 1, 0], scale(z, z[1]));
  x = normalize(x);
  return { x, y: cross(z, x), z };
}

function make(
  kind: ShapeKind,
  origin: Vec3,
  axes: Axes,
  p: number[],
  radius: number,
  style: Style,
): Primitive {
  const clips = new Float64Array((style.clips?.length ?? 0) * 4);
  style.clips?.forEach((pl, i) => clips.set([pl.n[0], pl.n[1], pl.n[2], pl.d], i * 4));
  return {
    kind,
    material: style.material,
    priority: style.priority,
    origin,
    axes: Float64Array.from([...axes.x, ...axes.y, ...axes.z]),
    p: Float64Array.from(p),
    clips,
    centre: origin,
    radius,
    label: style.label ?? '',
  };
}

export const ellipsoid = (centre: Vec3, axes: Axes, radii: Vec3, style: Style): Primitive =>
  make(SHAPE.ellipsoid, centre, axes, [...radii], Math.max(...radii), style);

export const sphere = (centre: Vec3, r: number, style: Style): Primitive =>
  ellipsoid(centre, WORLD_AXES, [r, r, r], style);

export const box = (centre: Vec3, axes: Axes, half: Vec3, style: Style): Primitive =>
  make(SHAPE.box, centre, axes, [...half], length(half), style);

/**
 * Elliptic cylinder or cone frustum from p0 to p1; semi-axis `a` lies along `xHint` (projected
 * perpendicular to the axis), `b` perpendicular to both; scaled by s0 at p0 and s1 at p1.
 */
export function frustum(
  p0: Vec3,
  p1: Vec3,
  a: number,
  b: number,
  xHint: Vec3,
  style: Style,
  s0 = 1,
  s1 = 1,
): Primitive {
  const axis = sub(p1, p0);
  const h = length(axis) / 2;
  const k0 = (s0 + s1) / 2;
  const k1 = (s1 - s0) / (2 * h);
  const r = Math.max(a, b) * Math.max(s0, s1);
  return make(
    SHAPE.frustum,
    lerp(p0, p1, 0.5),
    axesAlong(axis, xHint),
    [a, b, h, k0, k1],
    Math.hypot(h, r),
    style,
  );
}

export function capsule(p0: Vec3, p1: Vec3, r: number, style: Style): Primitive {
  const axis = sub(p1, p0);
  const h = length(axis) / 2;
  const axes = h > 1e-9 ? axesAlong(axis, [1, 0, 0]) : WORLD_AXES;
  return make(SHAPE.capsule, lerp(p0, p1, 0.5), axes, [h, r], h + r, style);
}

/** A polyline of capsules (rods, ribs, nerve roots): consecutive points joined, shared radius. */
export const capsuleChain = (points: readonly Vec3[], r: number, style: Style): Primitive[] =>
  points.slice(1).map((p, i) => capsule(points[i] as Vec3, p, r, style));
