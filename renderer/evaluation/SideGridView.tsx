import { SIDES, isPlainObject, isVisible } from '../../shared/evaluation/index.ts';
import type { EvaluationValues, SideGridField, ValidationMessage } from '../../shared/evaluation/index.ts';
import { fieldDomId } from './dom-ids.ts';
import { messagesAt } from './FieldMessages.tsx';
import { ScalarControl } from './ScalarControl.tsx';
import { setSideCell } from './values-edit.ts';

interface Props {
  field: SideGridField;
  values: EvaluationValues;
  messages: readonly ValidationMessage[];
  update: (edit: (v: EvaluationValues) => EvaluationValues) => void;
  describedBy?: string | undefined;
}

/** Left/right grid (motor, sensory, reflexes): one select per row and side. */
export function SideGridView({ field, values, messages, update, describedBy }: Props) {
  const grid = isPlainObject(values[field.id]) ? (values[field.id] as Record<string, unknown>) : {};
  const rows = field.rows.filter((row) => isVisible(row, values));
  const pseudo = { id: field.id, kind: 'singleChoice' as const, label: field.label, options: field.options };
  return (
    <table className="ev-side-grid">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">{field.label}</span>
          </th>
          <th scope="col">Left</th>
          <th scope="col">Right</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const cell = isPlainObject(grid[row.id]) ? (grid[row.id] as Record<string, unknown>) : {};
          return (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              {SIDES.map((side) => (
                <td key={side}>
                  <ScalarControl
                    id={fieldDomId(field.id, row.id, side)}
                    field={pseudo}
                    value={cell[side]}
                    ariaLabel={`${row.label} ${side}`}
                    invalid={messagesAt(messages, row.id, side).length > 0}
                    describedBy={describedBy}
                    onChange={(code) =>
                      update((v) =>
                        setSideCell(v, field.id, row.id, side, typeof code === 'string' ? code : ''),
                      )
                    }
                  />
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
