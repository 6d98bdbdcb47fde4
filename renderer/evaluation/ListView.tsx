import { useRef } from 'react';
import type { EvaluationValues, ListField, ValidationMessage } from '../../shared/evaluation/index.ts';
import { fieldDomId } from './dom-ids.ts';
import { messagesAt } from './FieldMessages.tsx';
import { ScalarControl } from './ScalarControl.tsx';
import { addListItem, listItems, removeListItem, setListCell } from './values-edit.ts';

interface Props {
  field: ListField;
  values: EvaluationValues;
  messages: readonly ValidationMessage[];
  update: (edit: (v: EvaluationValues) => EvaluationValues) => void;
  readOnly: boolean;
}

const newItemId = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;

/** A repeatable list (treatments, actions): one fieldset per item, add and remove by keyboard. */
export function ListView({ field, values, messages, update, readOnly }: Props) {
  const items = listItems(values, field.id);
  const focusAfterAdd = useRef<string | null>(null);
  return (
    <div className="ev-list">
      {items.length === 0 && <p className="muted">None recorded.</p>}
      {items.map((item, index) => (
        <fieldset key={item.id} className="ev-list-item">
          <legend>{`${field.itemLabel} ${index + 1}`}</legend>
          <div className="ev-level-cells">
            {field.itemFields.map((f) => {
              const id = fieldDomId(field.id, item.id, f.id);
              const cellMessages = messagesAt(messages, index, f.id);
              const control = (
                <ScalarControl
                  id={id}
                  field={f}
                  value={item.values[f.id]}
                  invalid={cellMessages.length > 0}
                  onChange={(value) => update((v) => setListCell(v, field.id, item.id, f.id, value))}
                />
              );
              return (
                <div key={f.id} className={f.kind === 'multiChoice' ? 'ev-cell ev-cell-wide' : 'ev-cell'}>
                  <label
                    htmlFor={id}
                    ref={(el) => {
                      if (el && focusAfterAdd.current === item.id && f === field.itemFields[0]) {
                        focusAfterAdd.current = null;
                        document.getElementById(id)?.focus();
                      }
                    }}
                  >
                    {f.label}
                    {f.requiredInItem ? <span className="muted"> (required)</span> : null}
                  </label>
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
          {!readOnly && (
            <button
              type="button"
              className="button-quiet"
              onClick={() => update((v) => removeListItem(v, field.id, item.id))}
            >
              {`Remove ${field.itemLabel.toLowerCase()} ${index + 1}`}
            </button>
          )}
        </fieldset>
      ))}
      {!readOnly && items.length < field.maxItems && (
        <button
          type="button"
          onClick={() => {
            const id = newItemId();
            focusAfterAdd.current = id;
            update((v) => addListItem(v, field.id, id));
          }}
        >
          {`Add ${field.itemLabel.toLowerCase()}`}
        </button>
      )}
    </div>
  );
}
