/**
 * Minimal 3-vector maths for the phantom. Coordinates are DICOM patient coordinates (LPS, mm):
 * +x towards the patient's left, +y posterior, +z superior (head).
 */
export type Vec3 = readonly [number, number, number];

export const vec = (x: number, y: number, z: number): Vec3 => [x, y, z];
export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const length = (a: Vec3): number => Math.sqrt(dot(a, a));
export const normalize = (a: Vec3): Vec3 => scale(a, 1 / length(a));
export const lerp = (a: Vec3, b: Vec3, t: number): Vec3 => add(a, scale(sub(b, a), t));
export const distance = (a: Vec3, b: Vec3): number => length(sub(a, b));

/** a + b·kb + c·kc + … written out, the common "origin + offsets along axes" step. */
export const combine = (o: Vec3, ...terms: ReadonlyArray<readonly [Vec3, number]>): Vec3 => {
  let x = o[0];
  let y = o[1];
  let z = o[2];
  for (const [v, k] of terms) {
    x += v[0] * k;
    y += v[1] * k;
    z += v[2] * k;
  }
  return [x, y, z];
};

export const DEG = Math.PI / 180;

/** Rotates v about a unit axis by angle (rad), right-hand rule (Rodrigues). */
export const rotateAbout = (v: Vec3, axis: Vec3, angle: number): Vec3 => {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const k = dot(axis, v) * (1 - c);
  const cr = cross(axis, v);
  return [
    v[0] * c + cr[0] * s + axis[0] * k,
    v[1] * c + cr[1] * s + axis[1] * k,
    v[2] * c + cr[2] * s + axis[2] * k,
  ];
};

/** Rounds every component, so ground-truth JSON carries stable, readable numbers. */
export const roundVec = (v: Vec3, digits = 2): Vec3 => {
  const f = 10 ** digits;
  return [Math.round(v[0] * f) / f, Math.round(v[1] * f) / f, Math.round(v[2] * f) / f];
};
