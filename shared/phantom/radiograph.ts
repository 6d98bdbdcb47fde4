import { blurCoarse, fillFromCoarse, gaussianBlur } from './image-filters.ts';
import { MATERIALS } from './materials.ts';
import { PRIORITY } from './priorities.ts';
import { type ProjectionGeometry, projectLineIntegrals } from './projector.ts';
import { fillApproxGaussian, mixSeed } from './prng.ts';
import type { PhantomScene } from './scene.ts';
import type { PostureName } from './spinal-column.ts';
import type { Vec3 } from './vec3.ts';

export type RadiographName = 'lateral' | 'ap' | 'flexion' | 'extension';

/** How a standing film was taken. Distances in mm. */
export interface RadiographSpec {
  readonly name: RadiographName;
  readonly posture: PostureName;
  readonly view: 'LL' | 'AP';
  /** Source-to-image distance and source to the reference plane (midsagittal for laterals, spine coronal plane for the AP). */
  readonly sid: number;
  readonly sod: number;
  /** Patient point on the central ray. */
  readonly centre: Vec3;
  /** Detector size (mm) and pixel spacing (Imager Pixel Spacing). */
  readonly width: number;
  readonly height: number;
  readonly spacing: number;
  readonly description: string;
}

/**
 * Standing films: 36-inch full-length lateral and AP at 180 cm (C7 to femoral heads, needed for SVA,
 * Schwab F et al., Spine 2012), and 14×17-inch lumbar flexion/extension laterals at 100 cm centred on L3.
 */
export const RADIOGRAPHS: readonly RadiographSpec[] = [
  {
    name: 'lateral',
    posture: 'neutral',
    view: 'LL',
    sid: 1800,
    sod: 1600,
    centre: [0, -5, 85],
    width: 430,
    height: 910,
    spacing: 0.5,
    description: 'LAT STANDING FULL SPINE',
  },
  {
    name: 'ap',
    posture: 'neutral',
    view: 'AP',
    sid: 1800,
    sod: 1640,
    centre: [0, 20, 85],
    width: 430,
    height: 910,
    spacing: 0.5,
    description: 'AP STANDING FULL SPINE',
  },
  {
    name: 'flexion',
    posture: 'flexion',
    view: 'LL',
    sid: 1000,
    sod: 790,
    centre: [0, -10, 80],
    width: 350,
    height: 430,
    spacing: 0.4,
    description: 'LAT FLEXION L-SPINE',
  },
  {
    name: 'extension',
    posture: 'extension',
    view: 'LL',
    sid: 1000,
    sod: 790,
    centre: [0, -10, 80],
    width: 350,
    height: 430,
    spacing: 0.4,
    description: 'LAT EXTENSION L-SPINE',
  },
];

/**
 * LL: the beam enters the right side and the left side faces the detector; the image shows anterior
 * on the viewer's left (rows run towards posterior, PatientOrientation P\F). AP: the beam enters from
 * the front; the patient's right is on the viewer's left (L\F).
 */
export function radiographGeometry(spec: RadiographSpec, detectorScale = 1): ProjectionGeometry {
  const spacing = spec.spacing * detectorScale;
  const columns = Math.round(spec.width / spacing);
  const rows = Math.round(spec.height / spacing);
  const [cx, cy, cz] = spec.centre;
  const beam: Vec3 = spec.view === 'LL' ? [1, 0, 0] : [0, 1, 0];
  const rowDir: Vec3 = spec.view === 'LL' ? [0, 1, 0] : [1, 0, 0];
  const colDir: Vec3 = [0, 0, -1];
  const source: Vec3 = [cx - beam[0] * spec.sod, cy - beam[1] * spec.sod, cz];
  const detCentre: Vec3 = [source[0] + beam[0] * spec.sid, source[1] + beam[1] * spec.sid, cz];
  const half = (n: number) => ((n - 1) / 2) * spacing;
  const detectorOrigin: Vec3 = [
    detCentre[0] - rowDir[0] * half(columns),
    detCentre[1] - rowDir[1] * half(columns),
    detCentre[2] - colDir[2] * half(rows),
  ];
  return { source, detectorOrigin, rowDir, colDir, columns, rows, spacing };
}

/** Water attenuation per mm at the effective energy of a lumbar film (~60 keV). */
const MU_WATER_PER_MM = 0.0195;

/**
 * Line integrals in two passes: soft tissue is smooth, so it is traced on a 4× coarser grid and
 * interpolated; canal, discs, bone, implants and the like are traced at full resolution as
 * attenuation in excess of water they displace.
 */
export function lineIntegrals(scene: PhantomScene, g: ProjectionGeometry): Float32Array {
  const soft = scene.primitives.filter((p) => p.priority < PRIORITY.epiduralFat);
  const hard = scene.primitives.filter((p) => p.priority >= PRIORITY.epiduralFat);
  const muSoft = Float32Array.from(MATERIALS, (m) => m.mu);
  const muHard = Float32Array.from(MATERIALS, (m) => m.mu - 1);
  const coarse = new Float32Array(g.columns * g.rows);
  projectLineIntegrals(soft, g, muSoft, coarse, 4);
  fillFromCoarse(coarse, g.columns, g.rows, 4);
  const fine = new Float32Array(g.columns * g.rows);
  projectLineIntegrals(hard, g, muHard, fine);
  for (let i = 0; i < fine.length; i++)
    fine[i] = Math.max(0, ((coarse[i] as number) + (fine[i] as number)) * MU_WATER_PER_MM);
  return fine;
}

/**
 * From line integrals to a processed "for presentation" image, 12-bit, MONOCHROME2 (bone white):
 * detector blur, quantum noise, log-domain dynamic-range compression and edge enhancement (what a
 * DR system's image processing does), then a percentile window into 0..4095.
 */
export function processRadiograph(
  li: Float32Array,
  w: number,
  h: number,
  seed: number,
  name: RadiographName,
): Uint16Array {
  const blurred = gaussianBlur(li, w, h, 0.7);
  const noise = new Float32Array(w * h);
  fillApproxGaussian(noise, mixSeed(seed, 0xd1, name.length, name.charCodeAt(0)), 1);
  const photons = 4e5;
  // Quantum noise grows as fewer photons get through (σ of the log signal = 1/√N), but stops
  // growing where the detector's processing saturates (behind metal the image is clipped white).
  const perPhoton = 1 / Math.sqrt(photons);
  for (let i = 0; i < blurred.length; i++) {
    const l = blurred[i] as number;
    blurred[i] = l + (noise[i] as number) * Math.min(0.04, Math.exp(l / 2) * perPhoton);
  }
  // The wide equalisation kernel runs on a 4× downsampled copy (it only carries slow trends).
  const large = blurCoarse(blurred, w, h, 60, 4);
  const small = gaussianBlur(blurred, w, h, 3);
  const eq = new Float32Array(w * h);
  let meanLarge = 0;
  let nBody = 0;
  for (let i = 0; i < eq.length; i++) {
    if ((blurred[i] as number) > 0.6) {
      meanLarge += large[i] as number;
      nBody++;
    }
  }
  meanLarge /= Math.max(1, nBody);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < eq.length; i++) {
    const l = blurred[i] as number;
    const e = l - 0.55 * ((large[i] as number) - meanLarge) + 1.2 * (l - (small[i] as number));
    eq[i] = e;
    if (l > 0.6) {
      if (e < min) min = e;
      if (e > max) max = e;
    }
  }
  // Window from the 1st and 99.7th percentiles of the body, by histogram.
  const bins = 4096;
  const hist = new Uint32Array(bins);
  const scaleBins = (bins - 1) / Math.max(1e-6, max - min);
  for (let i = 0; i < eq.length; i++)
    if ((blurred[i] as number) > 0.6) {
      const b = Math.floor(((eq[i] as number) - min) * scaleBins);
      hist[b] = (hist[b] as number) + 1;
    }
  const percentile = (q: number): number => {
    let acc = 0;
    const target = q * nBody;
    for (let b = 0; b < bins; b++) {
      acc += hist[b] as number;
      if (acc >= target) return min + b / scaleBins;
    }
    return max;
  };
  const lo = percentile(0.01);
  const hi = percentile(0.997);
  const out = new Uint16Array(w * h);
  for (let i = 0; i < out.length; i++) {
    const l = blurred[i] as number;
    let v = 0.1 + (0.9 * ((eq[i] as number) - lo)) / (hi - lo);
    // Direct exposure (air) stays black; skin fades in.
    if (l < 0.6) v = Math.min(v, (l / 0.6) * 0.1);
    v = Math.min(1, Math.max(0, v));
    out[i] = Math.round(v * Math.sqrt(v) * 4095);
  }
  return out;
}
