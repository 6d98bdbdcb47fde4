import type { EvaluationConfig } from '../config.ts';
import type { ValueReader } from '../reader.ts';

/** A computed field's value: available with a display text, or why not (shown in the UI). */
export type DerivedValue =
  | { readonly available: true; readonly value: number | string | boolean; readonly text: string }
  | { readonly available: false; readonly reason: string };

export type DerivedValues = Readonly<Record<string, DerivedValue>>;

export type Derivation = (r: ValueReader, config: EvaluationConfig) => DerivedValue;

export const derived = (value: number | string | boolean, text: string): DerivedValue => ({
  available: true,
  value,
  text,
});

export const unavailable = (reason: string): DerivedValue => ({ available: false, reason });

/** "Needs height and weight" from the labels of what is missing. */
export function needs(...missing: (string | false)[]): DerivedValue {
  const names = missing.filter((m): m is string => m !== false);
  const list =
    names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
  return unavailable(`Needs ${list}`);
}
