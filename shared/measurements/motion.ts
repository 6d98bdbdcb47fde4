import type { P2 } from './sagittal.ts';
import { segmentAngleDeg, segmentTranslation } from './sagittal.ts';
import type { AnteriorSide } from './spinopelvic.ts';
import { sagittalPoint } from './spinopelvic.ts';
import type { ImagePoint } from './types.ts';

/** The segment tool's points, in order: the upper vertebra's lower endplate, the lower one's upper endplate. */
export const SEGMENT_POINTS = [
  'Upper vertebra, inferior endplate, anterior corner',
  'Upper vertebra, inferior endplate, posterior corner',
  'Lower vertebra, superior endplate, anterior corner',
  'Lower vertebra, superior endplate, posterior corner',
] as const;

export interface SegmentPosition {
  /** Angle between the two endplates, lordosis positive (°). */
  angleDeg: number;
  /** Sagittal offset of the upper posterior-inferior corner along the lower endplate, forward positive (mm). */
  translationMm: number;
}

/**
 * One film's position of a motion segment. Translation follows the standard radiographic method:
 * the offset of the upper vertebra's posterior-inferior corner from the lower vertebra's
 * posterior-superior corner, measured parallel to the lower endplate (Dupuis PR, Yong-Hing K,
 * Cassidy JD, Kirkaldy-Willis WH. Radiologic diagnosis of degenerative lumbar spinal instability.
 * Spine 1985;10:262–276).
 */
export function segmentPosition(
  points: readonly ImagePoint[],
  spacing: readonly [number, number],
  anterior: AnteriorSide,
): SegmentPosition {
  if (points.length !== 4) throw new RangeError('A motion segment needs four endplate corners.');
  const p = points.map((q) => sagittalPoint(q, spacing, anterior)) as [P2, P2, P2, P2];
  const s = {
    upperInferiorAnterior: p[0],
    upperInferiorPosterior: p[1],
    lowerSuperiorAnterior: p[2],
    lowerSuperiorPosterior: p[3],
  };
  return { angleDeg: segmentAngleDeg(s), translationMm: segmentTranslation(s) };
}

export interface SegmentMotion {
  translationMm: number;
  angleDeg: number;
  /** ≥ 3 mm or ≥ 5°: motion at a level meant to be fused (suspected pseudarthrosis). */
  exceedsFusedLimit: boolean;
  /** > 4.5 mm or more than the level's angular limit: instability of a mobile level. */
  exceedsMobileLimit: boolean;
  mobileAngleLimitDeg: number;
}

/**
 * Fusion criterion of lumbar fusion trials: < 3 mm translation and < 5° angular motion on
 * flexion/extension films (Burkus JK, Gornet MF, Dickman CA, Zdeblick TA. Anterior lumbar interbody
 * fusion using rhBMP-2 with tapered interbody cages. J Spinal Disord Tech 2002;15:337–349).
 */
export const FUSED_LIMIT = { translationMm: 3, angleDeg: 5 } as const;

/**
 * Clinical instability of a mobile lumbar level on flexion/extension films: sagittal translation
 * > 4.5 mm, rotation > 15° at L1–L4, > 20° at L4–L5, > 25° at L5–S1 (White AA, Panjabi MM. Clinical
 * Biomechanics of the Spine, 2nd ed. Philadelphia: Lippincott, 1990, ch. 5).
 */
export const MOBILE_LIMIT_MM = 4.5;
const MOBILE_ANGLE_DEG: Record<string, number> = { 'L4-L5': 20, 'L5-S1': 25 };
export const mobileAngleLimit = (level: string | null): number =>
  (level ? MOBILE_ANGLE_DEG[level] : undefined) ?? 15;

/** Motion of a segment between two films (e.g. flexion and extension): absolute differences. */
export function segmentMotion(a: SegmentPosition, b: SegmentPosition, level: string | null): SegmentMotion {
  const translationMm = Math.abs(a.translationMm - b.translationMm);
  const angleDeg = Math.abs(a.angleDeg - b.angleDeg);
  const limit = mobileAngleLimit(level);
  return {
    translationMm,
    angleDeg,
    exceedsFusedLimit: translationMm >= FUSED_LIMIT.translationMm || angleDeg >= FUSED_LIMIT.angleDeg,
    exceedsMobileLimit: translationMm > MOBILE_LIMIT_MM || angleDeg > limit,
    mobileAngleLimitDeg: limit,
  };
}
