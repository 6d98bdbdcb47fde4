import { isVisible, requirementHolds, unitSpecOf } from '../../shared/evaluation/index.ts';
import type {
  DerivedValues,
  EvaluationValues,
  SectionDefinition,
  ValidationResult,
} from '../../shared/evaluation/index.ts';
import { FieldView } from './FieldView.tsx';

interface Props {
  section: SectionDefinition;
  values: EvaluationValues;
  derived: DerivedValues;
  validation: ValidationResult;
  update: (edit: (v: EvaluationValues) => EvaluationValues) => void;
  readOnly: boolean;
  headingRef: (el: HTMLHeadingElement | null) => void;
}

const NO_MESSAGES: never[] = [];

/** A number's own messages plus those of its unit choice, shown together under the field. */
function messagesWithUnit(validation: ValidationResult, fieldId: string) {
  const unitField = unitSpecOf(fieldId)?.unitField;
  const own = validation.byField[fieldId] ?? NO_MESSAGES;
  const unit = unitField ? validation.byField[unitField] : undefined;
  return unit ? [...own, ...unit] : own;
}

/** One section of the form: its visible fields in schema order. */
export function SectionForm({ section, values, derived, validation, update, readOnly, headingRef }: Props) {
  return (
    <section className="ev-section" aria-labelledby={`ev-section-${section.id}`}>
      <h3 id={`ev-section-${section.id}`} tabIndex={-1} ref={headingRef}>
        {section.title}
      </h3>
      {section.description && <p className="ev-help">{section.description}</p>}
      <fieldset disabled={readOnly} className="ev-fields">
        <legend className="visually-hidden">{section.title}</legend>
        {section.fields
          // A unit choice is drawn inside its number field.
          .filter((f) => isVisible(f, values) && !(f.kind === 'singleChoice' && f.unitOf))
          .map((f) => (
            <FieldView
              key={f.id}
              field={f}
              values={values}
              derived={derived}
              messages={messagesWithUnit(validation, f.id)}
              update={update}
              readOnly={readOnly}
              required={
                requirementHolds(f.requiredForDecision, values) ||
                requirementHolds(f.requiredForRecord, values)
              }
            />
          ))}
      </fieldset>
    </section>
  );
}
