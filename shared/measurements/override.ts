import type { MeasuredOverrideDetail } from '../contract/measurement-schemas.ts';
import { findField } from '../evaluation/schema.ts';
import type { EvaluationValues } from '../evaluation/values.ts';
import { isPlainObject } from '../evaluation/values.ts';
import type { MeasuredField } from './form-links.ts';

/** What the form holds for a measured field (a top-level value or a cell of the level grid). */
export function formValueOf(
  values: EvaluationValues,
  f: Pick<MeasuredField, 'fieldId' | 'level' | 'column'>,
) {
  if (!f.level || !f.column) return values[f.fieldId];
  const grid = values[f.fieldId];
  const row = isPlainObject(grid) ? grid[f.level] : undefined;
  return isPlainObject(row) ? row[f.column] : undefined;
}

/** The form shows "measured" while it holds the measurement's value (to the shown decimal). */
export const holdsMeasured = (value: unknown, f: Pick<MeasuredField, 'value'>): boolean =>
  typeof value === 'number' && Math.abs(value - f.value) < 0.05;

const asFormValue = (v: unknown): number | string | null =>
  typeof v === 'number' || typeof v === 'string' ? v : null;

export interface PendingOverride {
  field: MeasuredField;
  previousValue: number | string | null;
  newValue: number | string | null;
}

/**
 * The measured field an edit overwrites: one that held its measured value before the edit and holds
 * something else after it (typed over or cleared). Null when the edit leaves every measured value
 * alone (or puts a measured value in): such edits need no reason.
 */
export function overriddenField(
  before: EvaluationValues,
  after: EvaluationValues,
  fields: readonly MeasuredField[],
): PendingOverride | null {
  for (const f of fields) {
    const was = formValueOf(before, f);
    const now = formValueOf(after, f);
    if (holdsMeasured(was, f) && !holdsMeasured(now, f))
      return { field: f, previousValue: asFormValue(was), newValue: asFormValue(now) };
  }
  return null;
}

const COLUMN_WORDS: Record<string, string> = { translationMm: 'translation', angulationDeg: 'angulation' };

/** The name of a measured field in the history: "Pelvic incidence (PI)", "L3-L4 translation". */
export function measuredFieldLabel(f: Pick<MeasuredField, 'fieldId' | 'level' | 'column'>): string {
  const label = findField(f.fieldId)?.label ?? f.fieldId;
  return f.level && f.column ? `${label}: ${f.level} ${COLUMN_WORDS[f.column] ?? f.column}` : label;
}

const shown = (v: number | string | null, unit: string): string =>
  v === null || v === ''
    ? 'nothing'
    : typeof v === 'number'
      ? `${v}${unit === '°' ? '°' : ` ${unit}`}`
      : `“${v}”`;

/** One line of the case history for an override: field, measured value, old → new, and the reason. */
export function overrideLine(d: MeasuredOverrideDetail): string {
  return `Overrode the measured ${d.fieldLabel} (measured ${shown(d.measuredValue, d.unit)}): ${shown(d.previousValue, d.unit)} → ${shown(d.newValue, d.unit)}. Reason: ${d.reason}`;
}
