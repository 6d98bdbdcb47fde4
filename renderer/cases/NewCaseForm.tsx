import { useState } from 'react';
import type { FormEvent } from 'react';
import { createCaseInputSchema } from '../../shared/contract/schemas.ts';
import type { CreateCaseInput } from '../../shared/contract/schemas.ts';
import type { PatientDetailDifference, PatientOnRecord } from '../../shared/domain/patient-details.ts';
import { patientDetailDifferences } from '../../shared/domain/patient-details.ts';
import type { CaseRecord } from '../../shared/domain/case.ts';
import { api } from '../api.ts';
import { fieldErrors } from '../app/field-errors.ts';
import { CaseFields } from './CaseFields.tsx';
import { PatientDetailsDialog } from './PatientDetailsDialog.tsx';
import type { CaseFormState } from './case-form-state.ts';
import { emptyCaseForm, errorsByField, patientFromForm } from './case-form-state.ts';

interface Mismatch {
  input: CreateCaseInput;
  recorded: PatientOnRecord;
  differences: PatientDetailDifference[];
}

interface Props {
  onCreated: (c: CaseRecord) => void;
  onCancel: () => void;
}

export function NewCaseForm({ onCreated, onCancel }: Props) {
  const [form, setForm] = useState<CaseFormState>(emptyCaseForm);
  const [errors, setErrors] = useState<Partial<Record<keyof CaseFormState, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [mismatch, setMismatch] = useState<Mismatch | null>(null);

  const create = async (input: CreateCaseInput): Promise<void> => {
    setBusy(true);
    const result = await api['cases.create'](input);
    if (result.ok) {
      setBusy(false);
      onCreated(result.value);
      return;
    }
    // The MRN's patient is on record with other details: show both and let the user decide.
    if (result.error.code === 'PATIENT_DETAILS_DIFFER' && input.patient) {
      const recorded = await api['patients.lookup']({ mrn: input.patient.mrn });
      if (recorded.ok && recorded.value) {
        setBusy(false);
        setMismatch({
          input,
          recorded: recorded.value,
          differences: patientDetailDifferences(recorded.value, input.patient),
        });
        return;
      }
    }
    setBusy(false);
    setFailure(result.error.message);
  };

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
    setFailure(null);
    await create(parsed.data);
  };
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    void submit();
  };

  return (
    <>
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
      {mismatch && (
        <PatientDetailsDialog
          recorded={mismatch.recorded}
          differences={mismatch.differences}
          onBack={() => setMismatch(null)}
          onChoose={(patientDetails) => {
            setMismatch(null);
            void create({ ...mismatch.input, patientDetails });
          }}
        />
      )}
    </>
  );
}
