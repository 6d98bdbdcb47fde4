import { describe, expect, it } from 'vitest';
import { demoEvaluationValues } from '../../electron/services/demo/demo-evaluation.ts';
import {
  computeDerived,
  computeFlags,
  readyForConference,
  validateEvaluation,
} from '../../shared/evaluation/index.ts';
import { buildGroundTruth } from '../../shared/phantom/ground-truth.ts';

const truth = buildGroundTruth(1, 'DEMO-0001');
const values = demoEvaluationValues(truth);
const today = '2026-11-25';

describe('the demo case evaluation', () => {
  it('is complete, valid and ready for conference', () => {
    expect(validateEvaluation(values, { today }).messages).toEqual([]);
    expect(readyForConference(values, { today })).toEqual({ ready: true, missing: [] });
  });

  it('records the findings planted in the phantom images, level by level', () => {
    const grid = values['imaging.levels'] as Record<string, Record<string, unknown>>;
    expect(grid['L5-S1']).toMatchObject({ bridwell: 'IV', bsf: 'CF-A', hardware: ['screwLoosening'] });
    expect(grid['L4-L5']).toMatchObject({ bridwell: 'I', bsf: 'CF-E', hardware: ['intact'] });
    expect(grid['L3-L4']).toMatchObject({
      pfirrmann: 'IV',
      schizas: 'C',
      translationMm: 4,
      angulationDeg: 8,
    });
    expect(values['imaging.summary']).toContain('Left S1 screw loose (lucent halo 2 mm)');
  });

  it('carries the phantom alignment: PI–LL mismatch and Schwab modifiers follow from it', () => {
    const derived = computeDerived(values, { today });
    expect(derived['imaging.piMinusLl']).toMatchObject({ available: true, value: 20 });
    expect(values['imaging.svaMm']).toBe(50);
  });

  it('raises the discussion points a real work-up would (smoker, HbA1c, vitamin D, opioids, frailty)', () => {
    const flags = computeFlags(values, computeDerived(values, { today }), { today }).map((f) => f.id);
    expect(flags).toEqual(
      expect.arrayContaining(['smoking', 'hba1c', 'vitaminD', 'chronicOpioids', 'frailty']),
    );
  });
});
