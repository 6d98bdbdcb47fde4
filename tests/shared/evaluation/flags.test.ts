import { describe, expect, it } from 'vitest';
import { computeDerived } from '../../../shared/evaluation/derived.ts';
import { computeFlags } from '../../../shared/evaluation/flags/index.ts';
import type { EvaluationConfigOverride } from '../../../shared/evaluation/config.ts';
import type { EvaluationValues } from '../../../shared/evaluation/values.ts';
import { lumbarCase, TODAY } from './fixtures.ts';

function flags(
  overrides: EvaluationValues,
  options: { today?: string; config?: EvaluationConfigOverride } = { today: TODAY },
) {
  // The example's L5-S1 non-union would add the infection work-up prompt to every list here.
  const values = lumbarCase({ 'imaging.levels': SOUND_FUSION, ...overrides });
  return computeFlags(values, computeDerived(values, options), options);
}
const flag = (overrides: EvaluationValues, id: string) => flags(overrides).find((f) => f.id === id);

const SOUND_FUSION = { 'L4-L5': { bridwell: 'I', hardware: ['intact'] }, 'L5-S1': { bridwell: 'I' } };

describe('computeFlags', () => {
  it('raises nothing for the example case with a sound fusion', () => {
    expect(flags({})).toEqual([]);
  });

  it('the example non-union with a loose screw prompts only the infection work-up', () => {
    const values = lumbarCase();
    const all = computeFlags(values, computeDerived(values, { today: TODAY }), { today: TODAY });
    expect(all.map((f) => [f.id, f.level])).toEqual([['infectionWorkup', 'warning']]);
    expect(all[0]?.detail).toContain('L5-S1 Bridwell IV');
  });

  it('returns the full prompt: label, detail, threshold, source, severity, fields', () => {
    expect(flag({ 'health.hba1c': 7.0 }, 'hba1c')).toEqual({
      id: 'hba1c',
      label: 'HbA1c raised',
      detail: 'HbA1c 7 %',
      threshold: 'HbA1c ≥ 7.0 % (53 mmol/mol); ≥ 8.0 % (64 mmol/mol) warning',
      source: 'Hikata T et al., J Orthop Sci 2014 (surgical-site infection)',
      severity: 'caution',
      level: 'caution',
      fieldIds: ['health.hba1c'],
    });
  });

  it('HbA1c: 6.9 no, 7.0 caution, 8.0 warning', () => {
    expect(flag({ 'health.hba1c': 6.9 }, 'hba1c')).toBeUndefined();
    expect(flag({ 'health.hba1c': 7.9 }, 'hba1c')?.severity).toBe('caution');
    expect(flag({ 'health.hba1c': 8.0 }, 'hba1c')?.severity).toBe('warning');
  });

  it('smoking: current smokers, and former smokers who quit less than a month ago', () => {
    const current = flag(
      { 'health.smoking': 'current', 'health.cigarettesPerDay': 20, 'health.yearsSmoked': 15 },
      'smoking',
    );
    expect(current).toMatchObject({ severity: 'warning', detail: 'Current smoker (20/day, 15 pack-years)' });
    expect(flag({ 'health.smoking': 'former', 'health.quitDate': '2025-05-16' }, 'smoking')?.detail).toBe(
      'Former smoker, quit 2025-05-16 — less than 1 month ago',
    );
    expect(flag({ 'health.smoking': 'former', 'health.quitDate': '2025-05-15' }, 'smoking')).toBeUndefined();
    expect(flag({ 'health.smoking': 'never' }, 'smoking')).toBeUndefined();
  });

  it('BMI: 29.9 no, 30.0 obese I caution, 40 obese III warning', () => {
    expect(flag({ 'health.heightCm': 180, 'health.weightKg': 96.8 }, 'bmi')).toBeUndefined(); // 29.9
    expect(flag({ 'health.heightCm': 180, 'health.weightKg': 97.2 }, 'bmi')).toMatchObject({
      severity: 'caution',
      detail: 'BMI 30.0 kg/m² — Obese class I (30 to < 35)',
    });
    expect(flag({ 'health.heightCm': 160, 'health.weightKg': 103 }, 'bmi')?.severity).toBe('warning'); // 40.2
  });

  it('bone quality: T −2.4 no, −2.5 warning; low CT HU caution with a configurable cut-off', () => {
    expect(flag({ 'labs.tScore': -2.4 }, 'osteoporosis')).toBeUndefined();
    expect(flag({ 'labs.tScore': -2.5 }, 'osteoporosis')).toMatchObject({
      severity: 'warning',
      detail: 'T-score −2.5',
    });
    expect(flag({ 'labs.ctHuL1': 95 }, 'osteoporosis')).toMatchObject({
      severity: 'caution',
      detail: 'Mean CT 95 HU (L1)',
    });
    expect(flags({ 'labs.ctHuL1': 95 }, { today: TODAY, config: { lowCtHu: 90 } })).toEqual([]);
  });

  it('albumin < 3.5 g/dL; vitamin D < 20 caution, < 30 info', () => {
    expect(flag({ 'labs.albumin': 3.5 }, 'albumin')).toBeUndefined();
    expect(flag({ 'labs.albumin': 3.4 }, 'albumin')?.severity).toBe('warning');
    expect(flag({ 'labs.vitaminD': 30 }, 'vitaminD')).toBeUndefined();
    expect(flag({ 'labs.vitaminD': 29.9 }, 'vitaminD')?.severity).toBe('info');
    expect(flag({ 'labs.vitaminD': 19.9 }, 'vitaminD')?.severity).toBe('caution');
  });

  it('CRP ≥ 10 mg/L flags only beyond the early post-operative window', () => {
    expect(flag({ 'labs.crp': 9.9 }, 'crpRaised')).toBeUndefined();
    expect(flag({ 'labs.crp': 10 }, 'crpRaised')).toMatchObject({
      severity: 'caution',
      detail: 'CRP 10 mg/L (1553 days after surgery)',
    });
    // Never relieved (immediate timing): the raised CRP is judged on the post-operative window alone.
    const recent = { 'history.indexSurgeryDate': '2025-05-20', 'history.course': 'neverRelieved' };
    expect(flag({ ...recent, 'labs.crp': 40, 'labs.date': '2025-06-03' }, 'crpRaised')).toBeUndefined(); // day 14
    expect(flag({ ...recent, 'labs.crp': 40, 'labs.date': '2025-06-04' }, 'crpRaised')?.detail).toBe(
      'CRP 40 mg/L (15 days after surgery)',
    );
    expect(
      flags(
        { ...recent, 'labs.crp': 40, 'labs.date': '2025-06-04' },
        { today: TODAY, config: { crpEarlyWindowDays: 21 } },
      ).map((f) => f.id),
    ).toEqual(['crpEarlyCourse']);
  });

  it('early timing + raised CRP: warning, and it replaces the plain CRP prompt', () => {
    const early = { 'history.indexSurgeryDate': '2025-04-01', 'history.symptomOnsetDate': '2025-04-25' };
    const all = flags({ ...early, 'labs.crp': 35, 'labs.date': '2025-05-02' });
    // Early failure also prompts the low-grade infection work-up.
    expect(all.map((f) => f.id)).toEqual(['infectionWorkup', 'earlyTimingCrp']);
    expect(all[1]).toMatchObject({
      severity: 'warning',
      detail: 'Early timing; CRP 35 mg/L (31 days after surgery)',
    });
    expect(flags({ ...early, 'labs.crp': 9, 'labs.date': '2025-05-02' }).map((f) => f.id)).toEqual([
      'infectionWorkup',
    ]);
  });

  it('early post-operative CRP: judged by its course (Mok 2008), never "infection" from one value', () => {
    const surgery = { 'history.indexSurgeryDate': '2025-05-20', 'history.course': 'neverRelieved' };
    const day5 = { ...surgery, 'labs.crp': 60, 'labs.date': '2025-05-25' };
    expect(flag(day5, 'crpEarlyCourse')).toMatchObject({ severity: 'caution' });
    expect(flag(day5, 'crpEarlyCourse')?.detail).toMatch(/repeat it/);
    // Falling from the day-2 peak: expected.
    const falling = { ...day5, 'labs.crpPrevious': 120, 'labs.crpPreviousDate': '2025-05-22' };
    expect(flag(falling, 'crpEarlyCourse')).toMatchObject({ severity: 'info' });
    // Not falling after day 3: the signal.
    const stalled = { ...day5, 'labs.crpPrevious': 55, 'labs.crpPreviousDate': '2025-05-22' };
    expect(flag(stalled, 'crpEarlyCourse')?.detail).toMatch(/not falling/);
    // A second rise after the peak.
    const rise = {
      ...surgery,
      'labs.crp': 60,
      'labs.date': '2025-06-01',
      'labs.crpPrevious': 20,
      'labs.crpPreviousDate': '2025-05-27',
    };
    expect(flag(rise, 'crpEarlyCourse')?.severity).toBe('warning');
    expect(flag(rise, 'crpEarlyCourse')?.detail).toMatch(/second rise/);
    expect(
      flag({ ...surgery, 'labs.crp': 9.9, 'labs.date': '2025-05-25' }, 'crpEarlyCourse'),
    ).toBeUndefined();
  });

  it('ESR flags beyond six weeks above the configurable limit', () => {
    expect(flag({ 'labs.esr': 29 }, 'esrRaised')).toBeUndefined();
    expect(flag({ 'labs.esr': 30 }, 'esrRaised')?.severity).toBe('info');
    const recent = {
      'history.indexSurgeryDate': '2025-04-20',
      'history.course': 'neverRelieved',
      'labs.esr': 50,
    };
    expect(flag({ ...recent, 'labs.date': '2025-06-01' }, 'esrRaised')).toBeUndefined(); // day 42
    expect(flag({ ...recent, 'labs.date': '2025-06-02' }, 'esrRaised')?.detail).toBe(
      'ESR 50 mm/h (43 days after surgery)',
    );
  });

  it('chronic opioids > 90 days; depression; active compensation or litigation', () => {
    const opioids = { 'health.opioids': true, 'health.opioidMme': 60, 'health.opioidAgent': 'oxycodone' };
    expect(flag({ ...opioids, 'health.opioidDays': 90 }, 'chronicOpioids')).toBeUndefined();
    expect(flag({ ...opioids, 'health.opioidDays': 91 }, 'chronicOpioids')?.detail).toBe(
      '91 days in the past year, 60 MME/day, Oxycodone',
    );
    expect(flag({ 'health.depression': 'diagnosed' }, 'depression')?.severity).toBe('caution');
    expect(flag({ 'health.litigation': 'closed' }, 'compensationLitigation')).toBeUndefined();
    expect(
      flag({ 'health.compensation': 'active', 'health.litigation': 'active' }, 'compensationLitigation')
        ?.detail,
    ).toBe('Active workers’ compensation claim and litigation');
  });

  it('frailty: mFI-5 0.2 no, 0.4 mild, 0.6 severe', () => {
    expect(flag({ 'health.mfiCopd': true }, 'frailty')).toBeUndefined();
    expect(
      flag({ 'health.mfiCopd': true, 'health.diabetes': 'type1', 'health.hba1c': 6.5 }, 'frailty')?.severity,
    ).toBe('caution');
    const three = { 'health.mfiCopd': true, 'health.mfiDependent': true, 'health.mfiHypertension': true };
    expect(flag(three, 'frailty')).toMatchObject({
      severity: 'warning',
      detail: 'mFI-5 ratio 0.6 (severe frailty)',
    });
  });

  it('comorbidity: ASA ≥ 3 or Charlson ≥ 2 (configurable)', () => {
    expect(flag({ 'health.asa': '2', 'health.charlson': 1 }, 'comorbidity')).toBeUndefined();
    expect(flag({ 'health.asa': '3' }, 'comorbidity')?.detail).toBe('ASA III');
    expect(flag({ 'health.charlson': 2 }, 'comorbidity')?.detail).toBe('Charlson 2');
    expect(flags({ 'health.charlson': 2 }, { today: TODAY, config: { charlsonAtLeast: 3 } })).toEqual([]);
  });

  it('motion at a fused level: ≥ 3 mm or ≥ 5°, fused levels only', () => {
    const grid = (cells: Record<string, unknown>) => ({
      'imaging.levels': { 'L4-L5': { bridwell: 'I' }, ...cells },
    });
    expect(
      flag(grid({ 'L5-S1': { bridwell: 'IV', translationMm: 2.9, angulationDeg: 4.9 } }), 'fusedLevelMotion'),
    ).toBeUndefined();
    expect(flag(grid({ 'L5-S1': { bridwell: 'IV', translationMm: 3 } }), 'fusedLevelMotion')).toMatchObject({
      severity: 'warning',
      detail: 'L5-S1: 3 mm',
    });
    expect(flag(grid({ 'L5-S1': { angulationDeg: 5, translationMm: 1 } }), 'fusedLevelMotion')?.detail).toBe(
      'L5-S1: 1 mm, 5°',
    );
    expect(flag(grid({ 'L3-L4': { translationMm: 4 } }), 'fusedLevelMotion')).toBeUndefined(); // adjacent level
  });

  it('orders the most severe first', () => {
    const severities = flags({
      'labs.vitaminD': 25,
      'health.depression': 'diagnosed',
      'labs.albumin': 3.0,
    }).map((f) => f.severity);
    expect(severities).toEqual(['warning', 'caution', 'info']);
  });
});
