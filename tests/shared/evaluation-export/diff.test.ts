import { describe, expect, it } from 'vitest';
import { changedFieldIds, diffEvaluations, displayValue } from '../../../shared/evaluation-export/index.ts';
import { fieldById } from '../../../shared/evaluation/index.ts';
import type { ScalarField } from '../../../shared/evaluation-export/index.ts';
import { lumbarCase } from '../evaluation/fixtures.ts';

describe('version diff', () => {
  it('lists changed field ids in form order; blank equals unanswered; key order does not matter', () => {
    const before = { 'health.weightKg': 80, 'history.surgeon': 'A', 'prom.nrsLeg': null };
    const after = { 'history.surgeon': 'B', 'health.weightKg': 82, 'prom.nrsBack': 7 };
    expect(changedFieldIds(before, after)).toEqual(['history.surgeon', 'prom.nrsBack', 'health.weightKg']);
    expect(
      changedFieldIds(
        { 'exam.motor': { L5: { right: '5', left: '4' } } },
        { 'exam.motor': { L5: { left: '4', right: '5' } } },
      ),
    ).toEqual([]);
    expect(changedFieldIds({ 'history.approach': [] }, {})).toEqual([]);
  });

  it('shows labels and readable values, cell by cell for grids and lists', () => {
    const before = lumbarCase({ 'health.weightKg': '9O' });
    const after = lumbarCase({
      'health.weightKg': 95,
      'exam.motor': { ...(before['exam.motor'] as object), L5: { left: '3', right: '5' } },
      'imaging.levels': {
        'L4-L5': { bridwell: 'II', hardware: ['intact'] },
        'L5-S1': { bridwell: 'IV', hardware: ['screwLoosening'], translationMm: 1, angulationDeg: 2 },
        'L3-L4': { pfirrmann: 'III', schizas: 'B' },
      },
      'alternatives.treatments': [{ id: 'x', values: { treatment: 'physicalTherapy', durationWeeks: 6 } }],
    });
    const changes = diffEvaluations(before, after);
    expect(changes.map((c) => [c.label, c.before, c.after])).toEqual([
      [
        'Motor (MRC 0–5): L5 long toe extensors left',
        '4 — against gravity and some resistance',
        '3 — active movement against gravity',
      ],
      [
        'Findings per level: L4-L5 Fusion (Bridwell)',
        'I — fused, remodelled trabeculae',
        'II — graft intact, not fully remodelled, no lucency',
      ],
      ['Weight', '“9O”', '95 kg'],
      ['Non-operative treatment 1: Treatment', '', 'Physical therapy'],
      ['Non-operative treatment 1: Duration', '', '6 weeks'],
    ]);
    expect(changes[0]).toMatchObject({
      fieldId: 'exam.motor',
      sectionId: 'exam',
      sectionTitle: 'Physical examination',
    });
    expect(diffEvaluations(after, after)).toEqual([]);
  });

  it('displays every scalar kind as a person reads it', () => {
    const f = (id: string) => fieldById(id) as ScalarField;
    expect(displayValue(f('health.opioids'), true)).toBe('Yes');
    expect(displayValue(f('labs.tScore'), -2.5)).toBe('−2.5');
    expect(displayValue(f('history.approach'), ['tlif', 'alif'])).toBe('TLIF; ALIF');
    expect(displayValue(f('health.smoking'), 'sometimes')).toBe('“sometimes”');
    expect(displayValue(f('prom.odi1'), 2)).toBe('2 — Moderate');
    expect(displayValue(f('history.surgeon'), '')).toBe('');
  });
});
