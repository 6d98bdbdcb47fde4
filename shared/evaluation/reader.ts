import { isVisible } from './conditions.ts';
import { fieldById } from './schema.ts';
import type { CellField, FieldDefinition, ScoreField } from './types.ts';
import { checkCell } from './validation/cell.ts';
import { isBlank } from './values.ts';
import type { EvaluationValues } from './values.ts';

/**
 * Typed access to the values calculators and flags may use: a value is returned only when its
 * field is visible, answered and valid, so an implausible weight never yields a BMI or a flag.
 * Asking for an unknown id or the wrong kind throws: that is a bug in this module, not user input.
 */
export interface ValueReader {
  readonly values: EvaluationValues;
  number(id: string): number | undefined;
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
  return {
    values,
    number: (id) => valid(id, ['integer', 'decimal']) as number | undefined,
    text: (id) => valid(id, ['text', 'longText']) as string | undefined,
    code: (id) => valid(id, ['singleChoice']) as string | undefined,
    codes: (id) => valid(id, ['multiChoice']) as readonly string[] | undefined,
    bool: (id) => valid(id, ['boolean']) as boolean | undefined,
    date: (id) => valid(id, ['date']) as string | undefined,
    score: (id) => valid(id, ['score']) as number | undefined,
    visible: (id) => isVisible(fieldById(id), values),
  };
}
