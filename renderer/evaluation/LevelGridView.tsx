import {
  columnAppliesTo,
  isVisible,
  levelGridRows,
  levelGridValue,
  visibleColumns,
} from '../../shared/evaluation/index.ts';
import type { EvaluationValues, LevelGridField, ValidationMessage } from '../../shared/evaluation/index.ts';
import { fieldDomId } from './dom-ids.ts';
import { messagesAt } from './FieldMessages.tsx';
import { ScalarControl } from './ScalarControl.tsx';
import { setLevelCell } from './values-edit.ts';

interface Props {
  field: LevelGridField;
  values: EvaluationValues;
  messages: readonly ValidationMessage[];
  update: (edit: (v: EvaluationValues) => EvaluationValues) => void;
}

/**
 * The per-level findings: one card per segment (the construct ± margin, and any level already
 * holding data), with the columns that apply to a fused or an adjacent level.
 */
export function LevelGridView({ field, values, messages, update }: Props) {
  const rows = levelGridRows(field, values);
  if (!rows.length)
    return <p className="muted">Enter the levels fused (Index surgery) to list the levels here.</p>;
  const grid = levelGridValue(field, values);
  const columns = visibleColumns(field, values);
  return (
    <div className="ev-levels">
      {rows.map((row) => (
        <fieldset key={row.level} className={`ev-level${row.fused ? ' fused' : ''}`}>
          <legend>
            {row.level}{' '}
            <span className="muted">
              {row.fused ? 'fused' : row.extra ? 'outside the construct (has findings)' : 'adjacent'}
            </span>
          </legend>
          <div className="ev-level-cells">
            {columns
              .filter((c) => columnAppliesTo(c, row) && isVisible(c, values))
              .map((column) => {
                const id = fieldDomId(field.id, row.level, column.id);
                const cellMessages = messagesAt(messages, row.level, column.id);
                const control = (
                  <ScalarControl
                    id={id}
                    field={column}
                    value={grid[row.level]?.[column.id]}
                    invalid={cellMessages.length > 0}
                    ariaLabel={column.kind === 'multiChoice' ? undefined : `${row.level} ${column.label}`}
                    onChange={(value) =>
                      update((v) => setLevelCell(v, field.id, row.level, column.id, value))
                    }
                  />
                );
                return column.kind === 'multiChoice' ? (
                  <fieldset key={column.id} className="ev-cell ev-cell-wide">
                    <legend>{column.label}</legend>
                    {control}
                  </fieldset>
                ) : (
                  <div key={column.id} className="ev-cell">
                    <label htmlFor={id}>{column.label}</label>
                    {control}
                    {cellMessages.map((m, i) => (
                      <p key={i} className="field-error">
                        {m.message}
                      </p>
                    ))}
                  </div>
                );
              })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
