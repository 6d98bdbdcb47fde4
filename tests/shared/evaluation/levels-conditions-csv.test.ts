import { describe, expect, it } from 'vitest';
import { constructRegions, evaluateCondition, isVisible } from '../../../shared/evaluation/conditions.ts';
import { describeConfig, resolveConfig } from '../../../shared/evaluation/config.ts';
import { csvColumns, csvNestedTables } from '../../../shared/evaluation/csv.ts';
import { levelGridRows } from '../../../shared/evaluation/level-grid.ts';
import { constructLevels, hasGaps, segmentRegion, sortSegments } from '../../../shared/evaluation/levels.ts';
import { fieldById } from '../../../shared/evaluation/schema.ts';
import type { LevelGridField } from '../../../shared/evaluation/types.ts';
import { parseNumberInput } from '../../../shared/evaluation/values.ts';

describe('spinal levels', () => {
  it('adds two segments above and below the construct, clamped at the ends', () => {
    expect(constructLevels(['L4-L5', 'L5-S1'], 2)).toEqual(['L2-L3', 'L3-L4', 'L4-L5', 'L5-S1']);
    expect(constructLevels(['C5-C6'], 2)).toEqual(['C3-C4', 'C4-C5', 'C5-C6', 'C6-C7', 'C7-T1']);
    expect(constructLevels(['C2-C3'], 2)).toEqual(['C2-C3', 'C3-C4', 'C4-C5']);
    expect(constructLevels([], 2)).toEqual([]);
  });

  it('sorts cranio-caudally, drops unknown ids, finds gaps and regions', () => {
    expect(sortSegments(['L5-S1', 'T12-L1', 'nonsense', 'L5-S1'])).toEqual(['T12-L1', 'L5-S1']);
    expect(hasGaps(['L3-L4', 'L5-S1'])).toBe(true);
    expect(hasGaps(['L3-L4', 'L4-L5'])).toBe(false);
    expect(segmentRegion('C7-T1')).toBe('cervical');
    expect(segmentRegion('T12-L1')).toBe('thoracolumbar');
  });
});

describe('visibility conditions', () => {
  it('shows both regions until levels are entered, then only the construct’s', () => {
    expect([...constructRegions({})].sort()).toEqual(['cervical', 'thoracolumbar']);
    expect([...constructRegions({ 'history.levelsFused': ['C5-C6'] })]).toEqual(['cervical']);
    const ndi = fieldById('prom.ndi1');
    expect(isVisible(ndi, { 'history.levelsFused': ['L4-L5'] })).toBe(false);
    expect(isVisible(ndi, { 'history.levelsFused': ['C5-C6'] })).toBe(true);
  });

  it('shows pack-years for smokers and the quit date for former smokers only', () => {
    expect(isVisible(fieldById('health.packYears'), { 'health.smoking': 'current' })).toBe(true);
    expect(isVisible(fieldById('health.packYears'), { 'health.smoking': 'never' })).toBe(false);
    expect(isVisible(fieldById('health.quitDate'), { 'health.smoking': 'current' })).toBe(false);
    expect(isVisible(fieldById('health.quitDate'), { 'health.smoking': 'former' })).toBe(true);
  });

  it('evaluates all / any / not / answered', () => {
    const values = { 'health.smoking': 'former', 'health.quitDate': '' };
    expect(
      evaluateCondition(
        {
          all: [
            { field: 'health.smoking', equals: 'former' },
            { field: 'health.quitDate', answered: false },
          ],
        },
        values,
      ),
    ).toBe(true);
    expect(evaluateCondition({ any: [{ field: 'health.smoking', equals: 'current' }] }, values)).toBe(false);
    expect(evaluateCondition({ not: { field: 'health.smoking', oneOf: ['never'] } }, values)).toBe(true);
  });
});

describe('level grid rows', () => {
  const grid = fieldById('imaging.levels') as LevelGridField;

  it('marks fused rows and keeps rows outside the range that still hold data', () => {
    const rows = levelGridRows(grid, {
      'history.levelsFused': ['L5-S1'],
      'imaging.levels': { 'T12-L1': { pfirrmann: 'IV' }, 'L1-L2': { notes: '' } },
    });
    expect(rows).toEqual([
      { level: 'T12-L1', fused: false, extra: true },
      { level: 'L3-L4', fused: false, extra: false },
      { level: 'L4-L5', fused: false, extra: false },
      { level: 'L5-S1', fused: true, extra: false },
    ]);
  });
});

describe('parseNumberInput (for the renderer)', () => {
  it('parses decimal commas and the Unicode minus, keeps anything else as typed', () => {
    expect(parseNumberInput(' 7,2 ')).toBe(7.2);
    expect(parseNumberInput('\u22122.5')).toBe(-2.5);
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput('7.2%')).toBe('7.2%');
    expect(parseNumberInput('1e3')).toBe('1e3');
  });
});

describe('CSV columns', () => {
  it('derives stable keys and headers with units from the schema', () => {
    const columns = csvColumns();
    const keys = columns.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(columns.find((c) => c.key === 'health.weightKg')).toEqual({
      key: 'health.weightKg',
      header: 'Weight as entered',
      fieldId: 'health.weightKg',
    });
    expect(columns.find((c) => c.key === 'health.weightKg.canonical')).toEqual({
      key: 'health.weightKg.canonical',
      header: 'Weight (kg)',
      fieldId: 'health.weightKg',
      unit: 'kg',
    });
    expect(columns.find((c) => c.key === 'health.bmi')?.header).toBe('BMI (kg/m²)');
    expect(keys).toContain('exam.motor.L4.left');
    expect(keys).not.toContain('imaging.levels');
  });

  it('exports the level grid and lists as their own tables', () => {
    const tables = csvNestedTables();
    expect(tables.map((t) => t.fieldId)).toEqual([
      'imaging.levels',
      'imaging.screws',
      'alternatives.treatments',
      'decision.actions',
    ]);
    expect(tables[0]?.columns.map((c) => c.header)).toContain('Flexion/extension translation (mm)');
  });
});

describe('configurable thresholds', () => {
  it('lists each (check) threshold with its current value', () => {
    const rows = describeConfig(resolveConfig({ timing: { earlyMaxDays: 42 }, lowCtHu: 100 }));
    expect(rows.find((r) => r.key === 'timing.earlyMaxDays')?.value).toBe(42);
    expect(rows.find((r) => r.key === 'timing.lateMinDays')?.value).toBe(365);
    expect(rows.find((r) => r.key === 'lowCtHu')).toMatchObject({ value: 100, unit: 'HU' });
    expect(rows.every((r) => r.note.includes('(check)'))).toBe(true);
  });
});
