import { formatQuantity } from '../evaluation/index.ts';
import type { CellField, FieldDefinition, ScoreField } from '../evaluation/index.ts';

/** Scalar kinds whose single value can be shown as text (grid cells, list-item fields, plain fields). */
export type ScalarField = CellField | ScoreField;

const quoted = (s: string): string => `“${s}”`;

/** Text of a value of the wrong type, exactly as stored. */
const raw = (value: unknown): string => quoted(typeof value === 'string' ? value : JSON.stringify(value));

function optionLabel(field: { options: readonly { code: string; label: string }[] }, code: unknown): string {
  if (typeof code !== 'string') return quoted(String(code));
  return field.options.find((o) => o.code === code)?.label ?? quoted(code);
}

/**
 * One stored value as a person reads it: option labels instead of codes, numbers with units,
 * Yes/No. Text that did not parse (an invalid number) is shown quoted, exactly as typed.
 * Blank values give ''.
 */
export function displayValue(field: ScalarField, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value) && value.length === 0) return '';
  switch (field.kind) {
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? formatQuantity(value, field.unit, 4) : raw(value);
    case 'boolean':
      return value === true ? 'Yes' : value === false ? 'No' : raw(value);
    case 'singleChoice':
      return optionLabel(field, value);
    case 'multiChoice':
      return Array.isArray(value) ? value.map((c) => optionLabel(field, c)).join('; ') : raw(value);
    case 'score': {
      const option = field.options.find((o) => o.score === value);
      return option ? `${option.score} — ${option.label}` : raw(value);
    }
    default:
      return typeof value === 'string' ? value : raw(value);
  }
}

export function isScalarField(field: FieldDefinition): field is ScalarField {
  return !['sideGrid', 'levelGrid', 'list', 'computed'].includes(field.kind);
}
