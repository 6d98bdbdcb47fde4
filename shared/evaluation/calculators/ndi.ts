import type { QuestionnaireScore } from './questionnaire.ts';

/** NDI bands on the raw 0–50 score (DOMAIN.md §2): 0–4 none, 5–14 mild, 15–24 moderate, 25–34 severe, > 34 complete. */
export type NdiBand = 'none' | 'mild' | 'moderate' | 'severe' | 'complete';

const NDI_BANDS: readonly (readonly [number, NdiBand])[] = [
  [4, 'none'],
  [14, 'mild'],
  [24, 'moderate'],
  [34, 'severe'],
];

export const NDI_BAND_LABELS: Record<NdiBand, string> = {
  none: 'No disability',
  mild: 'Mild disability',
  moderate: 'Moderate disability',
  severe: 'Severe disability',
  complete: 'Complete disability',
};

/** Minimal important change of the NDI (DOMAIN.md §2). */
export const NDI_MINIMAL_IMPORTANT_CHANGE = 5;

export const NDI_ITEM_COUNT = 10;

/** Upper bounds inclusive; a prorated raw like 4.4 exceeds 4 and is mild. */
export function ndiBand(raw: number): NdiBand {
  return NDI_BANDS.find(([upper]) => raw <= upper)?.[1] ?? 'complete';
}

/**
 * Raw 0–50 = sum when all ten items are answered; otherwise prorated as % / 2 (raw × 2 = %,
 * DOMAIN.md §2) and marked so the UI can say so.
 */
export function ndiRaw(score: Extract<QuestionnaireScore, { ok: true }>): { raw: number; prorated: boolean } {
  if (score.answered === NDI_ITEM_COUNT) return { raw: score.sum, prorated: false };
  return { raw: score.percent / 2, prorated: true };
}
