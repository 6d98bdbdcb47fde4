import { SHAPE, type Primitive } from './primitives.ts';
import { rayInterval } from './ray-interval.ts';
import { type Vec3, cross, dot, sub } from './vec3.ts';

/** A point source and a flat detector (patient coordinates, mm). */
export interface ProjectionGeometry {
  readonly source: Vec3;
  /** Centre of detector pixel (column 0, row 0). */
  readonly detectorOrigin: Vec3;
  /** Unit directions of increasing column and row index on the detector. */
  readonly rowDir: Vec3;
  readonly colDir: Vec3;
  readonly columns: number;
  readonly rows: number;
  /** Detector pixel spacing (mm), the DICOM Imager Pixel Spacing. */
  readonly spacing: number;
}

/** Detector (column, row) where the ray from the source through `p` lands. */
export function projectPoint(g: ProjectionGeometry, p: Vec3): [number, number] {
  const n = cross(g.rowDir, g.colDir);
  const d = sub(p, g.source);
  const t = dot(sub(g.detectorOrigin, g.source), n) / dot(d, n);
  const hit = sub([g.source[0] + d[0] * t, g.source[1] + d[1] * t, g.source[2] + d[2] * t], g.detectorOrigin);
  return [dot(hit, g.rowDir) / g.spacing, dot(hit, g.colDir) / g.spacing];
}

/** Half extents of a primitive's local bounding box. */
function localHalfExtents(p: Primitive): Vec3 {
  const q = p.p;
  switch (p.kind) {
    case SHAPE.ellipsoid:
    case SHAPE.box:
      return [q[0] as number, q[1] as number, q[2] as number];
    case SHAPE.frustum: {
      const h = q[2] as number;
      const s = Math.max(
        Math.abs((q[3] as number) - (q[4] as number) * h),
        Math.abs((q[3] as number) + (q[4] as number) * h),
      );
      return [(q[0] as number) * s, (q[1] as number) * s, h];
    }
    default:
      return [q[1] as number, q[1] as number, (q[0] as number) + (q[1] as number)];
  }
}

/** Detector bounding box (columns, rows) of a primitive: its local box's eight corners, projected. */
function footprint(g: ProjectionGeometry, p: Primitive): [number, number, number, number] {
  const e = localHalfExtents(p);
  const m = p.axes;
  let c0 = Infinity,
    c1 = -Infinity,
    r0 = Infinity,
    r1 = -Infinity;
  for (let k = 0; k < 8; k++) {
    const sx = k & 1 ? e[0] : -e[0],
      sy = k & 2 ? e[1] : -e[1],
      sz = k & 4 ? e[2] : -e[2];
    const w: Vec3 = [
      p.origin[0] + (m[0] as number) * sx + (m[3] as number) * sy + (m[6] as number) * sz,
      p.origin[1] + (m[1] as number) * sx + (m[4] as number) * sy + (m[7] as number) * sz,
      p.origin[2] + (m[2] as number) * sx + (m[5] as number) * sy + (m[8] as number) * sz,
    ];
    const [c, r] = projectPoint(g, w);
    c0 = Math.min(c0, c);
    c1 = Math.max(c1, c);
    r0 = Math.min(r0, r);
    r1 = Math.max(r1, r);
  }
  return [c0 - 1, c1 + 1, r0 - 1, r1 + 1];
}

const TILE = 8;

/**
 * Line integrals of relative attenuation (Σ μ/μwater · length, mm) from the source to every detector
 * pixel, through the painted scene: along each ray, higher-priority primitives take their segment
 * and lower ones fill only what is left (the 1-D version of the slice painter). `step` > 1 traces
 * every step-th pixel only (the rest stays 0), for coarse passes.
 */
export function projectLineIntegrals(
  scene: readonly Primitive[],
  g: ProjectionGeometry,
  mu: Float32Array,
  out: Float32Array,
  step = 1,
): void {
  const tilesX = Math.ceil(g.columns / TILE);
  const tilesY = Math.ceil(g.rows / TILE);
  const bins: number[][] = Array.from({ length: tilesX * tilesY }, () => []);
  // Descending priority, so each ray paints front-most material first.
  for (let i = scene.length - 1; i >= 0; i--) {
    const pr = scene[i] as Primitive;
    const [c0, c1, r0, r1] = footprint(g, pr);
    const tx0 = Math.max(0, Math.floor(c0 / TILE)),
      tx1 = Math.min(tilesX - 1, Math.floor(c1 / TILE));
    const ty0 = Math.max(0, Math.floor(r0 / TILE)),
      ty1 = Math.min(tilesY - 1, Math.floor(r1 / TILE));
    for (let ty = ty0; ty <= ty1; ty++)
      for (let tx = tx0; tx <= tx1; tx++) (bins[ty * tilesX + tx] as number[]).push(i);
  }
  const span = new Float64Array(2);
  const cs = new Float64Array(256);
  const ce = new Float64Array(256);
  const [sx, sy, sz] = g.source;
  for (let ty = 0; ty < tilesY; ty++) {
    for (let tx = 0; tx < tilesX; tx++) {
      const bin = bins[ty * tilesX + tx] as number[];
      const rowEnd = Math.min(g.rows, (ty + 1) * TILE);
      const colEnd = Math.min(g.columns, (tx + 1) * TILE);
      for (let r = ty * TILE; r < rowEnd; r++) {
        if (r % step !== 0) continue;
        for (let c = tx * TILE; c < colEnd; c++) {
          if (c % step !== 0) continue;
          const px = g.detectorOrigin[0] + g.rowDir[0] * c * g.spacing + g.colDir[0] * r * g.spacing;
          const py = g.detectorOrigin[1] + g.rowDir[1] * c * g.spacing + g.colDir[1] * r * g.spacing;
          const pz = g.detectorOrigin[2] + g.rowDir[2] * c * g.spacing + g.colDir[2] * r * g.spacing;
          let dx = px - sx,
            dy = py - sy,
            dz = pz - sz;
          const len = Math.sqrt(dx * dx + dy * dy + dz * dz);
          dx /= len;
          dy /= len;
          dz /= len;
          let m = 0;
          let sum = 0;
          for (let k = 0; k < bin.length; k++) {
            const pr = scene[bin[k] as number] as Primitive;
            // Cheap bounding-sphere rejection before the exact intersection.
            const cx = pr.centre[0] - sx,
              cy = pr.centre[1] - sy,
              cz = pr.centre[2] - sz;
            const along = cx * dx + cy * dy + cz * dz;
            if (cx * cx + cy * cy + cz * cz - along * along > pr.radius * pr.radius) continue;
            if (!rayInterval(pr, sx, sy, sz, dx, dy, dz, span)) continue;
            const t0 = span[0] as number,
              t1 = span[1] as number;
            // Uncovered length of [t0, t1] against the sorted covered list, then merge it in.
            let free = t1 - t0;
            let first = -1;
            let last = -1;
            for (let j = 0; j < m; j++) {
              const a = cs[j] as number,
                b = ce[j] as number;
              if (b < t0) continue;
              if (a > t1) break;
              free -= Math.min(b, t1) - Math.max(a, t0);
              if (first < 0) first = j;
              last = j;
            }
            if (free <= 0) continue;
            sum += free * (mu[pr.material] as number);
            if (first < 0) {
              let j = m;
              while (j > 0 && (cs[j - 1] as number) > t0) {
                cs[j] = cs[j - 1] as number;
                ce[j] = ce[j - 1] as number;
                j--;
              }
              cs[j] = t0;
              ce[j] = t1;
              if (m < 255) m++;
            } else {
              const a = Math.min(t0, cs[first] as number);
              const b = Math.max(t1, ce[last] as number);
              const removed = last - first;
              cs[first] = a;
              ce[first] = b;
              for (let j = last + 1; j < m; j++) {
                cs[j - removed] = cs[j] as number;
                ce[j - removed] = ce[j] as number;
              }
              m -= removed;
            }
          }
          out[r * g.columns + c] = sum;
        }
      }
    }
  }
}
