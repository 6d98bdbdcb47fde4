import { levelGridRows, levelGridValue } from '../level-grid.ts';
import { fieldById } from '../schema.ts';
import { IMAGING_GRID_FIELD } from '../sections/imaging.ts';
import type { LevelGridField, LevelRow } from '../types.ts';
import { checkCell } from '../validation/cell.ts';
import type { CellValue, EvaluationValues } from '../values.ts';

/** Valid cell values of one row of the imaging grid: invalid entries read as not answered. */
export interface LevelCells {
  readonly row: LevelRow;
  number(columnId: string): number | undefined;
  code(columnId: string): string | undefined;
  codes(columnId: string): readonly string[];
}

export function imagingLevels(values: EvaluationValues): LevelCells[] {
  const field = fieldById(IMAGING_GRID_FIELD) as LevelGridField;
  const grid = levelGridValue(field, values);
  return levelGridRows(field, values).map((row) => {
    const cells = grid[row.level] ?? {};
    const valid = (columnId: string): CellValue | undefined => {
      const column = field.columns.find((c) => c.id === columnId);
      const value = cells[columnId];
      if (!column || value === undefined || value === null) return undefined;
      return checkCell(column, value, column.label, {}).length === 0 ? value : undefined;
    };
    return {
      row,
      number: (id) => {
        const v = valid(id);
        return typeof v === 'number' ? v : undefined;
      },
      code: (id) => {
        const v = valid(id);
        return typeof v === 'string' ? v : undefined;
      },
      codes: (id) => {
        const v = valid(id);
        return Array.isArray(v) ? (v as readonly string[]) : [];
      },
    };
  });
}
