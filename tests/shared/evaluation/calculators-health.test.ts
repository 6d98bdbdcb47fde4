import { describe, expect, it } from 'vitest';
import { bmi, bmiClass, displayBmi } from '../../../shared/evaluation/calculators/bmi.ts';
import { mean, tScoreClass, zScoreClass } from '../../../shared/evaluation/calculators/bone.ts';
import { frailtyClass, mfi5 } from '../../../shared/evaluation/calculators/frailty.ts';
import { isChronicOpioidUse } from '../../../shared/evaluation/calculators/opioids.ts';
import { packYears } from '../../../shared/evaluation/calculators/smoking.ts';
import { vitaminDClass } from '../../../shared/evaluation/calculators/vitamin-d.ts';

describe('BMI (kg / m²)', () => {
  it('computes the unrounded value; shows one decimal', () => {
    expect(bmi(175, 80)).toBeCloseTo(26.122, 3); // 80 / 1.75²
    expect(displayBmi(bmi(175, 80))).toBe('26.1');
    expect(displayBmi(bmi(175, 92))).toBe('30.0'); // 30.04
    expect(displayBmi(bmi(180, 96.8))).toBe('29.9'); // 29.88
  });

  it('classifies from the unrounded value (WHO half-open classes): 29.96 is overweight, shown 29.96', () => {
    expect(bmiClass(bmi(160, 76.7))).toBe('overweight'); // 29.96
    expect(displayBmi(bmi(160, 76.7))).toBe('29.96');
    expect(bmiClass(bmi(160, 77))).toBe('obese1'); // 30.08
  });

  it.each([
    [18.4, 'underweight'],
    [18.5, 'normal'],
    [24.9, 'normal'],
    [25, 'overweight'],
    [29.9, 'overweight'],
    [30, 'obese1'],
    [34.9, 'obese1'],
    [35, 'obese2'],
    [39.9, 'obese2'],
    [40, 'obese3'],
  ] as const)('BMI %s is %s', (value, c) => {
    expect(bmiClass(value)).toBe(c);
  });
});

describe('pack-years ((cigarettes per day / 20) × years)', () => {
  it('worked examples', () => {
    expect(packYears(20, 10)).toBe(10);
    expect(packYears(15, 30)).toBe(22.5);
    expect(packYears(40, 5)).toBe(10);
  });
});

describe('mFI-5', () => {
  const none = {
    heartFailure: false,
    diabetes: false,
    copdOrPneumonia: false,
    dependent: false,
    treatedHypertension: false,
  };

  it('scores one point per item and the ratio is score / 5', () => {
    expect(mfi5(none)).toEqual({ score: 0, ratio: 0 });
    expect(mfi5({ ...none, diabetes: true, treatedHypertension: true })).toEqual({ score: 2, ratio: 0.4 });
    expect(mfi5({ ...none, diabetes: true, treatedHypertension: true, dependent: true }).score).toBe(3);
  });

  it('frailty: ≥ 0.3 mild, > 0.5 severe', () => {
    expect(frailtyClass(0.2)).toBe('notFrail');
    expect(frailtyClass(0.29)).toBe('notFrail');
    expect(frailtyClass(0.3)).toBe('mild');
    expect(frailtyClass(0.4)).toBe('mild');
    expect(frailtyClass(0.5)).toBe('mild');
    expect(frailtyClass(0.6)).toBe('severe');
  });
});

describe('bone density', () => {
  it.each([
    [0.5, false, 'normal'],
    [-1.0, false, 'normal'],
    [-1.1, false, 'osteopenia'],
    [-2.4, false, 'osteopenia'],
    [-2.5, false, 'osteoporosis'],
    [-3.2, false, 'osteoporosis'],
    [-2.5, true, 'severeOsteoporosis'],
    [-1.5, true, 'osteopenia'],
  ] as const)('T %s (fragility fracture %s) is %s', (t, fracture, c) => {
    expect(tScoreClass(t, fracture)).toBe(c);
  });

  it('Z ≤ −2.0 is below the expected range for age', () => {
    expect(zScoreClass(-2.0)).toBe('belowExpectedForAge');
    expect(zScoreClass(-1.9)).toBe('withinExpectedForAge');
  });

  it('averages the CT values entered', () => {
    expect(mean([100, 120, 140])).toBe(120);
    expect(mean([])).toBeUndefined();
  });
});

describe('vitamin D (< 20 deficient, < 30 insufficient)', () => {
  it.each([
    [12, 'deficient'],
    [19.9, 'deficient'],
    [20, 'insufficient'],
    [29.9, 'insufficient'],
    [30, 'sufficient'],
  ] as const)('%s ng/mL is %s', (v, c) => {
    expect(vitaminDClass(v)).toBe(c);
  });
});

describe('opioids (> 90 days in past year = chronic)', () => {
  it('90 days is not chronic, 91 is', () => {
    expect(isChronicOpioidUse(90)).toBe(false);
    expect(isChronicOpioidUse(91)).toBe(true);
  });
});
