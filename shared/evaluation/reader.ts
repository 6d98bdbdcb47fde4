import { isVisible } from './conditions.ts';
import { formatQuantity } from './format.ts';
import { fieldById } from './schema.ts';
import type { CellField, FieldDefinition, NumberField, ScoreField } from './types.ts';
import { fieldInUnit, selectedUnit, toCanonical, unitSpecOf } from './units.ts';
import { checkCell } from './validation/cell.ts';
import { isBlank } from './values.ts';
import type { EvaluationValues } from './values.ts';

/** A number as entered (value, unit) and in the canonical unit calculators and flags use. */
export interface Quantity {
  readonly entered: number;
  readonly unit: string;
  readonly canonical: number;
  readonly canonicalUnit: string;
}

/**
 * Typed access to the values calculators and flags may use: a value is returned only when its
 * field is visible, answered and valid, so an implausible weight never yields a BMI or a flag.
 * Numbers with a unit choice (units.ts) come back in the canonical unit.
 * Asking for an unknown id or the wrong kind throws: that is a bug in this module, not user input.
 */
export interface ValueReader {
  readonly values: EvaluationValues;
  number(id: string): number | undefined;
  quantity(id: string): Quantity | undefined;
  text(id: string): string | undefined;
  code(id: string): string | undefined;
  codes(id: string): readonly string[] | undefined;
  bool(id: string): boolean | undefined;
  date(id: string): string | undefined;
  score(id: string): number | undefined;
  visible(id: string): boolean;
}

function isScalar(field: FieldDefinition): field is CellField | ScoreField {
  return !['sideGrid', 'levelGrid', 'list', 'computed'].includes(field.kind);
}

/** "25 mg/L", or "25 mg/L (entered 2.5 mg/dL)" when another unit was used. */
export function describeQuantity(q: Quantity, decimals = 1): string {
  const canonical = formatQuantity(q.canonical, q.canonicalUnit, decimals);
  return q.unit === q.canonicalUnit
    ? canonical
    : `${canonical} (entered ${formatQuantity(q.entered, q.unit, decimals)})`;
}

export function createReader(values: EvaluationValues, today?: string): ValueReader {
  const ctx = today === undefined ? {} : { today };
  const valid = (id: string, kinds: readonly FieldDefinition['kind'][]): unknown => {
    const field = fieldById(id);
    if (!kinds.includes(field.kind) || !isScalar(field)) {
      throw new Error(`Field ${id} is a ${field.kind}, not ${kinds.join('/')}`);
    }
    const value = values[id];
    if (isBlank(value) || !isVisible(field, values)) return undefined;
    return checkCell(field, value, field.label, ctx).length === 0 ? value : undefined;
  };
  const quantity = (id: string): Quantity | undefined => {
    const found = fieldById(id);
    if (found.kind !== 'integer' && found.kind !== 'decimal') {
      throw new Error(`Field ${id} is a ${found.kind}, not integer/decimal`);
    }
    const field: NumberField = found;
    const value = values[id];
    if (typeof value !== 'number' || !isVisible(field, values)) return undefined;
    const spec = unitSpecOf(id);
    const option = spec ? selectedUnit(spec, values) : undefined;
    if (spec && !option) return undefined; // an unknown unit cannot be interpreted
    const inUnit = option ? fieldInUnit(field, option) : field;
    if (checkCell(inUnit, value, field.label, ctx).length > 0) return undefined;
    return {
      entered: value,
      unit: inUnit.unit,
      canonical: option ? toCanonical(option, value) : value,
      canonicalUnit: field.unit,
    };
  };
  return {
    values,
    number: (id) => quantity(id)?.canonical,
    quantity,
    text: (id) => valid(id, ['text', 'longText']) as string | undefined,
    code: (id) => valid(id, ['singleChoice']) as string | undefined,
    codes: (id) => valid(id, ['multiChoice']) as readonly string[] | undefined,
    bool: (id) => valid(id, ['boolean']) as boolean | undefined,
    date: (id) => valid(id, ['date']) as string | undefined,
    score: (id) => valid(id, ['score']) as number | undefined,
    visible: (id) => isVisible(fieldById(id), values),
  };
}
