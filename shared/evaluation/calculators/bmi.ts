/** BMI = kg / m² and its classes (DOMAIN.md §4). */
export type BmiClass = 'underweight' | 'normal' | 'overweight' | 'obese1' | 'obese2' | 'obese3';

export const BMI_CLASS_LABELS: Record<BmiClass, string> = {
  underweight: 'Underweight (< 18.5)',
  normal: 'Normal (18.5–24.9)',
  overweight: 'Overweight (25–29.9)',
  obese1: 'Obese class I (30–34.9)',
  obese2: 'Obese class II (35–39.9)',
  obese3: 'Obese class III (≥ 40)',
};

/** Lower bounds of each class (DOMAIN.md §4). */
const BMI_CLASS_FROM: readonly (readonly [number, BmiClass])[] = [
  [40, 'obese3'],
  [35, 'obese2'],
  [30, 'obese1'],
  [25, 'overweight'],
  [18.5, 'normal'],
];

/**
 * Rounded to one decimal, as BMI is reported; the class is taken from this rounded value so the
 * number the team reads and its class always agree (29.96 shows as 30.0 and is obese I).
 */
export function bmi(heightCm: number, weightKg: number): number {
  const m = heightCm / 100;
  return Math.round((weightKg / (m * m)) * 10) / 10;
}

export function bmiClass(value: number): BmiClass {
  return BMI_CLASS_FROM.find(([from]) => value >= from)?.[1] ?? 'underweight';
}
