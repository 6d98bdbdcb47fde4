import { isVisible, requirementHolds } from '../../shared/evaluation/index.ts';
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
          .filter((f) => isVisible(f, values))
          .map((f) => (
            <FieldView
              key={f.id}
              field={f}
              values={values}
              derived={derived}
              messages={validation.byField[f.id] ?? NO_MESSAGES}
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
