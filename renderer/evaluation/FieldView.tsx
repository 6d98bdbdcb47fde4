import type {
  DerivedValues,
  EvaluationValues,
  FieldDefinition,
  ValidationMessage,
} from '../../shared/evaluation/index.ts';
import { unitSpecOf } from '../../shared/evaluation/index.ts';
import { fieldBlockId, fieldDomId } from './dom-ids.ts';
import { FieldMessages } from './FieldMessages.tsx';
import { MeasuredMarker } from './measured/MeasuredMarker.tsx';
import { LevelGridView } from './LevelGridView.tsx';
import { ListView } from './ListView.tsx';
import { NumberInput } from './NumberInput.tsx';
import { ScalarControl } from './ScalarControl.tsx';
import { SideGridView } from './SideGridView.tsx';
import { setField } from './values-edit.ts';

export interface FieldViewProps {
  field: FieldDefinition;
  values: EvaluationValues;
  derived: DerivedValues;
  messages: readonly ValidationMessage[];
  update: (edit: (v: EvaluationValues) => EvaluationValues) => void;
  readOnly: boolean;
  required: boolean;
}

/** One field of the form, drawn from its schema definition: label, help, unit, control, messages. */
export function FieldView({ field, values, derived, messages, update, readOnly, required }: FieldViewProps) {
  const id = fieldDomId(field.id);
  const helpId = `${id}-help`;
  const messagesId = `${id}-messages`;
  // Level-grid and list cells show their own messages; everything else is listed under the field.
  const cellsShowOwn = field.kind === 'levelGrid' || field.kind === 'list';
  const own = cellsShowOwn ? messages.filter((m) => m.path.length === 0) : messages;
  const describedBy =
    [field.help ? helpId : '', own.length ? messagesId : ''].filter(Boolean).join(' ') || undefined;
  // The star is visual and outside <label>; controls carry aria-required, so names stay the labels.
  const star = required ? (
    <span className="ev-required" aria-hidden="true" title="Needed for the conference">
      {' *'}
    </span>
  ) : null;
  const label = (
    <>
      {field.label}
      {star}
    </>
  );
  const help = field.help ? (
    <p id={helpId} className="ev-help">
      {field.help}
    </p>
  ) : null;

  if (field.kind === 'computed') {
    const d = derived[field.id];
    return (
      <div className="ev-field ev-computed" id={fieldBlockId(field.id)}>
        <span className="ev-label" id={`${id}-label`}>
          {label}
        </span>
        <output
          id={id}
          aria-labelledby={`${id}-label`}
          className={d?.available ? 'ev-computed-value' : 'muted'}
        >
          {d?.available ? d.text : (d?.reason ?? 'Not computed')}
        </output>
        <p className="ev-help">
          Computed: {field.formula}. Source: {field.source}.
        </p>
      </div>
    );
  }

  const grouped = ['multiChoice', 'sideGrid', 'levelGrid', 'list'].includes(field.kind);
  const body = (() => {
    switch (field.kind) {
      case 'sideGrid':
        return (
          <SideGridView
            field={field}
            values={values}
            messages={messages}
            update={update}
            describedBy={describedBy}
          />
        );
      case 'levelGrid':
        return <LevelGridView field={field} values={values} messages={messages} update={update} />;
      case 'list':
        return (
          <ListView field={field} values={values} messages={messages} update={update} readOnly={readOnly} />
        );
      case 'integer':
      case 'decimal': {
        const spec = unitSpecOf(field.id);
        if (!spec) break;
        const stored = values[spec.unitField];
        return (
          <NumberInput
            id={id}
            field={field}
            value={values[field.id]}
            invalid={own.some((m) => m.severity === 'error')}
            describedBy={describedBy}
            onChange={(value) => update((v) => setField(v, field.id, value))}
            unitChoice={{
              codes: spec.options.map((o) => o.code),
              value: typeof stored === 'string' && stored ? stored : (spec.options[0]?.code ?? ''),
              onChange: (code) => update((v) => setField(v, spec.unitField, code)),
            }}
          />
        );
      }
    }
    return (
      <ScalarControl
        id={id}
        field={field}
        value={values[field.id]}
        invalid={own.some((m) => m.severity === 'error')}
        required={required}
        describedBy={describedBy}
        onChange={(value) => update((v) => setField(v, field.id, value))}
      />
    );
  })();

  if (grouped)
    return (
      <fieldset
        className={`ev-field ev-group ev-kind-${field.kind}`}
        id={fieldBlockId(field.id)}
        aria-describedby={describedBy}
      >
        <legend className="ev-label">{label}</legend>
        {help}
        {body}
        <MeasuredMarker fieldId={field.id} values={values} update={update} readOnly={readOnly} />
        <FieldMessages id={messagesId} messages={own} />
      </fieldset>
    );
  return (
    <div className="ev-field" id={fieldBlockId(field.id)}>
      <span className="ev-label">
        <label htmlFor={id}>{field.label}</label>
        {star}
      </span>
      {help}
      {body}
      <MeasuredMarker fieldId={field.id} values={values} update={update} readOnly={readOnly} />
      <FieldMessages id={messagesId} messages={own} />
    </div>
  );
}
