import { levelGridRows, levelGridValue } from '../level-grid.ts';
import { formatNumber } from '../format.ts';
import { fieldById } from '../schema.ts';
import { IMAGING_GRID_FIELD } from '../sections/imaging.ts';
import type { LevelGridField } from '../types.ts';
import { checkCell } from '../validation/cell.ts';
import type { EvaluationValues } from '../values.ts';
import type { FlagRule } from './types.ts';

/**
 * Motion on flexion/extension at a fused level: ≥ 3 mm translation or ≥ 5° angulation
 * (DOMAIN.md §8; device trials in §6 — "> 3 mm or ≥ 5°" — the §8 flag's ≥ 3 mm is used).
 */
export const FUSED_TRANSLATION_MM = 3;
export const FUSED_ANGULATION_DEG = 5;

function validNumber(field: LevelGridField, columnId: string, value: unknown): number | undefined {
  const column = field.columns.find((c) => c.id === columnId);
  if (!column || typeof value !== 'number') return undefined;
  return checkCell(column, value, column.label, {}).length === 0 ? value : undefined;
}

/** "L4-L5: 3.5 mm, 6°" for each fused level over either threshold. */
export function fusedLevelsWithMotion(values: EvaluationValues): string[] {
  const field = fieldById(IMAGING_GRID_FIELD) as LevelGridField;
  const grid = levelGridValue(field, values);
  return levelGridRows(field, values)
    .filter((row) => row.fused)
    .flatMap((row) => {
      const cells = grid[row.level] ?? {};
      const mm = validNumber(field, 'translationMm', cells.translationMm);
      const deg = validNumber(field, 'angulationDeg', cells.angulationDeg);
      const over = (mm ?? 0) >= FUSED_TRANSLATION_MM || (deg ?? 0) >= FUSED_ANGULATION_DEG;
      if (!over) return [];
      const parts = [
        mm !== undefined && `${formatNumber(mm, 1)} mm`,
        deg !== undefined && `${formatNumber(deg, 1)}°`,
      ];
      return [`${row.level}: ${parts.filter((p): p is string => typeof p === 'string').join(', ')}`];
    });
}

const fusedLevelMotion: FlagRule = {
  id: 'fusedLevelMotion',
  label: 'Motion at a fused level',
  threshold: `Flexion/extension translation ≥ ${FUSED_TRANSLATION_MM} mm or angulation ≥ ${FUSED_ANGULATION_DEG}° at a fused level`,
  source: 'DOMAIN.md §6, §8 — suspected pseudarthrosis (device-trial instability criteria)',
  fieldIds: [IMAGING_GRID_FIELD],
  evaluate({ r }) {
    const levels = fusedLevelsWithMotion(r.values);
    return levels.length === 0 ? undefined : { severity: 'warning', detail: levels.join('; ') };
  },
};

export const IMAGING_FLAGS: readonly FlagRule[] = [fusedLevelMotion];
