import { describe, expect, it } from 'vitest';
import type { MeasuredField } from '../../../shared/measurements/form-links.ts';
import { measuredFieldLabel, overriddenField, overrideLine } from '../../../shared/measurements/override.ts';

const at = { measurementId: 7, seriesId: 1, instanceId: 2, frame: 0 };
const pi: MeasuredField = { fieldId: 'imaging.pi', level: null, column: null, value: 55.2, unit: '°', ...at };
const translation: MeasuredField = {
  fieldId: 'imaging.levels',
  level: 'L3-L4',
  column: 'translationMm',
  value: 5,
  unit: 'mm',
  ...at,
};
const fields = [pi, translation];

describe('overriding a measured form value', () => {
  it('typing over a value that holds its measurement needs a reason', () => {
    expect(overriddenField({ 'imaging.pi': 55.2 }, { 'imaging.pi': 60 }, fields)).toEqual({
      field: pi,
      previousValue: 55.2,
      newValue: 60,
    });
    // Clearing it, or typing text that is not a number, too.
    expect(overriddenField({ 'imaging.pi': 55.2 }, {}, fields)?.newValue).toBeNull();
    expect(overriddenField({ 'imaging.pi': 55.2 }, { 'imaging.pi': '6O' }, fields)?.newValue).toBe('6O');
  });

  it('a cell of the level grid is a measured field of its own', () => {
    const before = { 'imaging.levels': { 'L3-L4': { translationMm: 5, angulationDeg: 8 } } };
    const after = { 'imaging.levels': { 'L3-L4': { translationMm: 3, angulationDeg: 8 } } };
    expect(overriddenField(before, after, fields)).toMatchObject({
      field: translation,
      previousValue: 5,
      newValue: 3,
    });
  });

  it('no reason for other fields, for a value that was already typed, or for putting the measured value in', () => {
    expect(
      overriddenField({ 'imaging.pi': 55.2 }, { 'imaging.pi': 55.2, 'imaging.pt': 9 }, fields),
    ).toBeNull();
    expect(overriddenField({ 'imaging.pi': 60 }, { 'imaging.pi': 61 }, fields)).toBeNull();
    expect(overriddenField({}, { 'imaging.pi': 55.2 }, fields)).toBeNull();
    // Within the shown decimal it still holds the measurement.
    expect(overriddenField({ 'imaging.pi': 55.2 }, { 'imaging.pi': 55.21 }, fields)).toBeNull();
  });

  it('the history line names the field, the measured, old and new values and the reason', () => {
    expect(measuredFieldLabel(translation)).toMatch(/L3-L4 translation$/);
    const line = overrideLine({
      fieldId: 'imaging.pi',
      fieldLabel: measuredFieldLabel(pi),
      level: null,
      column: null,
      measurementId: 7,
      measuredValue: 55.2,
      unit: '°',
      previousValue: 55.2,
      newValue: 60,
      reason: 'Re-measured on the full-resolution film',
    });
    expect(line).toContain('measured 55.2°');
    expect(line).toContain('55.2° → 60°');
    expect(line).toContain('Reason: Re-measured on the full-resolution film');
    expect(line).toContain(measuredFieldLabel(pi));
  });
});
