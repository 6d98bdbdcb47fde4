/** ODI disability bands (Fairbank JC, Pynsent PB, Spine 2000), upper bounds inclusive: 0–20 minimal … 81–100 bed-bound. */
export type OdiBand = 'minimal' | 'moderate' | 'severe' | 'crippled' | 'bedBound';

const ODI_BANDS: readonly (readonly [number, OdiBand])[] = [
  [20, 'minimal'],
  [40, 'moderate'],
  [60, 'severe'],
  [80, 'crippled'],
];

export const ODI_BAND_LABELS: Record<OdiBand, string> = {
  minimal: 'Minimal disability',
  moderate: 'Moderate disability',
  severe: 'Severe disability',
  crippled: 'Crippled',
  bedBound: 'Bed-bound or exaggerating',
};

/**
 * A prorated % can fall between the published integer bands (20.4 after a missing item): a value
 * belongs to the lowest band whose upper bound it does not exceed, so 20.4 is moderate.
 */
export function odiBand(percent: number): OdiBand {
  return ODI_BANDS.find(([upper]) => percent <= upper)?.[1] ?? 'bedBound';
}
