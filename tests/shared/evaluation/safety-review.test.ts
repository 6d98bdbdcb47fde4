import { describe, expect, it } from 'vitest';
import { computeDerived } from '../../../shared/evaluation/derived.ts';
import { computeFlags } from '../../../shared/evaluation/flags/index.ts';
import { SCHIZAS_GRADES } from '../../../shared/evaluation/options/imaging-grades.ts';
import type { EvaluationValues } from '../../../shared/evaluation/values.ts';
import { lumbarCase, TODAY } from './fixtures.ts';

/**
 * One test per defect of the clinical safety review (issue 10), written against the values a user
 * enters, so each ran — and failed — on the code before the fix.
 */
const NO_HARDWARE_PROBLEM: EvaluationValues = {
  'imaging.levels': {
    'L4-L5': { bridwell: 'I', hardware: ['intact'] },
    'L5-S1': { bridwell: 'I', hardware: ['intact'] },
  },
};

function run(overrides: EvaluationValues) {
  const values = lumbarCase({ ...NO_HARDWARE_PROBLEM, ...overrides });
  const derived = computeDerived(values, { today: TODAY });
  return { derived, flags: computeFlags(values, derived, { today: TODAY }) };
}
const flag = (overrides: EvaluationValues, id: string) => run(overrides).flags.find((f) => f.id === id);
const levelOf = (f: unknown) => (f as { level?: string } | undefined)?.level;

describe('units: flags read the canonical value', () => {
  it('CRP 2.5 mg/dL is 25 mg/L and raised', () => {
    const f = flag({ 'labs.crp': 2.5, 'labs.crpUnit': 'mg/dL' }, 'crpRaised');
    expect(f?.detail).toContain('25 mg/L');
    expect(f?.detail).toContain('2.5 mg/dL');
  });
  it('vitamin D 40 nmol/L is 16 ng/mL, deficient', () => {
    const f = flag({ 'labs.vitaminD': 40, 'labs.vitaminDUnit': 'nmol/L' }, 'vitaminD');
    expect(f?.detail).toContain('deficient');
    expect(
      run({ 'labs.vitaminD': 40, 'labs.vitaminDUnit': 'nmol/L' }).derived['labs.vitaminDClass'],
    ).toMatchObject({ value: 'deficient' });
  });
  it('albumin 30 g/L is 3.0 g/dL, low', () => {
    expect(flag({ 'labs.albumin': 30, 'labs.albuminUnit': 'g/L' }, 'albumin')?.detail).toContain('30 g/L');
  });
  it('HbA1c 64 mmol/mol is 8.0 %', () => {
    expect(flag({ 'health.hba1c': 64, 'health.hba1cUnit': 'mmol/mol' }, 'hba1c')?.severity).toBe('warning');
  });
  it('height and weight in inches and pounds give the BMI', () => {
    const { derived } = run({
      'health.heightCm': 70,
      'health.heightUnit': 'in',
      'health.weightKg': 220,
      'health.weightUnit': 'lb',
    });
    expect(derived['health.bmi']).toMatchObject({ available: true, text: '31.6 kg/m²' });
  });
});

describe('neurological red flags are urgent', () => {
  it.each<[string, EvaluationValues]>([
    ['new bowel/bladder dysfunction', { 'history.symptoms': ['radicularPain', 'bowelBladder'] }],
    ['saddle anaesthesia on examination', { 'exam.sensory': { 'S3-S5': { left: '1', right: '2' } } }],
    [
      'key muscle 3/5',
      {
        'exam.motor': {
          L2: { left: '5', right: '5' },
          L3: { left: '5', right: '5' },
          L4: { left: '3', right: '5' },
          L5: { left: '5', right: '5' },
          S1: { left: '5', right: '5' },
        },
      },
    ],
    ['upper-motor-neuron signs', { 'exam.umnSigns': ['babinski', 'clonus'] }],
  ])('%s', (_name, overrides) => {
    const f = flag(overrides, 'neuroRedFlags');
    expect(levelOf(f)).toBe('urgent');
    expect(f?.source).toMatch(/\d{4}/);
  });
  it('a 4/5 key muscle alone is not urgent', () => {
    expect(flag({}, 'neuroRedFlags')).toBeUndefined();
  });
});

describe('infection work-up prompt', () => {
  it('screw loosening or Bridwell IV prompts a low-grade infection work-up even with a normal CRP', () => {
    const f = run({
      'imaging.levels': { 'L5-S1': { bridwell: 'IV', hardware: ['screwLoosening'] } },
    }).flags.find((x) => x.id === 'infectionWorkup');
    expect(f?.detail).toMatch(/L5-S1/);
    expect(f?.threshold).toMatch(/cultures/);
  });
});

describe('early post-operative CRP', () => {
  it('a day-5 CRP of 60 mg/L is read against the expected post-operative course (Mok 2008)', () => {
    const { flags } = run({
      'history.indexSurgeryDate': '2025-05-20',
      'history.symptomOnsetDate': '2025-05-22',
      'labs.date': '2025-05-25',
      'labs.crp': 60,
    });
    const crp = flags.find((f) => f.id === 'crpEarlyCourse');
    expect(crp?.source).toMatch(/Mok/);
    expect(flags.some((f) => /until proven otherwise/.test(f.source))).toBe(false);
    expect(flags.some((f) => /Guyer/.test(f.source) && /CRP/.test(f.source))).toBe(false);
  });
});

describe('wrong results', () => {
  it('Schizas C is no CSF, rootlets not recognisable (Schizas 2010)', () => {
    const c = SCHIZAS_GRADES.find((g) => g.code === 'C')?.label ?? '';
    expect(c).toMatch(/no CSF/i);
    expect(c).not.toMatch(/some CSF/i);
  });
  it('the CT HU mean leaves out instrumented vertebrae and says which were used', () => {
    const { derived } = run({
      'labs.ctHuL1': 120,
      'labs.ctHuL2': 110,
      'labs.ctHuL3': 100,
      'labs.ctHuL4': 400,
      'labs.ctHuL4Instrumented': true,
    });
    expect(derived['labs.ctHuMean']).toMatchObject({ value: 110 });
    expect((derived['labs.ctHuMean'] as { text: string }).text).toContain('L1–L3');
  });
  it('BMI class from the unrounded value: 29.965 is overweight', () => {
    const { derived } = run({ 'health.heightCm': 200, 'health.weightKg': 119.86 });
    expect(derived['health.bmiClass']).toMatchObject({ value: 'overweight' });
  });
});

describe('missing prompts', () => {
  it('PI–LL > 20° prompts sagittal realignment (Schwab 2012)', () => {
    expect(flag({ 'imaging.pi': 60, 'imaging.ll': 39 }, 'sagittalRealignment')).toBeDefined();
    expect(flag({ 'imaging.pi': 60, 'imaging.ll': 40 }, 'sagittalRealignment')).toBeUndefined();
  });
  it('adjacent mobile level: translation > 4.5 mm (White–Panjabi)', () => {
    const levels = (mm: number) => ({
      'imaging.levels': {
        ...(NO_HARDWARE_PROBLEM['imaging.levels'] as object),
        'L3-L4': { translationMm: mm },
      },
    });
    expect(flag(levels(4.6), 'adjacentInstability')).toBeDefined();
    expect(flag(levels(4.5), 'adjacentInstability')).toBeUndefined();
  });
  it('MME from drug, dose and frequency: oxycodone 30 mg twice daily = 90 MME/day, high', () => {
    const f = flag(
      {
        'health.opioids': true,
        'health.opioidDays': 30,
        'health.opioidAgent': 'oxycodone',
        'health.opioidDoseMg': 30,
        'health.opioidDosesPerDay': 2,
      },
      'opioidDose',
    );
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f?.detail).toContain('90 MME/day');
  });
  it('a positive cotinine in a never smoker is a flag', () => {
    expect(
      flag({ 'health.smoking': 'never', 'health.cotinine': 'positive' }, 'cotinineNeverSmoker'),
    ).toBeDefined();
  });
});
