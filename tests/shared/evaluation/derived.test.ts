import { describe, expect, it } from 'vitest';
import { COMPUTED_FIELDS, computeDerived } from '../../../shared/evaluation/derived.ts';
import type { DerivedValue } from '../../../shared/evaluation/derived.ts';
import type { EvaluationValues } from '../../../shared/evaluation/values.ts';
import { cervicalCase, lumbarCase, TODAY } from './fixtures.ts';

const value = (d: DerivedValue | undefined) => (d?.available ? d.value : undefined);
const derive = (values: EvaluationValues) => computeDerived(values, { today: TODAY });

describe('computeDerived', () => {
  it('returns an entry for every computed field', () => {
    expect(Object.keys(derive({})).sort()).toEqual(COMPUTED_FIELDS.map((f) => f.id).sort());
  });

  it('computes the lumbar example: ODI, BMI, timing, level count, mFI-5', () => {
    const d = derive(lumbarCase());
    expect(d['prom.odiPercent']).toEqual({ available: true, value: 50, text: '50 %' });
    expect(value(d['prom.odiBand'])).toBe('severe');
    expect(d['health.bmi']).toMatchObject({ available: true, text: '26.1 kg/m²' });
    expect(value(d['health.bmiClass'])).toBe('overweight');
    expect(value(d['history.levelCount'])).toBe(2);
    expect(d['history.timingClass']).toEqual({
      available: true,
      value: 'late',
      text: 'Late — after a pain-free interval (549 days after surgery). Suggests: Pseudarthrosis or adjacent-segment disease.',
    });
    expect(value(d['health.mfi5Score'])).toBe(0);
  });

  it('says how many ODI sections were answered when one is skipped, and refuses below the minimum', () => {
    const d = derive(lumbarCase({ 'prom.odi8': null }));
    expect(d['prom.odiPercent']).toMatchObject({ available: true, text: '51.1 % (9 of 10 sections)' }); // 23/45
    const few = derive(lumbarCase({ 'prom.odi8': null, 'prom.odi9': null, 'prom.odi10': null }));
    expect(few['prom.odiPercent']).toEqual({
      available: false,
      reason: '7 of 10 items answered; at least 8 needed',
    });
    const lenient = computeDerived(lumbarCase({ 'prom.odi8': null, 'prom.odi9': null, 'prom.odi10': null }), {
      config: { questionnaireMinAnswered: 7 },
    });
    expect(lenient['prom.odiPercent']?.available).toBe(true);
  });

  it('computes the NDI for a cervical case and hides the ODI', () => {
    const d = derive(cervicalCase());
    expect(value(d['prom.ndiRaw'])).toBe(18);
    expect(value(d['prom.ndiPercent'])).toBe(36);
    expect(value(d['prom.ndiBand'])).toBe('moderate');
    expect(d['prom.odiPercent']).toEqual({ available: false, reason: 'Not shown for this case' });
  });

  it('never derives from invalid input: an implausible weight gives no BMI', () => {
    const d = derive(lumbarCase({ 'health.weightKg': 800 }));
    expect(d['health.bmi']).toEqual({ available: false, reason: 'Needs weight' });
    expect(derive(lumbarCase({ 'health.heightCm': null, 'health.weightKg': null }))['health.bmi']).toEqual({
      available: false,
      reason: 'Needs height and weight',
    });
  });

  it('computes pack-years only for smokers', () => {
    const smoker = { 'health.smoking': 'current', 'health.cigarettesPerDay': 15, 'health.yearsSmoked': 30 };
    expect(derive(lumbarCase(smoker))['health.packYears']).toEqual({
      available: true,
      value: 22.5,
      text: '22.5 pack-years',
    });
    expect(derive(lumbarCase({ ...smoker, 'health.smoking': 'never' }))['health.packYears']?.available).toBe(
      false,
    );
  });

  it('takes the mFI-5 diabetes item from the diabetes answer', () => {
    const d = derive(lumbarCase({ 'health.diabetes': 'type2', 'health.mfiHypertension': true }));
    expect(value(d['health.mfi5Score'])).toBe(2);
    expect(value(d['health.mfi5Ratio'])).toBe(0.4);
    expect(derive(lumbarCase({ 'health.mfiCopd': null }))['health.mfi5Ratio']).toEqual({
      available: false,
      reason: 'Needs all 5 mFI-5 items (1 unanswered)',
    });
  });

  it('uses the Z-score instead of the T-score where it applies', () => {
    const bone = { 'labs.tScore': -2.6, 'labs.zScore': -1.2 };
    expect(value(derive(lumbarCase(bone))['labs.boneDensityClass'])).toBe('osteoporosis');
    expect(value(derive(lumbarCase({ ...bone, 'labs.zScoreApplies': true }))['labs.boneDensityClass'])).toBe(
      'withinExpectedForAge',
    );
  });

  it('computes alignment: PI–LL and the SRS–Schwab modifiers', () => {
    const d = derive(
      lumbarCase({
        'imaging.pi': 62,
        'imaging.pt': 27,
        'imaging.ss': 35,
        'imaging.ll': 38,
        'imaging.svaMm': 110,
      }),
    );
    expect(value(d['imaging.piMinusLl'])).toBe(24);
    expect(value(d['imaging.schwabPiLl'])).toBe('++');
    expect(value(d['imaging.schwabPt'])).toBe('+');
    expect(value(d['imaging.schwabSva'])).toBe('++');
  });

  it('classifies timing from dates, a manual choice, or "never relieved"', () => {
    expect(
      value(derive(lumbarCase({ 'history.symptomOnsetDate': '2021-04-01' }))['history.timingClass']),
    ).toBe('early');
    const manual = lumbarCase({ 'history.symptomOnsetDate': null, 'history.timingManual': 'intermediate' });
    expect(value(derive(manual)['history.timingClass'])).toBe('intermediate');
    expect(value(derive(lumbarCase({ 'history.course': 'neverRelieved' }))['history.timingClass'])).toBe(
      'immediate',
    );
  });

  it('derives the remaining classes: vitamin D, chronic opioids, CT HU mean, scoliosis', () => {
    const d = derive(
      lumbarCase({
        'labs.vitaminD': 18,
        'health.opioids': true,
        'health.opioidDays': 120,
        'labs.ctHuL1': 100,
        'labs.ctHuL2': 120,
        'imaging.coronalCobb': 12,
      }),
    );
    expect(value(d['labs.vitaminDClass'])).toBe('deficient');
    expect(value(d['health.opioidChronic'])).toBe(true);
    expect(value(d['labs.ctHuMean'])).toBe(110);
    expect(value(d['imaging.scoliosis'])).toBe(true);
  });
});
