import { useEffect, useState } from 'react';
import type { NumberField } from '../../shared/evaluation/index.ts';
import { parseNumberInput } from '../../shared/evaluation/index.ts';

interface Props {
  id: string;
  field: NumberField;
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
export function NumberInput({ id, field, value, onChange, invalid, describedBy, ariaLabel }: Props) {
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
      {field.unit && (
        <span className="ev-unit" aria-hidden="true">
          {field.unit}
        </span>
      )}
    </span>
  );
}
