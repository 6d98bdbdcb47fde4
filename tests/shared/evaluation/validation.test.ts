import { describe, expect, it } from 'vitest';
import { validateEvaluation } from '../../../shared/evaluation/validation/validate.ts';
import type { EvaluationValues } from '../../../shared/evaluation/values.ts';
import { lumbarCase, TODAY } from './fixtures.ts';

const messagesFor = (values: EvaluationValues, fieldId?: string) =>
  validateEvaluation(values, { today: TODAY })
    .messages.filter((m) => fieldId === undefined || m.fieldId === fieldId)
    .map((m) => m.message);

describe('validateEvaluation: numbers', () => {
  it('accepts the complete example case without messages', () => {
    const result = validateEvaluation(lumbarCase(), { today: TODAY });
    expect(result.messages).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('names a measurement outside its plausible range with value, range and unit', () => {
    expect(messagesFor(lumbarCase({ 'health.weightKg': 800 }), 'health.weightKg')).toEqual([
      'Weight 800 kg is outside the plausible range 20–400 kg.',
    ]);
    expect(messagesFor(lumbarCase({ 'health.hba1c': 25 }), 'health.hba1c')).toEqual([
      'HbA1c 25 % is outside the plausible range 3–20 %.',
    ]);
    expect(messagesFor(lumbarCase({ 'labs.tScore': -9 }), 'labs.tScore')).toEqual([
      'DEXA T-score (lowest valid site) −9 is outside the plausible range −7 to 5.',
    ]);
  });

  it('accepts the ends of the range', () => {
    expect(messagesFor(lumbarCase({ 'health.weightKg': 20, 'health.hba1c': 20 }))).toEqual([]);
    expect(messagesFor(lumbarCase({ 'health.weightKg': 400, 'health.hba1c': 3 }))).toEqual([]);
  });

  it('uses "must be between" for the bounds of a scale', () => {
    expect(messagesFor(lumbarCase({ 'prom.nrsBack': 12 }), 'prom.nrsBack')).toEqual([
      'Back pain (NRS 0–10) must be between 0 and 10 (entered 12).',
    ]);
  });

  it('reports text that is not a number, keeping the raw input in the document', () => {
    const values = lumbarCase({ 'health.hba1c': '7,2%' });
    const before = JSON.stringify(values);
    const result = validateEvaluation(values, { today: TODAY });
    expect(result.byField['health.hba1c']?.map((m) => m.message)).toEqual([
      'HbA1c must be a number between 3 and 20 % (entered “7,2%”).',
    ]);
    expect(result.valid).toBe(false);
    expect(JSON.stringify(values)).toBe(before);
  });

  it('requires whole numbers in integer fields', () => {
    const values = lumbarCase({ 'health.smoking': 'current', 'health.cigarettesPerDay': 2.5 });
    expect(messagesFor(values, 'health.cigarettesPerDay')).toEqual([
      'Cigarettes per day must be a whole number (entered 2.5).',
    ]);
  });
});

describe('validateEvaluation: dates', () => {
  it('refuses a date in the future but accepts today', () => {
    expect(
      messagesFor(lumbarCase({ 'history.indexSurgeryDate': '2025-06-16' }), 'history.indexSurgeryDate'),
    ).toEqual(['Date of index surgery cannot be in the future (entered 2025-06-16; today is 2025-06-15).']);
    expect(messagesFor(lumbarCase({ 'labs.date': TODAY }), 'labs.date')).toEqual([]);
  });

  it('allows future dates where they make sense (a follow-up action due date)', () => {
    const values = lumbarCase({
      'decision.actions': [{ id: 'a1', values: { action: 'Book CT', due: '2025-07-01' } }],
    });
    expect(messagesFor(values, 'decision.actions')).toEqual([]);
  });

  it('explains malformed and impossible dates', () => {
    expect(
      messagesFor(lumbarCase({ 'history.indexSurgeryDate': '01/03/2021' }), 'history.indexSurgeryDate'),
    ).toEqual(['Date of index surgery must be a date written YYYY-MM-DD (entered “01/03/2021”).']);
    expect(
      messagesFor(lumbarCase({ 'history.indexSurgeryDate': '2021-02-30' }), 'history.indexSurgeryDate'),
    ).toEqual(['Date of index surgery: 2021-02-30 is not a real calendar date.']);
    expect(
      messagesFor(lumbarCase({ 'history.indexSurgeryDate': '1021-03-01' }), 'history.indexSurgeryDate'),
    ).toEqual(['Date of index surgery 1021-03-01 is implausibly early (before 1900).']);
  });

  it('refuses a symptom onset before the index surgery', () => {
    expect(
      messagesFor(lumbarCase({ 'history.symptomOnsetDate': '2020-12-01' }), 'history.symptomOnsetDate'),
    ).toEqual([
      'Onset of current symptoms (2020-12-01) is before the date of index surgery (2021-03-01); if the symptoms were never relieved, choose “Never relieved” instead.',
    ]);
  });
});

describe('validateEvaluation: choices, text and visibility', () => {
  it('reports unknown option codes and a "None" combined with other choices', () => {
    expect(messagesFor(lumbarCase({ 'health.smoking': 'sometimes' }), 'health.smoking')).toEqual([
      'Smoking: “sometimes” is not one of the options.',
    ]);
    expect(messagesFor(lumbarCase({ 'exam.umnSigns': ['none', 'babinski'] }), 'exam.umnSigns')).toEqual([
      'Upper-motor-neuron signs: “None” cannot be combined with other choices.',
    ]);
  });

  it('reports over-long text with its length', () => {
    expect(messagesFor(lumbarCase({ 'history.surgeon': 'x'.repeat(201) }), 'history.surgeon')).toEqual([
      'Surgeon is too long (201 characters; at most 200).',
    ]);
  });

  it('keeps but does not check values of hidden fields (a never-smoker’s old cigarette count)', () => {
    const values = lumbarCase({ 'health.smoking': 'never', 'health.cigarettesPerDay': 'lots' });
    expect(messagesFor(values, 'health.cigarettesPerDay')).toEqual([]);
    expect(values['health.cigarettesPerDay']).toBe('lots');
    expect(messagesFor({ ...values, 'health.smoking': 'former' }, 'health.cigarettesPerDay')).toHaveLength(1);
  });

  it('rejects unknown fields and entered computed fields', () => {
    expect(messagesFor({ 'health.shoeSize': 44 })).toEqual([
      '“health.shoeSize” is not a field of this form.',
    ]);
    expect(messagesFor({ 'health.bmi': 31 })).toEqual(['BMI is computed and cannot be entered.']);
  });
});

describe('validateEvaluation: grids and lists', () => {
  it('checks per-side grid codes and rows', () => {
    const values = lumbarCase({ 'exam.motor': { L4: { left: '6', right: '5' }, X9: { left: '5' } } });
    expect(messagesFor(values, 'exam.motor')).toEqual([
      'Motor (MRC 0–5), L4 ankle dorsiflexors left: “6” is not one of the options.',
      'Motor (MRC 0–5): unknown row “X9”.',
    ]);
  });

  it('checks level-grid cells with the level in the message, and locates them by path', () => {
    const values = lumbarCase({
      'imaging.levels': { 'L5-S1': { bridwell: 'V', translationMm: 50 }, 'L6-S1': { bridwell: 'I' } },
    });
    const result = validateEvaluation(values, { today: TODAY });
    expect(result.byField['imaging.levels']?.map((m) => [m.path, m.message])).toEqual([
      [['L5-S1', 'bridwell'], 'L5-S1 Fusion (Bridwell): “V” is not one of the options.'],
      [
        ['L5-S1', 'translationMm'],
        'L5-S1 Flexion/extension translation 50 mm is outside the plausible range 0–30 mm.',
      ],
      [['L6-S1'], 'Findings per level: “L6-S1” is not a spinal level.'],
    ]);
  });

  it('warns (without failing) when a fusion grade sits on a level that is not fused', () => {
    const values = lumbarCase({
      'imaging.levels': { 'L3-L4': { bridwell: 'II' }, 'L4-L5': { bridwell: 'I' } },
    });
    const result = validateEvaluation(values, { today: TODAY });
    expect(result.messages).toEqual([
      {
        fieldId: 'imaging.levels',
        path: ['L3-L4', 'bridwell'],
        severity: 'warning',
        message: 'L3-L4 Fusion (Bridwell) applies to fused levels only.',
      },
    ]);
    expect(result.valid).toBe(true);
  });

  it('checks list items: required item fields, ranges and repeated ids', () => {
    const values = lumbarCase({
      'alternatives.treatments': [
        { id: 't1', values: { treatment: 'physicalTherapy', status: 'tried', durationWeeks: 12 } },
        { id: 't1', values: { status: 'tried', durationWeeks: -3 } },
      ],
    });
    expect(messagesFor(values, 'alternatives.treatments')).toEqual([
      'Non-operative treatment 2 repeats the id of an earlier entry.',
      'Non-operative treatment 2: Treatment is required.',
      'Non-operative treatment 2: Duration −3 weeks is outside the plausible range 0–1040 weeks.',
    ]);
  });
});

describe('validateEvaluation: cross-field warnings', () => {
  it('warns when PI is not PT + SS within the tolerance', () => {
    const ok = lumbarCase({ 'imaging.pi': 55, 'imaging.pt': 20, 'imaging.ss': 32 });
    expect(messagesFor(ok, 'imaging.pi')).toEqual([]);
    const off = lumbarCase({ 'imaging.pi': 60, 'imaging.pt': 20, 'imaging.ss': 30 });
    const result = validateEvaluation(off, { today: TODAY });
    expect(result.byField['imaging.pi']?.[0]).toMatchObject({
      severity: 'warning',
      message:
        'PI 60° differs from PT + SS (20° + 30° = 50°) by 10°; PI should equal PT + SS — check the measurements.',
    });
    expect(result.valid).toBe(true);
  });

  it('warns about non-contiguous fused levels and mFI-5 items contradicting the history', () => {
    const values = lumbarCase({
      'history.levelsFused': ['L3-L4', 'L5-S1'],
      'health.cardiovascular': ['none'],
      'health.mfiHeartFailure': true,
    });
    expect(messagesFor(values, 'history.levelsFused')).toEqual([
      'Levels fused are not contiguous (L3-L4, L5-S1) — check that this is intended.',
    ]);
    expect(messagesFor(values, 'health.cardiovascular')).toEqual([
      'Cardiovascular disease is “None” but mFI-5 records heart failure.',
    ]);
  });
});
