import { describe, expect, it } from 'vitest';
import {
  isScoliosis,
  pelvicSumDiscrepancy,
  piMinusLl,
  schwabPiLl,
  schwabPt,
  schwabSva,
} from '../../../shared/evaluation/calculators/alignment.ts';
import { timingClass } from '../../../shared/evaluation/calculators/timing.ts';
import { DEFAULT_EVALUATION_CONFIG } from '../../../shared/evaluation/config.ts';
import { addMonths, daysBetween } from '../../../shared/evaluation/dates.ts';

const cutoffs = DEFAULT_EVALUATION_CONFIG.timing;

describe('timing class; cut-offs configurable', () => {
  const at = (onsetDate: string) =>
    timingClass({ neverRelieved: false, surgeryDate: '2022-01-01', onsetDate }, cutoffs);

  it('never relieved is immediate whatever the dates', () => {
    expect(
      timingClass({ neverRelieved: true, surgeryDate: '2022-01-01', onsetDate: '2024-01-01' }, cutoffs),
    ).toEqual({
      ok: true,
      timing: 'immediate',
      basis: 'course',
    });
  });

  it('classifies from the interval in days: early ≤ 90, late > 365, intermediate between', () => {
    expect(at('2022-01-22')).toMatchObject({ timing: 'early', basis: 'dates', days: 21 });
    expect(at('2022-04-01')).toMatchObject({ timing: 'early', days: 90 });
    expect(at('2022-04-02')).toMatchObject({ timing: 'intermediate', days: 91 });
    expect(at('2023-01-01')).toMatchObject({ timing: 'intermediate', days: 365 });
    expect(at('2023-01-02')).toMatchObject({ timing: 'late', days: 366 });
  });

  it('uses configured cut-offs', () => {
    const r = timingClass(
      { neverRelieved: false, surgeryDate: '2022-01-01', onsetDate: '2022-03-01' },
      { earlyMaxDays: 42, lateMinDays: 180 },
    );
    expect(r).toMatchObject({ timing: 'intermediate' });
  });

  it('falls back to the manual choice only without both dates', () => {
    expect(timingClass({ neverRelieved: false, surgeryDate: '2022-01-01', manual: 'late' }, cutoffs)).toEqual(
      {
        ok: true,
        timing: 'late',
        basis: 'manual',
      },
    );
    expect(at('2022-01-10')).toMatchObject({ timing: 'early' });
  });

  it('refuses an onset before surgery and explains what is missing', () => {
    expect(at('2021-12-01')).toEqual({ ok: false, reason: 'Symptom onset is before the index surgery' });
    expect(timingClass({ neverRelieved: false }, cutoffs).ok).toBe(false);
  });
});

describe('dates', () => {
  it('counts days across a leap day and adds calendar months', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-15');
  });
});

describe('alignment', () => {
  it('PI–LL = PI − LL', () => {
    expect(piMinusLl(55, 40)).toBe(15);
    expect(piMinusLl(50, 60)).toBe(-10);
  });

  it.each([
    [9.9, '0'],
    [10, '+'],
    [20, '+'],
    [20.1, '++'],
    [-15, '0'],
  ] as const)('PI–LL %s° → %s', (v, m) => {
    expect(schwabPiLl(v)).toBe(m);
  });

  it.each([
    [19.9, '0'],
    [20, '+'],
    [30, '+'],
    [30.5, '++'],
  ] as const)('PT %s° → %s', (v, m) => {
    expect(schwabPt(v)).toBe(m);
  });

  it.each([
    [39, '0'],
    [40, '+'],
    [95, '+'],
    [96, '++'],
    [-30, '0'],
  ] as const)('SVA %s mm → %s (cm cut-offs 4 / 9.5)', (v, m) => {
    expect(schwabSva(v)).toBe(m);
  });

  it('checks PI = PT + SS and the scoliosis threshold', () => {
    expect(pelvicSumDiscrepancy(55, 20, 35)).toBe(0);
    expect(pelvicSumDiscrepancy(60, 20, 30)).toBe(10);
    expect(isScoliosis(9.9)).toBe(false);
    expect(isScoliosis(10)).toBe(true);
  });
});
