/**
 * Spinopelvic parameters from sagittal landmarks. Points are 2-D (a, u): a towards the patient's
 * front, u up, in mm (or any isotropic unit for the angles). Definitions: Legaye J, Duval-Beaupère G,
 * Hecquet J, Marty C. Pelvic incidence: a fundamental pelvic parameter for three-dimensional
 * regulation of spinal sagittal curves. Eur Spine J 1998;7:99–103 (PI = PT + SS); SVA and TPA:
 * Protopsaltis T et al. The T1 pelvic angle… J Bone Joint Surg Am 2014;96:1631–1640.
 */
export interface P2 {
  readonly a: number;
  readonly u: number;
}

const RAD = 180 / Math.PI;

/** Angle between vectors, atan2(|u×v|, u·v), in degrees (stable for small and near-180° angles). */
export function angleBetweenDeg(u: P2, v: P2): number {
  return Math.atan2(Math.abs(u.a * v.u - u.u * v.a), u.a * v.a + u.u * v.u) * RAD;
}

/** Endplate tilt: angle of the posterior→anterior line below horizontal (positive when the front is lower). */
export function endplateTiltDeg(anterior: P2, posterior: P2): number {
  return Math.atan2(-(anterior.u - posterior.u), anterior.a - posterior.a) * RAD;
}

export const midpoint = (p: P2, q: P2): P2 => ({ a: (p.a + q.a) / 2, u: (p.u + q.u) / 2 });

export interface SpinopelvicLandmarks {
  /** Femoral head centres (their midpoint is the hip axis H). */
  readonly femoralHead1: P2;
  readonly femoralHead2: P2;
  readonly s1Anterior: P2;
  readonly s1Posterior: P2;
  readonly l1Anterior: P2;
  readonly l1Posterior: P2;
  readonly c7Centre: P2;
}

export interface SpinopelvicParameters {
  readonly pelvicIncidenceDeg: number;
  readonly pelvicTiltDeg: number;
  readonly sacralSlopeDeg: number;
  readonly lumbarLordosisDeg: number;
  readonly piMinusLlDeg: number;
  /** Only meaningful when the landmarks are in calibrated mm. */
  readonly svaMm: number;
}

/**
 * SS: S1 endplate vs horizontal. PT: line H→S vs vertical, positive when H lies in front of S.
 * PI: perpendicular to the S1 endplate at S vs the line S→H. LL: Cobb angle L1 upper to S1 upper
 * endplate. SVA: C7 plumb line to the posterosuperior S1 corner, positive anterior.
 */
export function spinopelvicParameters(l: SpinopelvicLandmarks): SpinopelvicParameters {
  const h = midpoint(l.femoralHead1, l.femoralHead2);
  const s = midpoint(l.s1Anterior, l.s1Posterior);
  const ss = endplateTiltDeg(l.s1Anterior, l.s1Posterior);
  const pt = Math.atan2(h.a - s.a, s.u - h.u) * RAD;
  const plate = { a: l.s1Anterior.a - l.s1Posterior.a, u: l.s1Anterior.u - l.s1Posterior.u };
  // The perpendicular pointing into the sacrum (downwards).
  const perp = plate.a >= 0 ? { a: plate.u, u: -plate.a } : { a: -plate.u, u: plate.a };
  const pi = angleBetweenDeg(perp, { a: h.a - s.a, u: h.u - s.u });
  const ll = ss - endplateTiltDeg(l.l1Anterior, l.l1Posterior);
  return {
    pelvicIncidenceDeg: pi,
    pelvicTiltDeg: pt,
    sacralSlopeDeg: ss,
    lumbarLordosisDeg: ll,
    piMinusLlDeg: pi - ll,
    svaMm: l.c7Centre.a - l.s1Posterior.a,
  };
}

/**
 * Segmental motion between two films: change of the angle between the upper vertebra's inferior
 * endplate and the lower vertebra's superior endplate, and change of the sagittal offset of the
 * upper posterior-inferior corner from the lower posterior-superior corner, measured along the
 * lower endplate (positive = upper vertebra forward).
 */
export interface SegmentLandmarks {
  readonly upperInferiorAnterior: P2;
  readonly upperInferiorPosterior: P2;
  readonly lowerSuperiorAnterior: P2;
  readonly lowerSuperiorPosterior: P2;
}

export function segmentAngleDeg(s: SegmentLandmarks): number {
  return (
    endplateTiltDeg(s.lowerSuperiorAnterior, s.lowerSuperiorPosterior) -
    endplateTiltDeg(s.upperInferiorAnterior, s.upperInferiorPosterior)
  );
}

export function segmentTranslation(s: SegmentLandmarks): number {
  const dir = {
    a: s.lowerSuperiorAnterior.a - s.lowerSuperiorPosterior.a,
    u: s.lowerSuperiorAnterior.u - s.lowerSuperiorPosterior.u,
  };
  const n = Math.hypot(dir.a, dir.u);
  return (
    ((s.upperInferiorPosterior.a - s.lowerSuperiorPosterior.a) * dir.a +
      (s.upperInferiorPosterior.u - s.lowerSuperiorPosterior.u) * dir.u) /
    n
  );
}
