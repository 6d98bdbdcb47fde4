import { describe, expect, it } from 'vitest';
import { ndiBand, ndiRaw } from '../../../shared/evaluation/calculators/ndi.ts';
import { odiBand } from '../../../shared/evaluation/calculators/odi.ts';
import { scoreQuestionnaire } from '../../../shared/evaluation/calculators/questionnaire.ts';

const ok = (answers: (number | undefined)[], min = 8) => {
  const s = scoreQuestionnaire(answers, min);
  if (!s.ok) throw new Error(`expected a score, ${s.answered} answered`);
  return s;
};

describe('ODI (sum / (5 × sections answered) × 100)', () => {
  it('scores a complete questionnaire: ten answers of 2 are 20/50 = 40 %', () => {
    const s = ok(Array<number>(10).fill(2));
    expect(s).toEqual({ ok: true, sum: 20, answered: 10, percent: 40 });
  });

  it('divides by the sections answered, not by 10, when one is skipped', () => {
    // sex life skipped: 18 / 45 = 40 %, not 18 / 50 = 36 %
    const s = ok([2, 2, 2, 2, 2, 2, 2, undefined, 2, 2]);
    expect(s.answered).toBe(9);
    expect(s.percent).toBeCloseTo(40, 10);
  });

  it('gives no score below the minimum answered (configurable) and reports how many were answered', () => {
    expect(scoreQuestionnaire([1, 1, 1, 1, 1, 1, 1, null, null, null], 8)).toEqual({
      ok: false,
      answered: 7,
    });
    expect(scoreQuestionnaire([1, 1, 1, 1, 1, 1, 1, null, null, null], 7).ok).toBe(true);
    expect(scoreQuestionnaire([], 0)).toEqual({ ok: false, answered: 0 });
  });

  it('rejects item scores outside 0–5 as a programming error', () => {
    expect(() => scoreQuestionnaire([6, 0, 0, 0, 0, 0, 0, 0, 0, 0], 8)).toThrow(RangeError);
    expect(() => scoreQuestionnaire([1.5, 0, 0, 0, 0, 0, 0, 0, 0, 0], 8)).toThrow(RangeError);
  });

  it.each([
    [0, 'minimal'],
    [20, 'minimal'],
    [20.4, 'moderate'],
    [21, 'moderate'],
    [40, 'moderate'],
    [41, 'severe'],
    [60, 'severe'],
    [61, 'crippled'],
    [80, 'crippled'],
    [81, 'bedBound'],
    [100, 'bedBound'],
  ] as const)('band of %s %% is %s', (percent, band) => {
    expect(odiBand(percent)).toBe(band);
  });
});

describe('NDI (raw 0–50, × 2 = %)', () => {
  it('raw is the sum with all ten items; % is raw × 2', () => {
    const s = ok([2, 1, 2, 2, 1, 2, 3, 2, 1, 2]);
    expect(ndiRaw(s)).toEqual({ raw: 18, prorated: false });
    expect(s.percent).toBe(36);
  });

  it('prorates the raw score when items are missing and says so', () => {
    const s = ok([2, 2, 2, 2, 2, 2, 2, 2, 2, undefined]); // 18/45 = 40 % → raw 20
    expect(ndiRaw(s)).toEqual({ raw: 20, prorated: true });
  });

  it.each([
    [0, 'none'],
    [4, 'none'],
    [4.4, 'none'], // prorated raw is banded on its whole point (Vernon's bands are whole points)
    [4.5, 'mild'],
    [5, 'mild'],
    [14, 'mild'],
    [14.4, 'mild'],
    [14.5, 'moderate'],
    [15, 'moderate'],
    [24, 'moderate'],
    [25, 'severe'],
    [34, 'severe'],
    [35, 'complete'],
    [50, 'complete'],
  ] as const)('band of raw %s is %s', (raw, band) => {
    expect(ndiBand(raw)).toBe(band);
  });
});
