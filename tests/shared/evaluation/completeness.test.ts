import { describe, expect, it } from 'vitest';
import { evaluationCompleteness, readyForConference } from '../../../shared/evaluation/completeness.ts';
import type { EvaluationValues } from '../../../shared/evaluation/values.ts';
import { cervicalCase, lumbarCase, TODAY } from './fixtures.ts';

const missingIds = (values: EvaluationValues) =>
  readyForConference(values, { today: TODAY }).missing.map((m) => m.fieldId);

describe('completeness and readyForConference', () => {
  it('the complete lumbar and cervical examples are ready', () => {
    expect(readyForConference(lumbarCase(), { today: TODAY })).toEqual({ ready: true, missing: [] });
    expect(readyForConference(cervicalCase(), { today: TODAY })).toEqual({ ready: true, missing: [] });
  });

  it('counts answered / required per section', () => {
    const report = evaluationCompleteness(lumbarCase({ 'prom.nrsLeg': null }), { today: TODAY });
    const prom = report.sections.find((s) => s.sectionId === 'prom');
    expect(prom).toMatchObject({ required: 3, answered: 2 });
    expect(prom?.missing).toEqual([
      {
        sectionId: 'prom',
        fieldId: 'prom.nrsLeg',
        label: 'Leg pain (NRS 0–10)',
        reason: 'unanswered',
        detail: 'Not answered',
      },
    ]);
    const decision = report.sections.find((s) => s.sectionId === 'decision');
    expect(decision).toMatchObject({ required: 0, answered: 0, missing: [] });
  });

  it('an empty form lists what is missing; with no levels entered both ODI and NDI are required', () => {
    const report = evaluationCompleteness({}, { today: TODAY });
    expect(report.complete).toBe(false);
    const history = report.sections.find((s) => s.sectionId === 'history');
    expect(history?.answered).toBe(0);
    // With no levels yet both ODI and NDI are shown and required.
    expect(report.missing.map((m) => m.fieldId)).toEqual(
      expect.arrayContaining(['prom.odiPercent', 'prom.ndiRaw']),
    );
    expect(report.missing.find((m) => m.fieldId === 'imaging.levels')?.detail).toBe(
      'Enter the levels fused first',
    );
  });

  it('counts an invalid answer as answered but not ready, and says why', () => {
    const { ready, missing } = readyForConference(lumbarCase({ 'labs.crp': 'high' }), { today: TODAY });
    expect(ready).toBe(false);
    expect(missing).toEqual([
      {
        sectionId: 'labs',
        fieldId: 'labs.crp',
        label: 'C-reactive protein (CRP)',
        reason: 'invalid',
        detail: 'C-reactive protein (CRP) must be a number between 0 and 500 mg/L (entered “high”).',
      },
    ]);
    const labs = evaluationCompleteness(lumbarCase({ 'labs.crp': 'high' }), { today: TODAY }).sections.find(
      (s) => s.sectionId === 'labs',
    );
    expect(labs).toMatchObject({ required: 3, answered: 3 });
  });

  it('requires computed values to be computable (BMI needs height and weight)', () => {
    const { missing } = readyForConference(lumbarCase({ 'health.weightKg': null }), { today: TODAY });
    expect(missing).toEqual([expect.objectContaining({ fieldId: 'health.bmi', detail: 'Needs weight' })]);
  });

  it('applies conditional requirements: quit date only for former smokers, HbA1c only for diabetics', () => {
    expect(missingIds(lumbarCase({ 'health.smoking': 'former' }))).toEqual(['health.quitDate']);
    expect(missingIds(lumbarCase({ 'health.smoking': 'current' }))).toEqual([]);
    expect(missingIds(lumbarCase({ 'health.diabetes': 'type2' }))).toEqual(['health.hba1c']);
    expect(missingIds(lumbarCase({ 'health.opioids': true }))).toEqual(['health.opioidDays']);
    expect(missingIds(lumbarCase({ 'secondOpinion.status': 'received' }))).toEqual([
      'secondOpinion.from',
      'secondOpinion.opinion',
      'secondOpinion.agreement',
    ]);
  });

  it('requires a complete motor exam of the visible rows, both sides', () => {
    const values = lumbarCase({ 'exam.motor': { L2: { left: '5', right: '5' }, L3: { left: '5' } } });
    const item = readyForConference(values, { today: TODAY }).missing.find((m) => m.fieldId === 'exam.motor');
    expect(item).toMatchObject({
      reason: 'incomplete',
      detail:
        'Not recorded: L3 knee extensors right, L4 ankle dorsiflexors left, L4 ankle dorsiflexors right, L5 long toe extensors left, L5 long toe extensors right, S1 ankle plantar flexors left, S1 ankle plantar flexors right',
    });
  });

  it('counts a grid with nothing recorded as unanswered, a partly recorded one as answered', () => {
    const exam = (motor: unknown) =>
      evaluationCompleteness(lumbarCase({ 'exam.motor': motor as EvaluationValues[string] }), {
        today: TODAY,
      }).sections.find((s) => s.sectionId === 'exam');
    expect(exam({})).toMatchObject({ required: 3, answered: 2 });
    expect(exam({})?.missing[0]).toMatchObject({ reason: 'unanswered', detail: 'Not recorded' });
    expect(exam({ L2: { left: '5' } })).toMatchObject({ required: 3, answered: 3 });
    const imaging = evaluationCompleteness(lumbarCase({ 'imaging.levels': {} }), {
      today: TODAY,
    }).sections.find((s) => s.sectionId === 'imaging');
    expect(imaging).toMatchObject({ required: 2, answered: 1 });
  });

  it('requires a fusion grade at every fused level, and only there', () => {
    const values = lumbarCase({
      'imaging.levels': { 'L4-L5': { bridwell: 'I' }, 'L3-L4': { pfirrmann: 'II' } },
    });
    const item = readyForConference(values, { today: TODAY }).missing.find(
      (m) => m.fieldId === 'imaging.levels',
    );
    expect(item).toMatchObject({ reason: 'incomplete', detail: 'Not recorded: L5-S1 Fusion (Bridwell)' });
  });

  it('checks the decision record separately (stage "record")', () => {
    const base = lumbarCase();
    const empty = evaluationCompleteness(base, { today: TODAY, stage: 'record' });
    expect(empty.missing.map((m) => m.fieldId)).toEqual([
      'decision.date',
      'decision.recommendation',
      'decision.rationale',
    ]);
    const investigate = evaluationCompleteness(
      {
        ...base,
        'decision.date': TODAY,
        'decision.recommendation': 'investigate',
        'decision.rationale': 'Unclear fusion.',
      },
      { today: TODAY, stage: 'record' },
    );
    expect(investigate.missing.map((m) => m.fieldId)).toEqual(['decision.investigations']);
  });
});
