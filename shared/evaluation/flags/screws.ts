import { formatNumber } from '../format.ts';
import { fieldById } from '../schema.ts';
import { SCREW_HALO_LOOSE_OVER_MM, SCREW_LIST_FIELD } from '../sections/imaging-screws.ts';
import type { ListField } from '../types.ts';
import { checkCell } from '../validation/cell.ts';
import type { EvaluationValues, ListValue } from '../values.ts';

/** "S1 left 2 mm" for every screw whose lucent halo is wider than 1 mm. */
export function screwsWithHalo(values: EvaluationValues): string[] {
  const field = fieldById(SCREW_LIST_FIELD) as ListField;
  const halo = field.itemFields.find((f) => f.id === 'haloMm');
  const items = Array.isArray(values[SCREW_LIST_FIELD]) ? (values[SCREW_LIST_FIELD] as ListValue) : [];
  return items.flatMap((item) => {
    const mm = item.values.haloMm;
    if (!halo || typeof mm !== 'number' || checkCell(halo, mm, '', {}).length > 0) return [];
    if (mm <= SCREW_HALO_LOOSE_OVER_MM) return [];
    const where = [item.values.vertebra, item.values.side].filter((v) => typeof v === 'string').join(' ');
    return [`${where || 'screw'} ${formatNumber(mm, 1)} mm`];
  });
}
