import { useContext } from 'react';
import type { EvaluationValues } from '../../../shared/evaluation/index.ts';
import { formValueOf, holdsMeasured } from '../../../shared/measurements/override.ts';
import { setField, setLevelCell } from '../values-edit.ts';
import { MeasuredContext } from './measured-context.ts';

/**
 * Beside a field the measurements can fill: "measured" with the value and a link to its image when
 * the form holds it; otherwise the measured value with a button to use it. Typing over a measured
 * value asks for a reason first (OverrideDialog), kept in the case history.
 */
export function MeasuredMarker({
  fieldId,
  values,
  update,
  readOnly,
}: {
  fieldId: string;
  values: EvaluationValues;
  update: (edit: (v: EvaluationValues) => EvaluationValues) => void;
  readOnly: boolean;
}) {
  const measured = useContext(MeasuredContext);
  const fields = measured?.fields.filter((f) => f.fieldId === fieldId) ?? [];
  if (!measured || fields.length === 0) return null;
  const viewer = `#/cases/${measured.caseId}/viewer`;
  return (
    <div className="ev-measured" data-testid={`measured-${fieldId}`}>
      {fields.map((f) => {
        const now = formValueOf(values, f);
        const same = holdsMeasured(now, f);
        const where = f.level
          ? `${f.level} ${f.column === 'translationMm' ? 'translation' : 'angulation'}: `
          : '';
        const use = (): void =>
          update((v) =>
            f.level && f.column
              ? setLevelCell(v, f.fieldId, f.level, f.column, f.value)
              : setField(v, f.fieldId, f.value),
          );
        return (
          <p key={`${f.level}-${f.column}`} className={same ? 'ev-measured-on' : 'ev-measured-off'}>
            {same ? <strong>measured</strong> : 'Measured'} {where}
            {f.value} {f.unit} · <a href={viewer}>image</a>
            {!same && typeof now === 'number' && ' · typed value overrides it'}
            {!same && !readOnly && (
              <>
                {' '}
                <button type="button" onClick={use}>
                  Use measured
                </button>
              </>
            )}
          </p>
        );
      })}
    </div>
  );
}
