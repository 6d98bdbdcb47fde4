import { isVisible } from './conditions.ts';
import { constructLevels, sortSegments } from './levels.ts';
import type { LevelColumn, LevelGridField, LevelRow } from './types.ts';
import { isBlank, isPlainObject } from './values.ts';
import type { EvaluationValues, LevelGridValue } from './values.ts';

function fusedLevels(field: LevelGridField, values: EvaluationValues): string[] {
  const raw = values[field.levelsField];
  return Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [];
}

export function levelGridValue(field: LevelGridField, values: EvaluationValues): LevelGridValue {
  const raw = values[field.id];
  return isPlainObject(raw) ? (raw as LevelGridValue) : {};
}

function rowHasData(row: Readonly<Record<string, unknown>> | null | undefined): boolean {
  return isPlainObject(row) && Object.values(row).some((v) => !isBlank(v));
}

/**
 * Rows to show: the construct ± margin, plus any valid level that already holds data (so editing
 * the levels fused never hides a finding), in cranio-caudal order.
 */
export function levelGridRows(field: LevelGridField, values: EvaluationValues): LevelRow[] {
  const fused = new Set(sortSegments(fusedLevels(field, values)));
  const inRange = new Set(constructLevels([...fused], field.margin));
  const grid = levelGridValue(field, values);
  const withData = Object.keys(grid).filter((level) => rowHasData(grid[level]));
  return sortSegments([...inRange, ...withData]).map((level) => ({
    level,
    fused: fused.has(level),
    extra: !inRange.has(level),
  }));
}

export function columnAppliesTo(column: LevelColumn, row: Pick<LevelRow, 'fused'>): boolean {
  if (column.appliesTo === 'all') return true;
  return column.appliesTo === 'fused' ? row.fused : !row.fused;
}

export function visibleColumns(field: LevelGridField, values: EvaluationValues): LevelColumn[] {
  return field.columns.filter((c) => isVisible(c, values));
}
