import { isBlank, isPlainObject } from '../../shared/evaluation/index.ts';
import { changedFieldIds } from '../../shared/evaluation-export/index.ts';
import type {
  CellValue,
  EvaluationValues,
  FieldValue,
  ListItem,
  Side,
} from '../../shared/evaluation/index.ts';

/**
 * Immutable edits of the form's values. A cleared answer is removed rather than stored blank,
 * so "not answered" has one representation and version diffs stay quiet.
 */
export function setField(
  values: EvaluationValues,
  fieldId: string,
  value: FieldValue | null,
): EvaluationValues {
  const next: Record<string, FieldValue | undefined> = { ...values };
  if (isBlank(value)) delete next[fieldId];
  else next[fieldId] = value ?? undefined;
  return next;
}

const record = (v: unknown): Record<string, unknown> => (isPlainObject(v) ? v : {});

function withoutBlank<T>(entries: Record<string, T>): Record<string, T> | null {
  const kept: Record<string, T> = Object.fromEntries(Object.entries(entries).filter(([, v]) => !isBlank(v)));
  return Object.keys(kept).length ? kept : null;
}

export function setSideCell(
  values: EvaluationValues,
  fieldId: string,
  rowId: string,
  side: Side,
  code: string,
): EvaluationValues {
  const grid = record(values[fieldId]);
  const row = withoutBlank({ ...record(grid[rowId]), [side]: code || null });
  const nextGrid = withoutBlank({ ...grid, [rowId]: row });
  return setField(values, fieldId, nextGrid as FieldValue | null);
}

export function setLevelCell(
  values: EvaluationValues,
  fieldId: string,
  level: string,
  columnId: string,
  value: CellValue,
): EvaluationValues {
  const grid = record(values[fieldId]);
  const row = withoutBlank({ ...record(grid[level]), [columnId]: value });
  const nextGrid = withoutBlank({ ...grid, [level]: row });
  return setField(values, fieldId, nextGrid as FieldValue | null);
}

export function listItems(values: EvaluationValues, fieldId: string): readonly ListItem[] {
  const v = values[fieldId];
  return Array.isArray(v) ? (v as readonly ListItem[]) : [];
}

export function addListItem(values: EvaluationValues, fieldId: string, id: string): EvaluationValues {
  return { ...values, [fieldId]: [...listItems(values, fieldId), { id, values: {} }] };
}

export function removeListItem(values: EvaluationValues, fieldId: string, id: string): EvaluationValues {
  return setField(
    values,
    fieldId,
    listItems(values, fieldId).filter((item) => item.id !== id),
  );
}

export function setListCell(
  values: EvaluationValues,
  fieldId: string,
  id: string,
  cellId: string,
  value: CellValue,
): EvaluationValues {
  const items = listItems(values, fieldId).map((item) => {
    if (item.id !== id) return item;
    const cells: Record<string, CellValue | undefined> = { ...item.values };
    if (isBlank(value)) delete cells[cellId];
    else cells[cellId] = value;
    return { id, values: cells };
  });
  return { ...values, [fieldId]: items };
}

/** Multi-choice toggling that honours "exclusive" options ("None" clears the rest, and back). */
export function toggleCode(
  current: readonly string[],
  code: string,
  checked: boolean,
  exclusiveCodes: readonly string[],
): string[] {
  if (!checked) return current.filter((c) => c !== code);
  if (exclusiveCodes.includes(code)) return [code];
  return [...current.filter((c) => !exclusiveCodes.includes(c) && c !== code), code];
}

/**
 * Field-level merge after a save conflict: `theirs` (the newer saved version) plus every field
 * changed here since `base` (the version this screen last saved or loaded). Where both changed
 * the same field, the value on this screen wins; theirs stays in the version history.
 */
export function mergeChanges(
  base: EvaluationValues,
  mine: EvaluationValues,
  theirs: EvaluationValues,
): EvaluationValues {
  const merged: Record<string, FieldValue | undefined> = { ...theirs };
  for (const id of changedFieldIds(base, mine)) {
    if (isBlank(mine[id])) delete merged[id];
    else merged[id] = mine[id];
  }
  return merged;
}
