import type { MetalSegment } from './ct-volume.ts';
import type { DiscSpace } from './disc-builder.ts';
import { materialTable } from './materials.ts';
import { addTexture, amplitudeTable } from './texture.ts';
import { gaussianSource, mixSeed, mulberry32 } from './prng.ts';
import type { PhantomScene } from './scene.ts';
import { type PlaneGeometry, renderPlane } from './slice-renderer.ts';
import { type Vec3, combine, cross, dot, normalize, sub } from './vec3.ts';

/** A 2-D multi-slice MR series: plane of each slice and the acquisition parameters. */
export interface MrSeriesSpec {
  readonly key: 'sagT2' | 'axT2';
  readonly description: string;
  readonly planes: readonly PlaneGeometry[];
  readonly thickness: number;
  readonly spacing: number;
  readonly repetitionTime: number;
  readonly echoTime: number;
  readonly echoTrainLength: number;
  readonly flipAngle: number;
  readonly phaseDirection: 'ROW' | 'COL';
}

function stack(
  centre: Vec3,
  rowDir: Vec3,
  colDir: Vec3,
  n: number,
  fov: number,
  count: number,
  spacing: number,
): PlaneGeometry[] {
  const normal = cross(rowDir, colDir);
  const px = fov / n;
  const half = ((n - 1) / 2) * px;
  return Array.from({ length: count }, (_, k) => {
    const c = combine(centre, [normal, (k - (count - 1) / 2) * spacing]);
    return {
      origin: combine(c, [rowDir, -half], [colDir, -half]),
      rowDir,
      colDir,
      columns: n,
      rows: n,
      columnSpacing: px,
      rowSpacing: px,
    };
  });
}

/**
 * SAG T2 TSE: 15 × 4 mm (gap 0.4), 300 mm FOV, 320² (0.94 mm), patient left to right. AX T2 TSE: 5 × 4 mm
 * angled parallel to the L3–L4 disc, 180 mm FOV, 256² (0.70 mm). Typical 1.5 T lumbar protocol.
 */
export function mrSeriesSpecs(scene: PhantomScene): MrSeriesSpec[] {
  const l3 = scene.column.vertebrae.find((v) => v.name === 'L3');
  const disc = scene.discs.find((d) => d.level === 'L3-L4') as DiscSpace;
  if (!l3) throw new Error('L3 missing');
  const sagCentre: Vec3 = [0, l3.centre[1] + 25, l3.centre[2] - 30];
  const row: Vec3 = [1, 0, 0];
  const col = normalize(cross(disc.up, row));
  const axCentre = combine(disc.centre, [disc.anterior, -22]);
  return [
    {
      key: 'sagT2',
      description: 'SAG T2 TSE',
      planes: stack(sagCentre, [0, 1, 0], [0, 0, -1], 320, 300, 15, 4.4),
      thickness: 4,
      spacing: 4.4,
      repetitionTime: 3500,
      echoTime: 102,
      echoTrainLength: 17,
      flipAngle: 150,
      phaseDirection: 'ROW',
    },
    {
      key: 'axT2',
      description: 'AX T2 TSE L3-L4',
      planes: stack(axCentre, row, col, 256, 180, 5, 4.4),
      thickness: 4,
      spacing: 4.4,
      repetitionTime: 4200,
      echoTime: 98,
      echoTrainLength: 15,
      flipAngle: 150,
      phaseDirection: 'ROW',
    },
  ];
}

const T2 = materialTable((m) => m.t2);

/** Texture amplitude by T2 signal: about 7 % of the signal (marrow, fat and muscle grain). */
const MR_TEXTURE = amplitudeTable(0, 1200, [
  [0, 0],
  [60, 3],
  [1200, 70],
]);

function segmentDistance(p: Vec3, s: MetalSegment): number {
  const ab = sub(s.b, s.a);
  const len2 = dot(ab, ab);
  const t = len2 > 0 ? Math.min(1, Math.max(0, dot(sub(p, s.a), ab) / len2)) : 0;
  const q = combine(s.a, [ab, t]);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/**
 * Titanium at 1.5 T on TSE: a signal void larger than the implant ("blooming"), a bright pile-up
 * rim where displaced signal accumulates, and a slightly dark fringe beyond. Widths in mm.
 */
const VOID_MM = 3.2;
const RIM_MM = 1.6;
const FRINGE_MM = 2.5;

function susceptibility(
  signal: Float32Array,
  plane: PlaneGeometry,
  metal: readonly MetalSegment[],
  halfThickness: number,
): void {
  const normal = cross(plane.rowDir, plane.colDir);
  for (const m of metal) {
    const reach = m.r + VOID_MM + RIM_MM + FRINGE_MM;
    const da = dot(sub(m.a, plane.origin), normal);
    const db = dot(sub(m.b, plane.origin), normal);
    if (Math.min(da, db) > reach + halfThickness || Math.max(da, db) < -reach - halfThickness) continue;
    const cols = [dot(sub(m.a, plane.origin), plane.rowDir), dot(sub(m.b, plane.origin), plane.rowDir)].map(
      (v) => v / plane.columnSpacing,
    );
    const rows = [dot(sub(m.a, plane.origin), plane.colDir), dot(sub(m.b, plane.origin), plane.colDir)].map(
      (v) => v / plane.rowSpacing,
    );
    const pad = reach / plane.columnSpacing + 1;
    const c0 = Math.max(0, Math.floor(Math.min(...cols) - pad)),
      c1 = Math.min(plane.columns - 1, Math.ceil(Math.max(...cols) + pad));
    const r0 = Math.max(0, Math.floor(Math.min(...rows) - pad)),
      r1 = Math.min(plane.rows - 1, Math.ceil(Math.max(...rows) + pad));
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const p = combine(
          plane.origin,
          [plane.rowDir, c * plane.columnSpacing],
          [plane.colDir, r * plane.rowSpacing],
        );
        // Measured from the slab's centre plane, less a little for the slab's thickness.
        const d = Math.max(0, segmentDistance(p, m) - halfThickness * 0.5) - m.r;
        const k = r * plane.columns + c;
        const v = signal[k] as number;
        if (d < VOID_MM) signal[k] = v * 0.04;
        else if (d < VOID_MM + RIM_MM) signal[k] = Math.max(v, 0) * 1.25 + 120;
        else if (d < VOID_MM + RIM_MM + FRINGE_MM) signal[k] = v * 0.8;
      }
    }
  }
}

/**
 * One MR slice, 12-bit: T2 signal of the painted anatomy averaged over the slice thickness,
 * susceptibility artefact, posterior spine-coil sensitivity and Rician noise.
 */
export function renderMrSlice(
  scene: PhantomScene,
  spec: MrSeriesSpec,
  index: number,
  seed: number,
  metal: readonly MetalSegment[],
): Uint16Array {
  const plane = spec.planes[index] as PlaneGeometry;
  const sig = new Float32Array(plane.columns * plane.rows);
  renderPlane(scene.primitives, plane, T2, sig, {
    background: 0,
    subRows: 2,
    slabSamples: 3,
    slabThickness: spec.thickness,
  });
  addTexture(
    sig,
    plane.origin,
    plane.rowDir,
    plane.colDir,
    plane.columns,
    plane.rows,
    plane.columnSpacing,
    plane.rowSpacing,
    MR_TEXTURE,
    0,
  );
  susceptibility(sig, plane, metal, spec.thickness / 2);
  const gauss = gaussianSource(mulberry32(mixSeed(seed, spec.key === 'sagT2' ? 0x5a : 0xa7, index)));
  const sigma = 22;
  const out = new Uint16Array(sig.length);
  for (let r = 0; r < plane.rows; r++) {
    for (let c = 0; c < plane.columns; c++) {
      const p = combine(
        plane.origin,
        [plane.rowDir, c * plane.columnSpacing],
        [plane.colDir, r * plane.rowSpacing],
      );
      // Posterior phased-array coil: brightest at the back, falling off anteriorly.
      const coil = 0.5 + 0.75 * Math.exp(-Math.max(0, 110 - p[1]) / 120);
      const k = r * plane.columns + c;
      const s = (sig[k] as number) * coil;
      const v = Math.hypot(s + gauss() * sigma, gauss() * sigma) * 1.6;
      out[k] = Math.min(4095, Math.round(v));
    }
  }
  return out;
}
