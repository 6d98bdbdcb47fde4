import { isVisible } from '../conditions.ts';
import { columnAppliesTo, levelGridRows, visibleColumns } from '../level-grid.ts';
import { isSegmentId } from '../levels.ts';
import type { LevelGridField, ListField, SideGridField } from '../types.ts';
import { SIDES, isBlank, isPlainObject } from '../values.ts';
import type { EvaluationValues } from '../values.ts';
import type { CellContext } from './cell.ts';
import { checkCell } from './cell.ts';

/** A message located inside a structured value: path = [row, side] / [level, column] / [index, field]. */
export interface LocatedMessage {
  readonly path: readonly (string | number)[];
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

const error = (path: (string | number)[], message: string): LocatedMessage => ({
  path,
  severity: 'error',
  message,
});

export function checkSideGrid(
  field: SideGridField,
  value: unknown,
  values: EvaluationValues,
): LocatedMessage[] {
  if (!isPlainObject(value)) return [error([], `${field.label} has an invalid value.`)];
  const out: LocatedMessage[] = [];
  for (const [rowId, cell] of Object.entries(value)) {
    const row = field.rows.find((r) => r.id === rowId);
    if (!row) {
      out.push(error([rowId], `${field.label}: unknown row “${rowId}”.`));
      continue;
    }
    if (!isVisible(row, values) || cell === undefined || cell === null) continue;
    if (!isPlainObject(cell)) {
      out.push(error([rowId], `${field.label}, ${row.label} has an invalid value.`));
      continue;
    }
    for (const side of SIDES) {
      const code = cell[side];
      if (isBlank(code)) continue;
      const ok = typeof code === 'string' && field.options.some((o) => o.code === code);
      if (!ok)
        out.push(
          error(
            [rowId, side],
            `${field.label}, ${row.label} ${side}: “${String(code)}” is not one of the options.`,
          ),
        );
    }
  }
  return out;
}

export function checkLevelGrid(
  field: LevelGridField,
  value: unknown,
  values: EvaluationValues,
  ctx: CellContext,
): LocatedMessage[] {
  if (!isPlainObject(value)) return [error([], `${field.label} has an invalid value.`)];
  const out: LocatedMessage[] = [];
  const rows = new Map(levelGridRows(field, values).map((r) => [r.level as string, r]));
  const columns = visibleColumns(field, values);
  for (const [level, cells] of Object.entries(value)) {
    if (!isSegmentId(level)) {
      out.push(error([level], `${field.label}: “${level}” is not a spinal level.`));
      continue;
    }
    if (cells === undefined || cells === null) continue;
    if (!isPlainObject(cells)) {
      out.push(error([level], `${field.label}, ${level} has an invalid value.`));
      continue;
    }
    const row = rows.get(level) ?? { fused: false };
    for (const [columnId, cell] of Object.entries(cells)) {
      const column = field.columns.find((c) => c.id === columnId);
      if (!column) {
        out.push(error([level, columnId], `${field.label}, ${level}: unknown column “${columnId}”.`));
        continue;
      }
      if (isBlank(cell) || !columns.includes(column)) continue;
      for (const message of checkCell(column, cell, `${level} ${column.label}`, ctx)) {
        out.push(error([level, columnId], message));
      }
      if (!columnAppliesTo(column, row)) {
        const where = column.appliesTo === 'fused' ? 'fused levels' : 'levels that are not fused';
        out.push({
          path: [level, columnId],
          severity: 'warning',
          message: `${level} ${column.label} applies to ${where} only.`,
        });
      }
    }
  }
  return out;
}

export function checkList(field: ListField, value: unknown, ctx: CellContext): LocatedMessage[] {
  if (!Array.isArray(value)) return [error([], `${field.label} has an invalid value.`)];
  const out: LocatedMessage[] = [];
  if (value.length > field.maxItems) {
    out.push(error([], `${field.label}: at most ${field.maxItems} entries (has ${value.length}).`));
  }
  const seen = new Set<string>();
  value.forEach((item: unknown, i) => {
    const name = `${field.itemLabel} ${i + 1}`;
    if (!isPlainObject(item) || typeof item.id !== 'string' || !isPlainObject(item.values)) {
      out.push(error([i], `${name} has an invalid value.`));
      return;
    }
    if (seen.has(item.id)) out.push(error([i], `${name} repeats the id of an earlier entry.`));
    seen.add(item.id);
    const itemValues = item.values;
    for (const sub of field.itemFields) {
      const cell = itemValues[sub.id];
      if (isBlank(cell)) {
        if (sub.requiredInItem) out.push(error([i, sub.id], `${name}: ${sub.label} is required.`));
        continue;
      }
      for (const message of checkCell(sub, cell, `${name}: ${sub.label}`, ctx))
        out.push(error([i, sub.id], message));
    }
    for (const key of Object.keys(itemValues)) {
      if (!field.itemFields.some((f) => f.id === key))
        out.push(error([i, key], `${name}: unknown field “${key}”.`));
    }
  });
  return out;
}
