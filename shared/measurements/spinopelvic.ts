import type { SchwabModifier } from '../evaluation/calculators/alignment.ts';
import { schwabPiLl, schwabPt, schwabSva } from '../evaluation/calculators/alignment.ts';
import type { P2 } from './sagittal.ts';
import { angleBetweenDeg, midpoint, spinopelvicParameters } from './sagittal.ts';
import type { ImagePoint } from './types.ts';

/** Which side of the lateral image the patient faces. */
export type AnteriorSide = 'left' | 'right';

/**
 * Landmarks of a standing lateral film in image pixels (x right, y down) with the pixel spacing
 * [row, column] in mm: the `spinopelvic --landmarks FILE` format and the spinopelvic tool's points.
 */
export interface SpinopelvicLandmarkFile {
  pixelSpacingMm: readonly [number, number];
  anterior: AnteriorSide;
  femoralHeads: readonly [ImagePoint, ImagePoint];
  s1Endplate: { anterior: ImagePoint; posterior: ImagePoint };
  l1Endplate: { anterior: ImagePoint; posterior: ImagePoint };
  c7: ImagePoint;
  t1: ImagePoint;
}

export interface SpinopelvicResult {
  PI: number;
  PT: number;
  SS: number;
  LL: number;
  PI_LL: number;
  SVA_mm: number;
  TPA: number;
  schwab: { PI_LL: SchwabModifier; PT: SchwabModifier; SVA: SchwabModifier };
}

/**
 * The order the spinopelvic tool asks for its points (and stores them in). Each femoral head is a
 * circle: its centre, then a point on its outline (the radius); the hip axis is the midpoint of the
 * two centres.
 */
export const SPINOPELVIC_POINTS = [
  'Femoral head (first): centre',
  'Femoral head (first): edge of the head',
  'Femoral head (second): centre',
  'Femoral head (second): edge of the head',
  'S1 endplate, anterior corner',
  'S1 endplate, posterior corner',
  'L1 upper endplate, anterior corner',
  'L1 upper endplate, posterior corner',
  'C7 centroid',
  'T1 centroid',
] as const;

export function landmarksFromPoints(
  points: readonly ImagePoint[],
  pixelSpacingMm: readonly [number, number],
  anterior: AnteriorSide,
): SpinopelvicLandmarkFile {
  if (points.length !== SPINOPELVIC_POINTS.length)
    throw new RangeError(`The spinopelvic tool needs ${SPINOPELVIC_POINTS.length} points.`);
  const p = points;
  return {
    pixelSpacingMm,
    anterior,
    femoralHeads: [p[0]!, p[2]!],
    s1Endplate: { anterior: p[4]!, posterior: p[5]! },
    l1Endplate: { anterior: p[6]!, posterior: p[7]! },
    c7: p[8]!,
    t1: p[9]!,
  };
}

/** Indices of the femoral head centres in the spinopelvic points; each is followed by its edge point. */
export const FEMORAL_HEAD_CENTRES = [0, 2] as const;
/** Index of the C7 centroid in the spinopelvic points (its label goes beside it). */
export const SPINOPELVIC_C7 = 8;

/** The femoral head circles (centre and radius, image pixels) of the spinopelvic points. */
export function femoralHeadCircles(points: readonly ImagePoint[]): { centre: ImagePoint; radius: number }[] {
  return FEMORAL_HEAD_CENTRES.flatMap((i) => {
    const c = points[i];
    const e = points[i + 1];
    return c && e ? [{ centre: c, radius: Math.hypot(e[0] - c[0], e[1] - c[1]) }] : [];
  });
}

/**
 * Points of a spinopelvic measurement stored before the femoral heads became circles (eight points:
 * two head centres, the S1 and L1 endplates, C7, T1) in today's ten-point order. Each head gets an
 * edge point beside its centre at half the S1 endplate's length (an adult femoral head's radius is
 * of that order), so the circle is drawn where it belongs and can be dragged to the head's outline;
 * the values depend on the centres only and do not change. Ten points pass through unchanged.
 */
export function upgradeSpinopelvicPoints(points: readonly ImagePoint[]): ImagePoint[] {
  if (points.length !== SPINOPELVIC_POINTS.length - 2) return [...points];
  const [h1, h2, s1a, s1p, ...rest] = points as [
    ImagePoint,
    ImagePoint,
    ImagePoint,
    ImagePoint,
    ...ImagePoint[],
  ];
  const r = Math.max(1, Math.hypot(s1a[0] - s1p[0], s1a[1] - s1p[1]) / 2);
  return [h1, [h1[0] + r, h1[1]], h2, [h2[0] + r, h2[1]], s1a, s1p, ...rest];
}

/** Image point → sagittal (a = towards the patient's front, u = up), mm. */
export function sagittalPoint(
  [x, y]: ImagePoint,
  [row, column]: readonly [number, number],
  anterior: AnteriorSide,
): P2 {
  return { a: (anterior === 'left' ? -x : x) * column, u: -y * row };
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

/**
 * PI, PT, SS, LL, PI–LL, SVA, TPA and the SRS–Schwab modifiers (Schwab F, Ungar B, Blondel B et al.
 * Scoliosis Research Society–Schwab adult spinal deformity classification: a validation study.
 * Spine 2012;37:1077–1082) of a standing lateral film. Rounded to 0.01.
 */
export function spinopelvicAlignment(f: SpinopelvicLandmarkFile): SpinopelvicResult {
  const at = (p: ImagePoint): P2 => sagittalPoint(p, f.pixelSpacingMm, f.anterior);
  const s1a = at(f.s1Endplate.anterior);
  const s1p = at(f.s1Endplate.posterior);
  const h1 = at(f.femoralHeads[0]);
  const h2 = at(f.femoralHeads[1]);
  const p = spinopelvicParameters({
    femoralHead1: h1,
    femoralHead2: h2,
    s1Anterior: s1a,
    s1Posterior: s1p,
    l1Anterior: at(f.l1Endplate.anterior),
    l1Posterior: at(f.l1Endplate.posterior),
    c7Centre: at(f.c7),
  });
  const h = midpoint(h1, h2);
  const s = midpoint(s1a, s1p);
  const t1 = at(f.t1);
  const tpa = angleBetweenDeg({ a: t1.a - h.a, u: t1.u - h.u }, { a: s.a - h.a, u: s.u - h.u });
  return {
    PI: round2(p.pelvicIncidenceDeg),
    PT: round2(p.pelvicTiltDeg),
    SS: round2(p.sacralSlopeDeg),
    LL: round2(p.lumbarLordosisDeg),
    PI_LL: round2(p.piMinusLlDeg),
    SVA_mm: round2(p.svaMm),
    TPA: round2(tpa),
    schwab: { PI_LL: schwabPiLl(p.piMinusLlDeg), PT: schwabPt(p.pelvicTiltDeg), SVA: schwabSva(p.svaMm) },
  };
}
