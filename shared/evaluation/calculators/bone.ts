/** DEXA classes (WHO Technical Report Series 843, 1994): T ≥ −1.0 normal; −1.0 to −2.5 osteopenia; ≤ −2.5 osteoporosis. */
export const T_SCORE_NORMAL_FROM = -1.0;
export const T_SCORE_OSTEOPOROSIS_AT = -2.5;
/** Z ≤ −2.0: below the expected range for age (premenopausal women, men < 50) (ISCD; Shuhart CR et al., J Clin Densitom 2019). */
export const Z_SCORE_LOW_AT = -2.0;

export type BoneDensityClass =
  | 'normal'
  | 'osteopenia'
  | 'osteoporosis'
  | 'severeOsteoporosis'
  | 'withinExpectedForAge'
  | 'belowExpectedForAge';

export const BONE_DENSITY_LABELS: Record<BoneDensityClass, string> = {
  normal: 'Normal',
  osteopenia: 'Osteopenia',
  osteoporosis: 'Osteoporosis',
  severeOsteoporosis: 'Severe osteoporosis (with fragility fracture)',
  withinExpectedForAge: 'Within the expected range for age (Z-score)',
  belowExpectedForAge: 'Below the expected range for age (Z-score)',
};

export function tScoreClass(t: number, fragilityFracture: boolean): BoneDensityClass {
  if (t <= T_SCORE_OSTEOPOROSIS_AT) return fragilityFracture ? 'severeOsteoporosis' : 'osteoporosis';
  return t >= T_SCORE_NORMAL_FROM ? 'normal' : 'osteopenia';
}

export function zScoreClass(z: number): BoneDensityClass {
  return z <= Z_SCORE_LOW_AT ? 'belowExpectedForAge' : 'withinExpectedForAge';
}

export function mean(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((s, v) => s + v, 0) / values.length;
}
