import { ALIGNMENT, FLEX_EXT_RANGE, LUMBAR_DISC_WEDGE_DEG, sacralSlopeDeg } from './design.ts';
import { DEG, type Vec3 } from './vec3.ts';
import { S1_PLATE, VERTEBRA_NAMES, dimsOf, type VertebraDims, type VertebraName } from './vertebra-table.ts';

/**
 * Places the vertebrae along the sagittal curve. Work is done in a 2-D sagittal frame (a = anterior,
 * u = up, mm) and mapped to patient coordinates as x = 0, y = −a, z = u. The S1 endplate midpoint is
 * the origin. An endplate's tilt φ is the angle of its upward normal from vertical, positive when it
 * faces anteriorly: the S1 endplate has φ = sacral slope.
 */
export interface VertebraPose {
  readonly name: VertebraName;
  readonly dims: VertebraDims;
  readonly centre: Vec3;
  /** Unit normal of the endplates (towards the head) and unit anterior direction. */
  readonly up: Vec3;
  readonly anterior: Vec3;
  readonly tiltDeg: number;
}

export interface SacralPlate {
  readonly mid: Vec3;
  readonly anteriorCorner: Vec3;
  readonly posteriorCorner: Vec3;
  readonly up: Vec3;
  readonly anterior: Vec3;
  readonly tiltDeg: number;
}

export interface SpinalColumn {
  readonly sacralPlate: SacralPlate;
  /** Bottom (L5) to top (C5). */
  readonly vertebrae: readonly VertebraPose[];
  readonly hipAxisMid: Vec3;
  readonly femoralHeadLeft: Vec3;
  readonly femoralHeadRight: Vec3;
  /** Thoracic kyphosis solved so that the SVA matches the design (degrees, T1–T12 discs). */
  readonly thoracicKyphosisDeg: number;
}

export type PostureName = 'neutral' | 'flexion' | 'extension';
export type MotionLevel = keyof typeof FLEX_EXT_RANGE;

interface P2 {
  a: number;
  u: number;
  phi: number;
}

const toWorld = (a: number, u: number, x = 0): Vec3 => [x, -a, u];
export const upVector = (phi: number): Vec3 => [0, -Math.sin(phi), Math.cos(phi)];
export const anteriorVector = (phi: number): Vec3 => [0, -Math.cos(phi), -Math.sin(phi)];

const LEVELS_BOTTOM_UP = [...VERTEBRA_NAMES].reverse();

/** Relative weight of each thoracic/junctional disc in the kyphosis (peaks mid-thoracic). */
function kyphosisWeight(name: VertebraName): number {
  const order = ['T12', 'T11', 'T10', 'T9', 'T8', 'T7', 'T6', 'T5', 'T4', 'T3', 'T2', 'T1', 'C7'];
  const i = order.indexOf(name);
  if (i < 0) return 0;
  return Math.sin(((i + 0.5) / order.length) * Math.PI);
}

const CERVICAL_LORDOSIS_DEG: Partial<Record<VertebraName, number>> = { C6: 4, C5: 5 };

/** Disc wedge angle (lordosis positive) for the disc below `name`. */
function discWedgeDeg(name: VertebraName, kyphosisDeg: number, totalWeight: number): number {
  const lumbarKey = { L5: 'L5-S1', L4: 'L4-L5', L3: 'L3-L4', L2: 'L2-L3', L1: 'L1-L2' } as const;
  if (name in lumbarKey) return LUMBAR_DISC_WEDGE_DEG[lumbarKey[name as keyof typeof lumbarKey]];
  const cervical = CERVICAL_LORDOSIS_DEG[name];
  if (cervical !== undefined) return cervical;
  return (-kyphosisDeg * kyphosisWeight(name)) / totalWeight;
}

function neutralChain(kyphosisDeg: number): P2[] {
  const totalWeight = VERTEBRA_NAMES.reduce((s, n) => s + kyphosisWeight(n), 0);
  let a = 0;
  let u = 0;
  let phi = sacralSlopeDeg * DEG;
  const out: P2[] = [];
  for (const name of LEVELS_BOTTOM_UP) {
    const d = dimsOf(name);
    const alpha = discWedgeDeg(name, kyphosisDeg, totalWeight) * DEG;
    const mid = phi - alpha / 2;
    a += d.discBelow * Math.sin(mid);
    u += d.discBelow * Math.cos(mid);
    phi -= alpha;
    out.push({ a: a + (d.height / 2) * Math.sin(phi), u: u + (d.height / 2) * Math.cos(phi), phi });
    a += d.height * Math.sin(phi);
    u += d.height * Math.cos(phi);
  }
  return out;
}

const plateTilt = sacralSlopeDeg * DEG;
const s1PosteriorA = (-S1_PLATE.depth / 2) * Math.cos(plateTilt);

function svaOf(chain: P2[]): number {
  const c7 = chain[LEVELS_BOTTOM_UP.indexOf('C7')];
  if (!c7) throw new Error('C7 missing from the chain');
  return c7.a - s1PosteriorA;
}

/** Thoracic kyphosis that puts the C7 plumb line `ALIGNMENT.svaMm` ahead of the S1 posterior corner. */
function solveKyphosis(): number {
  let lo = -30;
  let hi = 120;
  for (let i = 0; i < 60; i++) {
    const k = (lo + hi) / 2;
    if (svaOf(neutralChain(k)) < ALIGNMENT.svaMm) lo = k;
    else hi = k;
  }
  return (lo + hi) / 2;
}

/** Posterior-inferior corner of a vertebra in the 2-D frame. */
function posteriorInferior(p: P2, d: VertebraDims): { a: number; u: number } {
  const ua = Math.sin(p.phi),
    uu = Math.cos(p.phi);
  const aa = Math.cos(p.phi),
    au = -Math.sin(p.phi);
  return {
    a: p.a - (d.height / 2) * ua - (d.depth / 2) * aa,
    u: p.u - (d.height / 2) * uu - (d.depth / 2) * au,
  };
}

const MOTION_UPPER: Record<MotionLevel, VertebraName> = {
  'T12-L1': 'T12',
  'L1-L2': 'L1',
  'L2-L3': 'L2',
  'L3-L4': 'L3',
  'L4-L5': 'L4',
  'L5-S1': 'L5',
};

/**
 * Flexion/extension: for each mobile level (bottom-up), the upper vertebra and everything above it
 * rotate about the upper vertebra's posterior-inferior corner by ± half the angular range and slide
 * along the lower endplate by ± half the translation range.
 */
function applyPosture(chain: P2[], posture: PostureName): void {
  if (posture === 'neutral') return;
  const sign = posture === 'flexion' ? 1 : -1;
  for (const level of ['L5-S1', 'L4-L5', 'L3-L4', 'L2-L3', 'L1-L2', 'T12-L1'] as const) {
    const range = FLEX_EXT_RANGE[level];
    if (range.angleDeg === 0 && range.translationMm === 0) continue;
    const upperIndex = LEVELS_BOTTOM_UP.indexOf(MOTION_UPPER[level]);
    const upper = chain[upperIndex] as P2;
    const lowerPhi = upperIndex > 0 ? (chain[upperIndex - 1] as P2).phi : plateTilt;
    const pivot = posteriorInferior(upper, dimsOf(MOTION_UPPER[level]));
    const delta = ((sign * range.angleDeg) / 2) * DEG;
    const tau = (sign * range.translationMm) / 2;
    const c = Math.cos(delta),
      s = Math.sin(delta);
    for (let i = upperIndex; i < chain.length; i++) {
      const p = chain[i] as P2;
      const va = p.a - pivot.a,
        vu = p.u - pivot.u;
      p.a = pivot.a + va * c + vu * s + tau * Math.cos(lowerPhi);
      p.u = pivot.u - va * s + vu * c - tau * Math.sin(lowerPhi);
      p.phi += delta;
    }
  }
}

let cachedKyphosis: number | null = null;

export function spinalColumn(posture: PostureName = 'neutral'): SpinalColumn {
  cachedKyphosis ??= solveKyphosis();
  const chain = neutralChain(cachedKyphosis);
  applyPosture(chain, posture);
  const vertebrae = chain.map((p, i): VertebraPose => {
    const name = LEVELS_BOTTOM_UP[i] as VertebraName;
    return {
      name,
      dims: dimsOf(name),
      centre: toWorld(p.a, p.u),
      up: upVector(p.phi),
      anterior: anteriorVector(p.phi),
      tiltDeg: p.phi / DEG,
    };
  });
  const half = S1_PLATE.depth / 2;
  const sacralPlate: SacralPlate = {
    mid: toWorld(0, 0),
    anteriorCorner: toWorld(half * Math.cos(plateTilt), -half * Math.sin(plateTilt)),
    posteriorCorner: toWorld(-half * Math.cos(plateTilt), half * Math.sin(plateTilt)),
    up: upVector(plateTilt),
    anterior: anteriorVector(plateTilt),
    tiltDeg: sacralSlopeDeg,
  };
  // Hip axis: PT is the angle of the line from the hip axis to S against vertical, positive when the
  // hips lie anterior to S (Legaye J et al., Eur Spine J 1998).
  const pt = ALIGNMENT.pelvicTiltDeg * DEG;
  const ha = ALIGNMENT.hipToSacrumMm * Math.sin(pt);
  const hu = -ALIGNMENT.hipToSacrumMm * Math.cos(pt);
  return {
    sacralPlate,
    vertebrae,
    hipAxisMid: toWorld(ha, hu),
    femoralHeadLeft: toWorld(ha, hu, ALIGNMENT.hipHalfWidthMm),
    femoralHeadRight: toWorld(ha, hu, -ALIGNMENT.hipHalfWidthMm),
    thoracicKyphosisDeg: cachedKyphosis,
  };
}

export function poseOf(column: SpinalColumn, name: VertebraName): VertebraPose {
  const v = column.vertebrae.find((p) => p.name === name);
  if (!v) throw new Error(`No pose for ${name}`);
  return v;
}
