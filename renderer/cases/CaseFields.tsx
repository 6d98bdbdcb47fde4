import { useId } from 'react';
import type { Sex } from '../../shared/domain/case.ts';
import { SEX_LABELS } from '../../shared/domain/patient-details.ts';
import { FieldError } from '../app/FieldError.tsx';
import type { CaseFormState } from './case-form-state.ts';

interface Props {
  form: CaseFormState;
  errors: Partial<Record<keyof CaseFormState, string>>;
  onChange: (form: CaseFormState) => void;
  disabled?: boolean;
  autoFocusTitle?: boolean;
}

/** Title, clinical question and patient identity: shared by "New case" and the case page. */
export function CaseFields({ form, errors, onChange, disabled = false, autoFocusTitle = false }: Props) {
  const id = useId();
  const field = (name: keyof CaseFormState) => ({
    id: `${id}-${name}`,
    value: form[name],
    disabled,
    'aria-invalid': !!errors[name],
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
    onChange: (e: { target: { value: string } }) => onChange({ ...form, [name]: e.target.value }),
  });
  const error = (name: keyof CaseFormState) => (
    <FieldError id={`${id}-${name}-error`} message={errors[name]} />
  );

  return (
    <div className="case-fields">
      <div className="field wide">
        <label htmlFor={`${id}-title`}>Case title</label>
        <input
          {...field('title')}
          autoFocus={autoFocusTitle}
          placeholder="e.g. L4–S1 fusion, recurrent leg pain"
        />
        {error('title')}
      </div>
      <div className="field wide">
        <label htmlFor={`${id}-clinicalQuestion`}>Question for the team</label>
        <textarea {...field('clinicalQuestion')} rows={3} placeholder="What should the conference decide?" />
        {error('clinicalQuestion')}
      </div>
      <fieldset className="patient-fields" disabled={disabled}>
        <legend>Patient</legend>
        <div className="field">
          <label htmlFor={`${id}-mrn`}>MRN</label>
          <input {...field('mrn')} className="mono" />
          {error('mrn')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-patientName`}>Name</label>
          <input {...field('patientName')} placeholder="FAMILY^Given" />
          {error('patientName')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-birthDate`}>Birth date</label>
          <input {...field('birthDate')} type="date" />
          {error('birthDate')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-sex`}>Sex</label>
          <select {...field('sex')}>
            <option value="">—</option>
            {(Object.keys(SEX_LABELS) as Sex[]).map((s) => (
              <option key={s} value={s}>
                {SEX_LABELS[s]}
              </option>
            ))}
          </select>
          {error('sex')}
        </div>
      </fieldset>
    </div>
  );
}
