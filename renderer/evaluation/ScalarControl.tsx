import type { CellValue } from '../../shared/evaluation/index.ts';
import type { ScalarField } from '../../shared/evaluation-export/index.ts';
import { NumberInput } from './NumberInput.tsx';
import { toggleCode } from './values-edit.ts';

export interface ControlProps {
  id: string;
  field: ScalarField;
  value: unknown;
  onChange: (value: CellValue) => void;
  invalid: boolean;
  required?: boolean;
  describedBy?: string | undefined;
  /** When no <label for> names the control (grid cells). */
  ariaLabel?: string | undefined;
}

const NOT_ANSWERED = '—';

/** The control for one scalar value; multi-choice renders its checkboxes (the caller gives the legend). */
export function ScalarControl(props: ControlProps) {
  const { id, field, value, onChange, invalid, required = false, describedBy, ariaLabel } = props;
  const common = {
    id,
    'aria-invalid': invalid,
    'aria-required': required || undefined,
    'aria-describedby': describedBy,
    'aria-label': ariaLabel,
  };
  switch (field.kind) {
    case 'integer':
    case 'decimal':
      return (
        <NumberInput
          id={id}
          field={field}
          value={value}
          onChange={onChange}
          invalid={invalid}
          describedBy={describedBy}
          ariaLabel={ariaLabel}
        />
      );
    case 'text':
      return (
        <input
          {...common}
          type="text"
          maxLength={field.maxLength}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'longText':
      return (
        <textarea
          {...common}
          rows={3}
          maxLength={field.maxLength}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'date':
      return (
        <input
          {...common}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'boolean':
      return (
        <select
          {...common}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(e) => onChange(e.target.value === '' ? null : e.target.value === 'yes')}
        >
          <option value="">{NOT_ANSWERED}</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      );
    case 'singleChoice':
      return (
        <select
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{NOT_ANSWERED}</option>
          {field.options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.unverified ? `${o.label} (check)` : o.label}
            </option>
          ))}
          {typeof value === 'string' && value && !field.options.some((o) => o.code === value) && (
            <option value={value}>{`“${value}” (not an option)`}</option>
          )}
        </select>
      );
    case 'score':
      return (
        <select
          {...common}
          value={typeof value === 'number' ? String(value) : ''}
          onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">{NOT_ANSWERED}</option>
          {field.options.map((o) => (
            <option key={o.score} value={String(o.score)}>{`${o.score} — ${o.label}`}</option>
          ))}
        </select>
      );
    case 'multiChoice': {
      const codes = Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string') : [];
      const exclusive = field.options.filter((o) => o.exclusive).map((o) => o.code);
      return (
        <div className="ev-checks" id={id}>
          {field.options.map((o) => (
            <label key={o.code} className="ev-check">
              <input
                type="checkbox"
                checked={codes.includes(o.code)}
                aria-describedby={describedBy}
                onChange={(e) => onChange(toggleCode(codes, o.code, e.target.checked, exclusive))}
              />
              {o.unverified ? `${o.label} (check)` : o.label}
            </label>
          ))}
        </div>
      );
    }
  }
}
