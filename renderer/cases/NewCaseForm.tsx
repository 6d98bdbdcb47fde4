import { useState } from 'react';
import type { FormEvent } from 'react';
import { createCaseInputSchema } from '../../shared/contract/schemas.ts';
import type { CaseRecord } from '../../shared/domain/case.ts';
import { api } from '../api.ts';
import { fieldErrors } from '../app/field-errors.ts';
import { CaseFields } from './CaseFields.tsx';
import type { CaseFormState } from './case-form-state.ts';
import { emptyCaseForm, errorsByField, patientFromForm } from './case-form-state.ts';

interface Props {
  onCreated: (c: CaseRecord) => void;
  onCancel: () => void;
}

export function NewCaseForm({ onCreated, onCancel }: Props) {
  const [form, setForm] = useState<CaseFormState>(emptyCaseForm);
  const [errors, setErrors] = useState<Partial<Record<keyof CaseFormState, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    const patient = patientFromForm(form);
    const parsed = createCaseInputSchema.safeParse({
      title: form.title,
      clinicalQuestion: form.clinicalQuestion,
      ...(patient ? { patient } : {}),
    });
    if (!parsed.success) {
      setErrors(errorsByField(fieldErrors(parsed.error.issues)));
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await api['cases.create'](parsed.data);
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else setFailure(result.error.message);
  };
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    void submit();
  };

  return (
    <form
      className="panel new-case"
      aria-labelledby="new-case-heading"
      onSubmit={onSubmit}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h2 id="new-case-heading">New case</h2>
      <CaseFields form={form} errors={errors} onChange={setForm} autoFocusTitle />
      {failure && (
        <p role="alert" className="error-text">
          {failure}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={busy}>
          Create case
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
