import { isVisible } from '../conditions.ts';
import { resolveConfig } from '../config.ts';
import type { EvaluationConfigOverride } from '../config.ts';
import { createReader } from '../reader.ts';
import { ALL_FIELDS, findField } from '../schema.ts';
import type { FieldDefinition } from '../types.ts';
import { fieldInUnit, selectedUnit, unitSpecOf } from '../units.ts';
import { isBlank } from '../values.ts';
import type { EvaluationValues } from '../values.ts';
import type { CellContext } from './cell.ts';
import { checkCell } from './cell.ts';
import { checkCrossField } from './cross-field.ts';
import type { LocatedMessage } from './structured.ts';
import { checkLevelGrid, checkList, checkSideGrid } from './structured.ts';

export interface ValidationMessage {
  readonly fieldId: string;
  /** Inside a grid or list: [row, side], [level, column] or [index, item field]; [] for the field. */
  readonly path: readonly (string | number)[];
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface ValidationResult {
  /** No errors (warnings allowed). */
  readonly valid: boolean;
  readonly messages: readonly ValidationMessage[];
  readonly byField: Readonly<Record<string, readonly ValidationMessage[]>>;
}

export interface ValidateOptions {
  /** Today as YYYY-MM-DD (local), for "cannot be in the future". */
  readonly today: string;
  readonly config?: EvaluationConfigOverride;
}

function checkField(
  field: FieldDefinition,
  value: unknown,
  values: EvaluationValues,
  ctx: CellContext,
): LocatedMessage[] {
  const asErrors = (messages: string[]) =>
    messages.map((message) => ({ path: [], severity: 'error' as const, message }));
  switch (field.kind) {
    case 'computed':
      return asErrors([`${field.label} is computed and cannot be entered.`]);
    case 'sideGrid':
      return checkSideGrid(field, value, values);
    case 'levelGrid':
      return checkLevelGrid(field, value, values, ctx);
    case 'list':
      return checkList(field, value, ctx);
    case 'integer':
    case 'decimal': {
      // A value entered in another unit is checked against the range in that unit.
      const spec = unitSpecOf(field.id);
      const option = spec ? selectedUnit(spec, values) : undefined;
      return asErrors(checkCell(option ? fieldInUnit(field, option) : field, value, field.label, ctx));
    }
    default:
      return asErrors(checkCell(field, value, field.label, ctx));
  }
}

/**
 * Reports every problem with the entered values and changes none of them: invalid input stays in
 * the document until the user fixes it. Hidden fields keep their values but are not checked.
 */
export function validateEvaluation(values: EvaluationValues, options: ValidateOptions): ValidationResult {
  const ctx: CellContext = { today: options.today };
  const messages: ValidationMessage[] = [];
  for (const fieldId of Object.keys(values)) {
    if (!findField(fieldId)) {
      messages.push({
        fieldId,
        path: [],
        severity: 'error',
        message: `“${fieldId}” is not a field of this form.`,
      });
    }
  }
  for (const field of ALL_FIELDS) {
    const value = values[field.id];
    if (isBlank(value) || !isVisible(field, values)) continue;
    for (const m of checkField(field, value, values, ctx)) messages.push({ fieldId: field.id, ...m });
  }
  for (const m of checkCrossField(createReader(values, options.today), resolveConfig(options.config))) {
    messages.push({ ...m, path: [] });
  }
  const byField: Record<string, ValidationMessage[]> = {};
  for (const m of messages) (byField[m.fieldId] ??= []).push(m);
  return { valid: messages.every((m) => m.severity !== 'error'), messages, byField };
}
