/**
 * Stored values. Raw input is kept as entered: a number field holds a number, or the text the user
 * typed when it did not parse, so validation can report it instead of silently dropping it.
 * `null`, '' and [] mean "not answered".
 */
export type NumberInput = number | string;

/** A grid cell or list-item value (scalar kinds only). */
export type CellValue = string | number | boolean | readonly string[] | null;

export interface SideCell {
  readonly left?: string | null;
  readonly right?: string | null;
}

export type Side = 'left' | 'right';
export const SIDES: readonly Side[] = ['left', 'right'];

/** rowId → { left, right } */
export type SideGridValue = Readonly<Record<string, SideCell | null | undefined>>;

/** segment id → column id → value */
export type LevelGridValue = Readonly<
  Record<string, Readonly<Record<string, CellValue | undefined>> | null | undefined>
>;

/** `id` is stable (made by the caller, e.g. crypto.randomUUID()) so edits and merges track items. */
export interface ListItem {
  readonly id: string;
  readonly values: Readonly<Record<string, CellValue | undefined>>;
}

export type ListValue = readonly ListItem[];

export type FieldValue = CellValue | SideGridValue | LevelGridValue | ListValue;

/** Values keyed by field id; computed fields are never stored (see derived.ts). */
export type EvaluationValues = Readonly<Record<string, FieldValue | undefined>>;

export interface EvaluationDocument {
  readonly schemaVersion: number;
  readonly values: EvaluationValues;
}

export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * For the renderer: turn typed text into what to store. Accepts a decimal comma and the Unicode
 * minus sign (pasted T-scores); returns the number, null for empty, or the raw text unchanged.
 */
export function parseNumberInput(raw: string): NumberInput | null {
  const t = raw.trim();
  if (t === '') return null;
  const normalised = t.replace(',', '.').replace('\u2212', '-');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalised)) return raw;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : raw;
}
