/** 25-OH vitamin D (Holick MF et al., J Clin Endocrinol Metab 2011): < 20 ng/mL deficient, < 30 insufficient. */
export const VITAMIN_D_DEFICIENT_BELOW = 20;
export const VITAMIN_D_INSUFFICIENT_BELOW = 30;

export type VitaminDClass = 'deficient' | 'insufficient' | 'sufficient';

export const VITAMIN_D_LABELS: Record<VitaminDClass, string> = {
  deficient: 'Deficient (< 20 ng/mL)',
  insufficient: 'Insufficient (20–29.9 ng/mL)',
  sufficient: 'Sufficient (≥ 30 ng/mL)',
};

export function vitaminDClass(ngPerMl: number): VitaminDClass {
  if (ngPerMl < VITAMIN_D_DEFICIENT_BELOW) return 'deficient';
  return ngPerMl < VITAMIN_D_INSUFFICIENT_BELOW ? 'insufficient' : 'sufficient';
}
