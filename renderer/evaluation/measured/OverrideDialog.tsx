import { useId, useState } from 'react';
import type { EvaluationValues } from '../../../shared/evaluation/index.ts';
import { parseNumberInput } from '../../../shared/evaluation/index.ts';
import type { PendingOverride } from '../../../shared/measurements/override.ts';
import { measuredFieldLabel } from '../../../shared/measurements/override.ts';
import { api } from '../../api.ts';
import { ModalDialog } from '../../app/ModalDialog.tsx';
import { setField, setLevelCell } from '../values-edit.ts';

interface Props {
  caseId: number;
  pending: PendingOverride;
  /** Applies the override to the form (after the reason is recorded). */
  onOverride: (edit: (v: EvaluationValues) => EvaluationValues) => void;
  onCancel: () => void;
}

const textOf = (v: number | string | null): string => (v === null ? '' : String(v));

/**
 * Typing over a value a measurement filled in asks why: the reason, with the measured, old and new
 * values, goes to the case history before the form takes the typed value. Cancel keeps the measured value.
 */
export function OverrideDialog({ caseId, pending, onOverride, onCancel }: Props) {
  const id = useId();
  const f = pending.field;
  const [value, setValue] = useState(textOf(pending.newValue));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (): Promise<void> => {
    const newValue = parseNumberInput(value);
    const r = await api['measurements.recordOverride']({
      caseId,
      measurementId: f.measurementId,
      fieldId: f.fieldId,
      level: f.level,
      column: f.column,
      previousValue: pending.previousValue,
      newValue: typeof newValue === 'number' || typeof newValue === 'string' ? newValue : null,
      reason,
    });
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    onOverride((v) =>
      f.level && f.column
        ? setLevelCell(v, f.fieldId, f.level, f.column, newValue)
        : setField(v, f.fieldId, newValue),
    );
  };
  const unit = f.unit === '°' ? '°' : ` ${f.unit}`;
  return (
    <ModalDialog title="Override the measured value?" onEscape={onCancel}>
      <p>
        {measuredFieldLabel(f)} was measured on the image: <strong>{`${f.value}${unit}`}</strong>. A typed
        value replaces it; the reason is kept in the case history with your name, the measured and the typed
        value.
      </p>
      <div className="field">
        <label htmlFor={`${id}-value`}>New value ({f.unit})</label>
        <input
          id={`${id}-value`}
          type="text"
          inputMode="decimal"
          autoFocus
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason for overriding the measurement</label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          required
          value={reason}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={onCancel}>
          Keep the measured value
        </button>
        <button type="button" className="button-primary" onClick={() => void submit()}>
          Override
        </button>
      </div>
    </ModalDialog>
  );
}
