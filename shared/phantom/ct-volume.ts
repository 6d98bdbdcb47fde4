import { MAT, materialTable } from './materials.ts';
import { addNoiseAndStore, mixSeed, mulberry32 } from './prng.ts';
import { SHAPE } from './primitives.ts';
import { addTexture, amplitudeTable } from './texture.ts';
import type { PhantomScene } from './scene.ts';
import { type PlaneGeometry, renderPlane } from './slice-renderer.ts';
import type { Vec3 } from './vec3.ts';

/** Axial CT geometry: a fixed anatomical range (T12 to the ischial tuberosities) cut into `slices`. */
export interface CtGeometry {
  readonly slices: number;
  readonly matrix: number;
  readonly pixelSpacing: number;
  readonly sliceSpacing: number;
  /** z of slice 0 (most superior; slices run head to feet, as acquired). */
  readonly topZ: number;
  /** In-plane field-of-view centre (x, y). */
  readonly centre: readonly [number, number];
}

/** Reconstruction field of view (mm): ~0.7 mm pixels at 512². */
export const CT_FOV = 360;
/** Craniocaudal coverage (mm): 375 slices of 1 mm by default, 600 of 0.625 mm for the benchmark. */
export const CT_RANGE = 375;

export function ctGeometry(scene: PhantomScene, slices = 375, matrix = 512): CtGeometry {
  const t12 = scene.column.vertebrae.find((v) => v.name === 'T12');
  if (!t12) throw new Error('T12 missing');
  const sliceSpacing = CT_RANGE / slices;
  return {
    slices,
    matrix,
    pixelSpacing: CT_FOV / matrix,
    sliceSpacing,
    topZ: Math.round(t12.centre[2] + 6) - sliceSpacing / 2,
    centre: [0, 0],
  };
}

export function ctSlicePlane(g: CtGeometry, index: number): PlaneGeometry {
  const half = ((g.matrix - 1) / 2) * g.pixelSpacing;
  return {
    origin: [g.centre[0] - half, g.centre[1] - half, g.topZ - index * g.sliceSpacing],
    rowDir: [1, 0, 0],
    colDir: [0, 1, 0],
    columns: g.matrix,
    rows: g.matrix,
    columnSpacing: g.pixelSpacing,
    rowSpacing: g.pixelSpacing,
  };
}

/** Metal primitives as line segments (axis end points) with their radius, for streak artefacts. */
export interface MetalSegment {
  readonly a: Vec3;
  readonly b: Vec3;
  readonly r: number;
}

export function metalSegments(scene: PhantomScene): MetalSegment[] {
  const out: MetalSegment[] = [];
  for (const p of scene.primitives) {
    if (p.material !== MAT.titanium) continue;
    const z: Vec3 = [p.axes[6] as number, p.axes[7] as number, p.axes[8] as number];
    const h =
      p.kind === SHAPE.capsule ? (p.p[0] as number) : p.kind === SHAPE.frustum ? (p.p[2] as number) : 0;
    const r = p.kind === SHAPE.capsule ? (p.p[1] as number) : (p.p[0] as number);
    out.push({
      a: [p.origin[0] - z[0] * h, p.origin[1] - z[1] * h, p.origin[2] - z[2] * h],
      b: [p.origin[0] + z[0] * h, p.origin[1] + z[1] * h, p.origin[2] + z[2] * h],
      r,
    });
  }
  return out;
}

const HU = materialTable((m) => m.hu);

/** Texture amplitude (HU) by CT number: faint in fat and muscle, strongest in cancellous bone. */
const CT_TEXTURE = amplitudeTable(-1024, 3071, [
  [-1024, 0],
  [-900, 0],
  [-150, 10],
  [-60, 10],
  [0, 6],
  [90, 8],
  [150, 45],
  [220, 60],
  [480, 55],
  [800, 30],
  [1400, 15],
  [2400, 0],
  [3071, 0],
]);

/**
 * Mild metal artefact: dark beam-hardening bands between metal cross-sections in the same slice and
 * faint radial streaks around each, fading with distance. Not a physical simulation; it only has to
 * look familiar and must not hide the planted halo.
 */
function addStreaks(
  hu: Float32Array,
  plane: PlaneGeometry,
  metal: readonly MetalSegment[],
  seed: number,
): void {
  const z = plane.origin[2];
  const pts: Array<[number, number]> = [];
  for (const m of metal) {
    const lo = Math.min(m.a[2], m.b[2]);
    const hi = Math.max(m.a[2], m.b[2]);
    if (z < lo - m.r || z > hi + m.r) continue;
    const t = Math.abs(m.b[2] - m.a[2]) < 1e-6 ? 0.5 : (z - m.a[2]) / (m.b[2] - m.a[2]);
    const tc = Math.min(1, Math.max(0, t));
    pts.push([m.a[0] + (m.b[0] - m.a[0]) * tc, m.a[1] + (m.b[1] - m.a[1]) * tc]);
  }
  if (pts.length === 0) return;
  // Merge cross-sections of the same implant (shank, tip, head) into one source.
  const centres: Array<[number, number]> = [];
  for (const p of pts) if (!centres.some((c) => Math.hypot(c[0] - p[0], c[1] - p[1]) < 10)) centres.push(p);
  const rnd = mulberry32(seed);
  const n = plane.columns;
  const ps = plane.columnSpacing;
  const pix = centres.map((p): [number, number] => [
    (p[0] - plane.origin[0]) / ps,
    (p[1] - plane.origin[1]) / ps,
  ]);
  const BINS = 720;
  const reach = 55 / ps;
  for (const [px, py] of pix) {
    const lut = new Float32Array(BINS);
    for (let h = 0; h < 4; h++) {
      const k = 9 + Math.floor(rnd() * 30);
      const phase = rnd() * 6.283;
      const amp = (25 + rnd() * 35) / Math.sqrt(pix.length);
      for (let b = 0; b < BINS; b++)
        lut[b] = (lut[b] as number) + amp * Math.cos((k * b * 2 * Math.PI) / BINS + phase);
    }
    for (let y = Math.max(0, Math.floor(py - reach)); y <= Math.min(n - 1, Math.ceil(py + reach)); y++) {
      for (let x = Math.max(0, Math.floor(px - reach)); x <= Math.min(n - 1, Math.ceil(px + reach)); x++) {
        const k = y * n + x;
        const v = hu[k] as number;
        if (v < -500 || v > 2500) continue;
        const dx = x - px,
          dy = y - py;
        const r = Math.hypot(dx, dy) * ps;
        if (r < 4 || r > 55) continue;
        const bin = Math.floor(((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI)) * BINS) % BINS;
        hu[k] = v + (lut[bin] as number) * Math.exp(-r / 18);
      }
    }
  }
  // Dark bands between pairs of implants (beam hardening along the line joining them).
  for (let i = 0; i < pix.length; i++) {
    for (let j = i + 1; j < pix.length; j++) {
      const [ax, ay] = pix[i] as [number, number];
      const [bx, by] = pix[j] as [number, number];
      const ex = bx - ax,
        ey = by - ay;
      const len = Math.hypot(ex, ey);
      if (len * ps < 12) continue;
      const pad = 4 / ps;
      for (
        let y = Math.max(0, Math.floor(Math.min(ay, by) - pad));
        y <= Math.min(n - 1, Math.ceil(Math.max(ay, by) + pad));
        y++
      ) {
        for (
          let x = Math.max(0, Math.floor(Math.min(ax, bx) - pad));
          x <= Math.min(n - 1, Math.ceil(Math.max(ax, bx) + pad));
          x++
        ) {
          const t = ((x - ax) * ex + (y - ay) * ey) / (len * len);
          if (t < 0.1 || t > 0.9) continue;
          const k = y * n + x;
          const v = hu[k] as number;
          if (v > 2500) continue;
          const d = (Math.abs((x - ax) * ey - (y - ay) * ex) / len) * ps;
          hu[k] = v - 110 * Math.exp(-(d * d) / (2 * 2.2 * 2.2));
        }
      }
    }
  }
}

/**
 * One axial CT slice as stored values (HU + 1024, 12-bit, clamped to 0..4095): the painted anatomy,
 * metal artefact, and image noise whose SD scales with the voxel size (σ ≈ 18 HU at 0.7 × 0.7 × 1 mm,
 * typical of a bone-kernel lumbar CT).
 */
export function renderCtSlice(
  scene: PhantomScene,
  g: CtGeometry,
  index: number,
  seed: number,
  metal: readonly MetalSegment[],
): Uint16Array {
  const plane = ctSlicePlane(g, index);
  const hu = new Float32Array(g.matrix * g.matrix);
  renderPlane(scene.primitives, plane, HU, hu, { background: -1000, subRows: 2 });
  addTexture(
    hu,
    plane.origin,
    plane.rowDir,
    plane.colDir,
    plane.columns,
    plane.rows,
    plane.columnSpacing,
    plane.rowSpacing,
    CT_TEXTURE,
    -1024,
  );
  addStreaks(hu, plane, metal, mixSeed(seed, 0xc7, index));
  const sd = 18 * Math.sqrt((0.703 * 0.703 * 1) / (g.pixelSpacing * g.pixelSpacing * g.sliceSpacing));
  const out = new Uint16Array(hu.length);
  addNoiseAndStore(hu, out, mixSeed(seed, 0xc1, index), sd, 1024);
  return out;
}
