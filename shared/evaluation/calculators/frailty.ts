/** Modified 5-item frailty index: 1 point per item (Subramaniam S et al., J Am Coll Surg 2018). */
export interface Mfi5Items {
  readonly heartFailure: boolean;
  readonly diabetes: boolean;
  readonly copdOrPneumonia: boolean;
  readonly dependent: boolean;
  readonly treatedHypertension: boolean;
}

export const MFI5_ITEM_COUNT = 5;

/** Frailty flag cut-offs on the ratio (Weaver DJ et al., World Neurosurg 2019): ≥ 0.3 mild, > 0.5 severe. */
export const MFI5_MILD_RATIO = 0.3;
export const MFI5_SEVERE_RATIO = 0.5;

export type FrailtyClass = 'notFrail' | 'mild' | 'severe';

export function mfi5(items: Mfi5Items): { score: number; ratio: number } {
  const score = Object.values(items).filter(Boolean).length;
  return { score, ratio: score / MFI5_ITEM_COUNT };
}

export function frailtyClass(ratio: number): FrailtyClass {
  if (ratio > MFI5_SEVERE_RATIO) return 'severe';
  if (ratio >= MFI5_MILD_RATIO) return 'mild';
  return 'notFrail';
}
