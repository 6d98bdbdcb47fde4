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
      schizas: 'B',
      translationMm: 5,
      angulationDeg: 8,
    });
    expect(grid['L5-S1']).toMatchObject({ lenke: 'D', fusionOn: 'ct' });
    expect(grid['L4-L5']).toMatchObject({ lenke: 'A' });
    const screws = values['imaging.screws'] as readonly { values: Record<string, unknown> }[];
    expect(screws.map((s) => [s.values.vertebra, s.values.side, s.values.haloMm])).toEqual([
      ['S1', 'left', 2],
    ]);
    expect(values['imaging.summary']).toContain('Left S1 screw loose (lucent halo 2 mm)');
  });

  it('fills the registry items: PROM date and time point, the five EQ-5D-5L dimensions, EQ-VAS, education', () => {
    expect(values).toMatchObject({
      'prom.date': '2026-03-12',
      'prom.timePoint': 'preop',
      'prom.eq5dMobility': 3,
      'prom.eq5dPainDiscomfort': 4,
      'prom.eq5dVas': 45,
      'history.education': 'upperSecondary',
    });
  });

  it('carries the phantom alignment: PI–LL mismatch and Schwab modifiers follow from it', () => {
    const derived = computeDerived(values, { today });
    expect(derived['imaging.piMinusLl']).toMatchObject({ available: true, value: 20 });
    expect(values['imaging.svaMm']).toBe(50);
  });

  it('raises the discussion points a real work-up would, and no false urgent flag', () => {
    const all = computeFlags(values, computeDerived(values, { today }), { today });
    const flags = all.map((f) => f.id);
    expect(flags).toEqual(
      expect.arrayContaining([
        'infectionWorkup',
        'adjacentInstability',
        'smoking',
        'hba1c',
        'vitaminD',
        'chronicOpioids',
        'frailty',
      ]),
    );
    expect(all.filter((f) => f.level === 'urgent')).toEqual([]);
    // PI–LL 20°, PT 25°, SVA 50 mm: Schwab "+" on each, not "++": no realignment prompt.
    expect(flags).not.toContain('sagittalRealignment');
  });

  it('enters the CT numbers a user measures on the demo CT, and leaves the instrumented L4 out of the mean', () => {
    const hu = truth.boneDensity.huByVertebra;
    expect(values['labs.ctHuL1']).toBe(hu.L1);
    expect(values['labs.ctHuL3']).toBe(hu.L3);
    // Cancellous bone is painted at 170 HU; the ROI mean includes texture and noise.
    for (const v of [hu.L1, hu.L2, hu.L3]) expect(Math.abs(v - 170)).toBeLessThan(40);
    const derived = computeDerived(values, { today });
    expect(derived['labs.ctHuMean']).toMatchObject({ available: true });
    expect((derived['labs.ctHuMean'] as { text: string }).text).toContain('L1–L3; L4 instrumented, left out');
  });
});
