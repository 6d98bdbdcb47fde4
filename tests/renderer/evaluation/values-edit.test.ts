import { describe, expect, it } from 'vitest';
import {
  addListItem,
  removeListItem,
  setField,
  setLevelCell,
  setListCell,
  setSideCell,
  mergeChanges,
  toggleCode,
} from '../../../renderer/evaluation/values-edit.ts';
import { saveStatusText } from '../../../renderer/evaluation/save-status.ts';

describe('form value edits', () => {
  it('stores answers and removes cleared ones', () => {
    const v = setField({}, 'health.weightKg', 80);
    expect(v).toEqual({ 'health.weightKg': 80 });
    expect(setField(v, 'health.weightKg', '')).toEqual({});
    expect(setField(v, 'history.approach', [])).toEqual({ 'health.weightKg': 80 });
    expect(setField(v, 'health.opioids', false)).toEqual({ 'health.weightKg': 80, 'health.opioids': false });
  });

  it('edits side-grid and level-grid cells, dropping empty rows', () => {
    let v = setSideCell({}, 'exam.motor', 'L5', 'left', '4');
    v = setSideCell(v, 'exam.motor', 'L5', 'right', '5');
    expect(v).toEqual({ 'exam.motor': { L5: { left: '4', right: '5' } } });
    v = setSideCell(setSideCell(v, 'exam.motor', 'L5', 'left', ''), 'exam.motor', 'L5', 'right', '');
    expect(v).toEqual({});
    v = setLevelCell({}, 'imaging.levels', 'L5-S1', 'bridwell', 'IV');
    v = setLevelCell(v, 'imaging.levels', 'L5-S1', 'translationMm', '4,O');
    expect(v).toEqual({ 'imaging.levels': { 'L5-S1': { bridwell: 'IV', translationMm: '4,O' } } });
  });

  it('adds, edits and removes list items by their stable id', () => {
    let v = addListItem({}, 'alternatives.treatments', 'a');
    v = addListItem(v, 'alternatives.treatments', 'b');
    v = setListCell(v, 'alternatives.treatments', 'b', 'treatment', 'medication');
    expect(v['alternatives.treatments']).toEqual([
      { id: 'a', values: {} },
      { id: 'b', values: { treatment: 'medication' } },
    ]);
    v = removeListItem(v, 'alternatives.treatments', 'a');
    expect(v['alternatives.treatments']).toEqual([{ id: 'b', values: { treatment: 'medication' } }]);
    expect(removeListItem(v, 'alternatives.treatments', 'b')).toEqual({});
  });

  it('honours exclusive choices ("None" clears the rest and is cleared by them)', () => {
    expect(toggleCode(['antiplatelet'], 'none', true, ['none'])).toEqual(['none']);
    expect(toggleCode(['none'], 'vka', true, ['none'])).toEqual(['vka']);
    expect(toggleCode(['vka', 'doac'], 'vka', false, ['none'])).toEqual(['doac']);
  });

  it('merges a conflicting save field by field; this screen wins where both changed a field', () => {
    const base = { 'history.surgeon': 'A', 'history.hospital': 'H', 'prom.nrsBack': 5 };
    const mine = { 'history.surgeon': 'A', 'history.hospital': 'Mine', 'prom.nrsLeg': 3 };
    const theirs = { 'history.surgeon': 'Theirs', 'history.hospital': 'Theirs too', 'prom.nrsBack': 5 };
    expect(mergeChanges(base, mine, theirs)).toEqual({
      'history.surgeon': 'Theirs',
      'history.hospital': 'Mine',
      'prom.nrsLeg': 3,
    });
  });

  it('says what the save state is', () => {
    const by = { name: 'Dr X', discipline: 'radiology' as const };
    expect(saveStatusText({ kind: 'idle' }, null)).toBe('Nothing entered yet');
    expect(saveStatusText({ kind: 'saving' }, null)).toBe('Saving…');
    expect(saveStatusText({ kind: 'saved', at: '2026-01-05T10:42:00', by }, null)).toMatch(
      /^Saved · .*10.42.* by Dr X$/,
    );
    expect(saveStatusText({ kind: 'error', code: 'CONFLICT', message: 'Someone saved.' }, null)).toBe(
      'Not saved: Someone saved.',
    );
  });
});
