import type { QuestionnaireScore } from './questionnaire.ts';

/**
 * NDI bands on the raw 0–50 score: 0–4 none, 5–14 mild, 15–24 moderate, 25–34 severe, > 34
 * complete (Vernon H, J Manipulative Physiol Ther 2008; NDI: Vernon H, Mior S, JMPT 1991).
 */
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

/** Minimal important change of the NDI, in raw points (Vernon H, JMPT 2008). */
export const NDI_MINIMAL_IMPORTANT_CHANGE = 5;

export const NDI_ITEM_COUNT = 10;

/**
 * The source bands whole raw points. A prorated raw (4.4) is rounded half up to the point it
 * reports before banding, so the band always matches the whole-point score shown beside it.
 */
export function ndiBand(raw: number): NdiBand {
  const points = Math.round(raw);
  return NDI_BANDS.find(([upper]) => points <= upper)?.[1] ?? 'complete';
}

/**
 * Raw 0–50 = sum when all ten items are answered; otherwise prorated as % / 2 (raw × 2 = %) and
 * marked so the UI can say so.
 */
export function ndiRaw(score: Extract<QuestionnaireScore, { ok: true }>): { raw: number; prorated: boolean } {
  if (score.answered === NDI_ITEM_COUNT) return { raw: score.sum, prorated: false };
  return { raw: score.percent / 2, prorated: true };
}
