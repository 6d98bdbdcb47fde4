/** BMI = kg / m² and its classes (WHO Technical Report Series 894, 2000). */
export type BmiClass = 'underweight' | 'normal' | 'overweight' | 'obese1' | 'obese2' | 'obese3';

export const BMI_CLASS_LABELS: Record<BmiClass, string> = {
  underweight: 'Underweight (< 18.5)',
  normal: 'Normal (18.5 to < 25)',
  overweight: 'Overweight (25 to < 30)',
  obese1: 'Obese class I (30 to < 35)',
  obese2: 'Obese class II (35 to < 40)',
  obese3: 'Obese class III (≥ 40)',
};

/** Lower bounds of each class (WHO 2000). */
const BMI_CLASS_FROM: readonly (readonly [number, BmiClass])[] = [
  [40, 'obese3'],
  [35, 'obese2'],
  [30, 'obese1'],
  [25, 'overweight'],
  [18.5, 'normal'],
];

/**
 * Unrounded: the WHO classes are half-open intervals on the value itself, so 29.965 is overweight
 * even though it displays as 30.0 at one decimal (displayBmi shows two decimals then).
 */
export function bmi(heightCm: number, weightKg: number): number {
  const m = heightCm / 100;
  return weightKg / (m * m);
}

/** One decimal, or two when one would round up onto a class bound and contradict the class. */
export function displayBmi(value: number): string {
  const one = value.toFixed(1);
  const crossesBound = BMI_CLASS_FROM.some(([from]) => value < from && Number(one) >= from);
  return crossesBound ? value.toFixed(2) : one;
}

export function bmiClass(value: number): BmiClass {
  return BMI_CLASS_FROM.find(([from]) => value >= from)?.[1] ?? 'underweight';
}
