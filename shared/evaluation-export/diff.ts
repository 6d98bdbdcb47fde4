import {
  ALL_FIELDS,
  SIDES,
  findField,
  isBlank,
  isPlainObject,
  sectionOfField,
  sortSegments,
} from '../evaluation/index.ts';
import type { EvaluationValues, FieldDefinition } from '../evaluation/index.ts';
import { canonicalJson } from './canonical.ts';
import { displayValue, isScalarField } from './display.ts';

/** One changed answer between two versions: a plain field, or one cell of a grid or list. */
export interface FieldChange {
  readonly fieldId: string;
  readonly sectionId: string;
  readonly sectionTitle: string;
  /** "Weight", "Motor (MRC 0–5): L5 long toe extensors left", "Non-operative treatment 2: Status". */
  readonly label: string;
  /** As a person reads it; '' when not answered. */
  readonly before: string;
  readonly after: string;
}

interface Cell {
  readonly label: string;
  readonly raw: string;
  readonly text: string;
}

const FIELD_ORDER = new Map(ALL_FIELDS.map((f, i) => [f.id, i]));

/** Blank values (null, '', []) compare equal to a missing answer. */
function normalised(value: unknown): string {
  return isBlank(value) ? 'null' : canonicalJson(value);
}

/** Top-level field ids whose values differ, in form order (unknown ids last, sorted). */
export function changedFieldIds(before: EvaluationValues, after: EvaluationValues): string[] {
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...ids]
    .filter((id) => normalised(before[id]) !== normalised(after[id]))
    .sort((a, b) => {
      const ia = FIELD_ORDER.get(a) ?? Number.MAX_SAFE_INTEGER;
      const ib = FIELD_ORDER.get(b) ?? Number.MAX_SAFE_INTEGER;
      return ia !== ib ? ia - ib : a < b ? -1 : 1;
    });
}

const record = (v: unknown): Record<string, unknown> => (isPlainObject(v) ? v : {});

/** The answers inside one field, keyed so the same answer has the same key in both versions. */
function cellsOf(field: FieldDefinition, value: unknown): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  const add = (key: string, label: string, raw: unknown, text: string) => {
    if (!isBlank(raw)) cells.set(key, { label, raw: canonicalJson(raw), text });
  };
  switch (field.kind) {
    case 'sideGrid':
      for (const [rowId, cell] of Object.entries(record(value))) {
        const row = field.rows.find((r) => r.id === rowId);
        for (const side of SIDES) {
          const code = record(cell)[side];
          const text = field.options.find((o) => o.code === code)?.label ?? String(code);
          add(`${rowId}.${side}`, `${field.label}: ${row?.label ?? rowId} ${side}`, code, text);
        }
      }
      break;
    case 'levelGrid':
      for (const level of sortSegments(Object.keys(record(value)))) {
        for (const [columnId, cellValue] of Object.entries(record(record(value)[level]))) {
          const column = field.columns.find((c) => c.id === columnId);
          const label = `${field.label}: ${level} ${column?.label ?? columnId}`;
          add(`${level}.${columnId}`, label, cellValue, column ? displayValue(column, cellValue) : '');
        }
      }
      break;
    case 'list':
      (Array.isArray(value) ? value : []).forEach((item: unknown, index) => {
        const { id, values } = record(item);
        for (const [fieldId, cellValue] of Object.entries(record(values))) {
          const itemField = field.itemFields.find((f) => f.id === fieldId);
          const label = `${field.itemLabel} ${index + 1}: ${itemField?.label ?? fieldId}`;
          add(
            `${String(id)}.${fieldId}`,
            label,
            cellValue,
            itemField ? displayValue(itemField, cellValue) : '',
          );
        }
      });
      break;
    default:
      if (isScalarField(field)) add('', field.label, value, displayValue(field, value));
  }
  return cells;
}

/**
 * What changed from `before` to `after`, field by field and cell by cell, in form order.
 * Pure: the history view diffs any two saved versions with it.
 */
export function diffEvaluations(before: EvaluationValues, after: EvaluationValues): FieldChange[] {
  return changedFieldIds(before, after).flatMap((fieldId): FieldChange[] => {
    const field = findField(fieldId);
    const section = sectionOfField(fieldId);
    const where = { fieldId, sectionId: section?.id ?? '', sectionTitle: section?.title ?? '' };
    if (!field) {
      const text = (v: unknown) => (isBlank(v) ? '' : canonicalJson(v));
      return [{ ...where, label: fieldId, before: text(before[fieldId]), after: text(after[fieldId]) }];
    }
    const a = cellsOf(field, before[fieldId]);
    const b = cellsOf(field, after[fieldId]);
    const keys = [...new Set([...a.keys(), ...b.keys()])];
    return keys
      .filter((k) => a.get(k)?.raw !== b.get(k)?.raw)
      .map((k) => ({
        ...where,
        label: (b.get(k) ?? a.get(k))?.label ?? field.label,
        before: a.get(k)?.text ?? '',
        after: b.get(k)?.text ?? '',
      }));
  });
}
