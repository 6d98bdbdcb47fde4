import { useEffect, useState } from 'react';
import type { NumberField } from '../../shared/evaluation/index.ts';
import { parseNumberInput } from '../../shared/evaluation/index.ts';

/** A unit selector drawn in place of the fixed unit (labs reported in several units). */
export interface UnitChoice {
  readonly codes: readonly string[];
  readonly value: string;
  readonly onChange: (code: string) => void;
}

interface Props {
  id: string;
  field: NumberField;
  unitChoice?: UnitChoice | undefined;
  value: unknown;
  onChange: (value: number | string | null) => void;
  invalid: boolean;
  describedBy?: string | undefined;
  ariaLabel?: string | undefined;
}

const textOf = (value: unknown): string =>
  typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';

/**
 * A number as typed: the text stays exactly as entered ("7,5", "8O") while the stored value is
 * the parsed number, or the raw text when it does not parse, so validation can point at it.
 */
export function NumberInput({
  id,
  field,
  unitChoice,
  value,
  onChange,
  invalid,
  describedBy,
  ariaLabel,
}: Props) {
  const [text, setText] = useState(() => textOf(value));
  useEffect(() => {
    // Follow changes from outside (load, another field) unless they are what the text already says.
    if (parseNumberInput(text) !== (value ?? null)) setText(textOf(value));
  }, [value]);
  return (
    <span className="ev-number">
      <input
        id={id}
        type="text"
        inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'}
        autoComplete="off"
        value={text}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        aria-label={ariaLabel}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseNumberInput(e.target.value));
        }}
      />
      {unitChoice ? (
        <select
          className="ev-unit-select"
          aria-label={`${ariaLabel ?? field.label} unit`}
          value={unitChoice.value}
          onChange={(e) => unitChoice.onChange(e.target.value)}
        >
          {unitChoice.codes.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      ) : (
        field.unit && (
          <span className="ev-unit" aria-hidden="true">
            {field.unit}
          </span>
        )
      )}
    </span>
  );
}
