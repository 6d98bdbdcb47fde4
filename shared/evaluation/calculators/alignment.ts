/** Sagittal alignment. Angles in degrees; SVA in mm (positive anterior). */

export type SchwabModifier = '0' | '+' | '++';

export function piMinusLl(pi: number, ll: number): number {
  return pi - ll;
}

/**
 * SRS–Schwab modifiers (Schwab F et al., Spine 2012): PI–LL < 10 / 10–20 / > 20°; PT < 20 / 20–30
 * / > 30°; SVA < 4 / 4–9.5 / > 9.5 cm. Both bounds of the middle band are inclusive. Signed as the
 * classification writes them: LL exceeding PI (negative mismatch) and a negative SVA grade 0.
 */
export const SCHWAB_PI_LL_DEG = [10, 20] as const;
export const SCHWAB_PT_DEG = [20, 30] as const;
export const SCHWAB_SVA_MM = [40, 95] as const;

function modifier(value: number, [low, high]: readonly [number, number]): SchwabModifier {
  if (value < low) return '0';
  return value > high ? '++' : '+';
}

export const schwabPiLl = (mismatchDeg: number): SchwabModifier => modifier(mismatchDeg, SCHWAB_PI_LL_DEG);
export const schwabPt = (ptDeg: number): SchwabModifier => modifier(ptDeg, SCHWAB_PT_DEG);
export const schwabSva = (svaMm: number): SchwabModifier => modifier(svaMm, SCHWAB_SVA_MM);

export const SCHWAB_LABELS: Record<SchwabModifier, string> = {
  '0': '0 (none)',
  '+': '+ (moderate)',
  '++': '++ (marked)',
};

/** PI = PT + SS (Legaye J et al., Eur Spine J 1998): the disagreement, for a transcription check. */
export function pelvicSumDiscrepancy(pi: number, pt: number, ss: number): number {
  return Math.abs(pi - (pt + ss));
}

/** Coronal Cobb ≥ 10° = scoliosis (Scoliosis Research Society definition). */
export const SCOLIOSIS_COBB_DEG = 10;

export function isScoliosis(cobbDeg: number): boolean {
  return cobbDeg >= SCOLIOSIS_COBB_DEG;
}
