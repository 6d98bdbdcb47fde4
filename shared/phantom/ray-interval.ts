import { SHAPE, type Primitive } from './primitives.ts';

const EPS = 1e-12;

/** Intersects [lo, hi] with the roots interval of a·t² + b·t + c ≤ 0; returns false if empty. */
function quadraticInside(
  a: number,
  b: number,
  c: number,
  lo: number,
  hi: number,
  out: Float64Array,
): boolean {
  if (Math.abs(a) < EPS) {
    if (Math.abs(b) < EPS) {
      if (c > 0) return false;
    } else if (b > 0) hi = Math.min(hi, -c / b);
    else lo = Math.max(lo, -c / b);
  } else {
    const disc = b * b - 4 * a * c;
    if (a > 0) {
      if (disc < 0) return false;
      const s = Math.sqrt(disc);
      lo = Math.max(lo, (-b - s) / (2 * a));
      hi = Math.min(hi, (-b + s) / (2 * a));
    } else if (disc >= 0) {
      // Opening downwards: inside outside the roots. A convex frustum meets only one of the pieces
      // inside its slab (the other nappe has negative scale), so keep the non-empty one.
      const s = Math.sqrt(disc);
      const r0 = (-b + s) / (2 * a);
      const r1 = (-b - s) / (2 * a);
      const leftHi = Math.min(hi, r0);
      const rightLo = Math.max(lo, r1);
      const leftLen = leftHi - lo;
      const rightLen = hi - rightLo;
      if (leftLen <= 0 && rightLen <= 0) return false;
      if (leftLen >= rightLen) hi = leftHi;
      else lo = rightLo;
    }
  }
  if (hi <= lo) return false;
  out[0] = lo;
  out[1] = hi;
  return true;
}

/** Clips [lo, hi] to |o + t·d| ≤ h along one axis. */
function slab(o: number, d: number, h: number, lo: number, hi: number, out: Float64Array): boolean {
  if (Math.abs(d) < EPS) {
    if (o < -h || o > h) return false;
  } else {
    let t0 = (-h - o) / d;
    let t1 = (h - o) / d;
    if (t0 > t1) {
      const tmp = t0;
      t0 = t1;
      t1 = tmp;
    }
    if (t0 > lo) lo = t0;
    if (t1 < hi) hi = t1;
  }
  if (hi <= lo) return false;
  out[0] = lo;
  out[1] = hi;
  return true;
}

const tmp = new Float64Array(2);

function capsuleInterval(
  ox: number,
  oy: number,
  oz: number,
  dx: number,
  dy: number,
  dz: number,
  h: number,
  r: number,
  out: Float64Array,
): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  const r2 = r * r;
  // Cylinder part.
  if (
    quadraticInside(
      dx * dx + dy * dy,
      2 * (ox * dx + oy * dy),
      ox * ox + oy * oy - r2,
      -Infinity,
      Infinity,
      tmp,
    )
  ) {
    if (slab(oz, dz, h, tmp[0] as number, tmp[1] as number, tmp)) {
      lo = tmp[0] as number;
      hi = tmp[1] as number;
    }
  }
  // End spheres (unrolled: this is the hottest path of the radiograph projector).
  const a = dx * dx + dy * dy + dz * dz;
  const bxy = ox * dx + oy * dy;
  const cxy = ox * ox + oy * oy - r2;
  let qz = oz + h;
  if (quadraticInside(a, 2 * (bxy + qz * dz), cxy + qz * qz, -Infinity, Infinity, tmp)) {
    if ((tmp[0] as number) < lo) lo = tmp[0] as number;
    if ((tmp[1] as number) > hi) hi = tmp[1] as number;
  }
  qz = oz - h;
  if (quadraticInside(a, 2 * (bxy + qz * dz), cxy + qz * qz, -Infinity, Infinity, tmp)) {
    if ((tmp[0] as number) < lo) lo = tmp[0] as number;
    if ((tmp[1] as number) > hi) hi = tmp[1] as number;
  }
  if (hi <= lo) return false;
  out[0] = lo;
  out[1] = hi;
  return true;
}

/**
 * Entry/exit parameters of the line o + t·d (d a unit vector, world coordinates) through a
 * primitive, written to out[0..1]. Returns false if the line misses it.
 */
export function rayInterval(
  pr: Primitive,
  ox: number,
  oy: number,
  oz: number,
  dx: number,
  dy: number,
  dz: number,
  out: Float64Array,
): boolean {
  const m = pr.axes;
  const rx = ox - pr.origin[0];
  const ry = oy - pr.origin[1];
  const rz = oz - pr.origin[2];
  const lox = (m[0] as number) * rx + (m[1] as number) * ry + (m[2] as number) * rz;
  const loy = (m[3] as number) * rx + (m[4] as number) * ry + (m[5] as number) * rz;
  const loz = (m[6] as number) * rx + (m[7] as number) * ry + (m[8] as number) * rz;
  const ldx = (m[0] as number) * dx + (m[1] as number) * dy + (m[2] as number) * dz;
  const ldy = (m[3] as number) * dx + (m[4] as number) * dy + (m[5] as number) * dz;
  const ldz = (m[6] as number) * dx + (m[7] as number) * dy + (m[8] as number) * dz;
  const p = pr.p;
  let hit: boolean;
  switch (pr.kind) {
    case SHAPE.ellipsoid: {
      const ia = 1 / (p[0] as number);
      const ib = 1 / (p[1] as number);
      const ic = 1 / (p[2] as number);
      const ax = lox * ia,
        ay = loy * ib,
        az = loz * ic;
      const bx = ldx * ia,
        by = ldy * ib,
        bz = ldz * ic;
      hit = quadraticInside(
        bx * bx + by * by + bz * bz,
        2 * (ax * bx + ay * by + az * bz),
        ax * ax + ay * ay + az * az - 1,
        -Infinity,
        Infinity,
        out,
      );
      break;
    }
    case SHAPE.frustum: {
      const ia = 1 / (p[0] as number);
      const ib = 1 / (p[1] as number);
      const h = p[2] as number;
      const e = (p[3] as number) + (p[4] as number) * loz;
      const f = (p[4] as number) * ldz;
      const ax = lox * ia,
        ay = loy * ib,
        bx = ldx * ia,
        by = ldy * ib;
      hit =
        slab(loz, ldz, h, -Infinity, Infinity, out) &&
        quadraticInside(
          bx * bx + by * by - f * f,
          2 * (ax * bx + ay * by - e * f),
          ax * ax + ay * ay - e * e,
          out[0] as number,
          out[1] as number,
          out,
        );
      break;
    }
    case SHAPE.box:
      hit =
        slab(lox, ldx, p[0] as number, -Infinity, Infinity, out) &&
        slab(loy, ldy, p[1] as number, out[0] as number, out[1] as number, out) &&
        slab(loz, ldz, p[2] as number, out[0] as number, out[1] as number, out);
      break;
    default:
      hit = capsuleInterval(lox, loy, loz, ldx, ldy, ldz, p[0] as number, p[1] as number, out);
  }
  if (!hit) return false;
  const c = pr.clips;
  if (c.length === 0) return true;
  let lo = out[0] as number;
  let hi = out[1] as number;
  for (let i = 0; i < c.length; i += 4) {
    const nx = c[i] as number,
      ny = c[i + 1] as number,
      nz = c[i + 2] as number,
      d = c[i + 3] as number;
    const no = nx * ox + ny * oy + nz * oz;
    const nd = nx * dx + ny * dy + nz * dz;
    if (Math.abs(nd) < EPS) {
      if (no > d) return false;
    } else if (nd > 0) hi = Math.min(hi, (d - no) / nd);
    else lo = Math.max(lo, (d - no) / nd);
    if (hi <= lo) return false;
  }
  out[0] = lo;
  out[1] = hi;
  return true;
}

/** Whether a point lies inside a primitive (used by tests and ground-truth checks). */
export function containsPoint(pr: Primitive, x: number, y: number, z: number): boolean {
  const out = new Float64Array(2);
  if (!rayInterval(pr, x, y, z - 1e-3, 0, 0, 1, out)) return false;
  return (out[0] as number) <= 1e-3 && (out[1] as number) >= 1e-3;
}
