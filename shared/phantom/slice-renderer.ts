import type { Primitive } from './primitives.ts';
import { rayInterval } from './ray-interval.ts';
import { type Vec3, cross, dot, sub, combine } from './vec3.ts';

/** An image plane in patient coordinates, as DICOM describes it. */
export interface PlaneGeometry {
  /** Centre of the first transmitted pixel (ImagePositionPatient). */
  readonly origin: Vec3;
  /** Unit direction of increasing column index (first ImageOrientationPatient triplet). */
  readonly rowDir: Vec3;
  /** Unit direction of increasing row index (second triplet). */
  readonly colDir: Vec3;
  readonly columns: number;
  readonly rows: number;
  /** Spacing between columns (along rowDir) and between rows (along colDir), mm. */
  readonly columnSpacing: number;
  readonly rowSpacing: number;
}

export interface RenderOptions {
  /** Value painted where no primitive lies (e.g. air). */
  readonly background: number;
  /** Sub-rows per pixel row for anti-aliasing across rows (along rows it is exact). */
  readonly subRows?: number;
  /** Through-plane partial volume: number of sub-planes across `slabThickness`. */
  readonly slabSamples?: number;
  readonly slabThickness?: number;
}

const span = new Float64Array(2);

function paintPlane(
  scene: readonly Primitive[],
  g: PlaneGeometry,
  values: Float32Array,
  out: Float32Array,
  background: number,
  subRows: number,
  offset: Vec3,
): void {
  out.fill(background);
  const normal = cross(g.rowDir, g.colDir);
  const origin = combine(g.origin, [offset, 1]);
  const cov = new Float32Array(g.columns + 1);
  const dx = g.columnSpacing;
  const dy = g.rowSpacing;
  const w = 1 / subRows;
  const [rx, ry, rz] = g.rowDir;
  const lo = new Float64Array(subRows);
  const hi = new Float64Array(subRows);
  for (const pr of scene) {
    const rel = sub(pr.centre, origin);
    const dist = dot(rel, normal);
    if (Math.abs(dist) >= pr.radius) continue;
    const rho = Math.sqrt(pr.radius * pr.radius - dist * dist);
    const cj = dot(rel, g.colDir) / dy;
    const j0 = Math.max(0, Math.ceil(cj - rho / dy - 1));
    const j1 = Math.min(g.rows - 1, Math.floor(cj + rho / dy + 1));
    const v = values[pr.material] as number;
    for (let j = j0; j <= j1; j++) {
      let n = 0;
      for (let s = 0; s < subRows; s++) {
        const off = j * dy + ((s + 0.5) / subRows - 0.5) * dy;
        if (
          !rayInterval(
            pr,
            origin[0] + g.colDir[0] * off,
            origin[1] + g.colDir[1] * off,
            origin[2] + g.colDir[2] * off,
            rx,
            ry,
            rz,
            span,
          )
        )
          continue;
        const t0 = Math.max(-0.5, (span[0] as number) / dx);
        const t1 = Math.min(g.columns - 0.5, (span[1] as number) / dx);
        if (t1 <= t0) continue;
        lo[n] = t0;
        hi[n] = t1;
        n++;
      }
      if (n === 0) continue;
      // Pixels every sub-row covers completely are filled directly; only the edges are blended.
      let ia = 0;
      let ib = g.columns - 1;
      if (n < subRows) ib = -1;
      for (let s = 0; s < n; s++) {
        ia = Math.max(ia, Math.ceil((lo[s] as number) + 0.5));
        ib = Math.min(ib, Math.floor((hi[s] as number) - 0.5));
      }
      let minI = g.columns;
      let maxI = -1;
      for (let s = 0; s < n; s++) {
        const t0 = lo[s] as number;
        const t1 = hi[s] as number;
        const i0 = Math.floor(t0 + 0.5);
        const i1 = Math.min(g.columns - 1, Math.floor(t1 + 0.5));
        for (let i = i0; i <= i1; i++) {
          if (i >= ia && i <= ib) continue;
          const a = Math.max(t0, i - 0.5);
          const b = Math.min(t1, i + 0.5);
          if (b > a) cov[i] = (cov[i] as number) + (b - a) * w;
        }
        if (i0 < minI) minI = i0;
        if (i1 > maxI) maxI = i1;
      }
      const row = j * g.columns;
      if (ib >= ia) out.fill(v, row + ia, row + ib + 1);
      for (let i = minI; i <= maxI; i++) {
        if (i >= ia && i <= ib) {
          i = ib;
          continue;
        }
        const c = cov[i] as number;
        if (c <= 0) continue;
        cov[i] = 0;
        const k = row + i;
        out[k] = c >= 0.999 ? v : (out[k] as number) + (v - (out[k] as number)) * c;
      }
    }
  }
}

/**
 * Renders a plane through the phantom: each primitive, in ascending priority, is intersected
 * exactly with every (sub-)row line and blended by its covered fraction of each pixel. `values`
 * maps material id → pixel value (HU, T2 signal, …). `scene` must be sorted by priority.
 */
export function renderPlane(
  scene: readonly Primitive[],
  g: PlaneGeometry,
  values: Float32Array,
  out: Float32Array,
  opts: RenderOptions,
): void {
  const subRows = opts.subRows ?? 2;
  const samples = opts.slabSamples ?? 1;
  if (samples <= 1) {
    paintPlane(scene, g, values, out, opts.background, subRows, [0, 0, 0]);
    return;
  }
  const normal = cross(g.rowDir, g.colDir);
  const thickness = opts.slabThickness ?? 0;
  const acc = new Float32Array(out.length);
  const tmp = new Float32Array(out.length);
  for (let s = 0; s < samples; s++) {
    const d = ((s + 0.5) / samples - 0.5) * thickness;
    paintPlane(scene, g, values, tmp, opts.background, subRows, [
      normal[0] * d,
      normal[1] * d,
      normal[2] * d,
    ]);
    for (let i = 0; i < acc.length; i++) acc[i] = (acc[i] as number) + (tmp[i] as number);
  }
  for (let i = 0; i < out.length; i++) out[i] = (acc[i] as number) / samples;
}

/** Scene sorted for painting (ascending priority; stable, so build order breaks ties). */
export const sortForPainting = (prims: readonly Primitive[]): Primitive[] =>
  prims
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.priority - b.p.priority || a.i - b.i)
    .map(({ p }) => p);
