import type { PatientInput } from '../../shared/contract/schemas.ts';
import type { CaseRecord, Sex } from '../../shared/domain/case.ts';

/** What the case forms hold while the user types: plain strings, so nothing typed is lost. */
export interface CaseFormState {
  title: string;
  clinicalQuestion: string;
  mrn: string;
  patientName: string;
  birthDate: string;
  sex: Sex | '';
}

export const emptyCaseForm: CaseFormState = {
  title: '',
  clinicalQuestion: '',
  mrn: '',
  patientName: '',
  birthDate: '',
  sex: '',
};

export function formFromCase(c: CaseRecord): CaseFormState {
  return {
    title: c.title,
    clinicalQuestion: c.clinicalQuestion,
    mrn: c.patient?.mrn ?? '',
    patientName: c.patient?.name ?? '',
    birthDate: c.patient?.birthDate ?? '',
    sex: c.patient?.sex ?? '',
  };
}

/** The patient part of the form, or undefined when no patient field was filled in. */
export function patientFromForm(f: CaseFormState): PatientInput | undefined {
  if (!f.mrn.trim() && !f.patientName.trim() && !f.birthDate && !f.sex) return undefined;
  return {
    mrn: f.mrn,
    ...(f.patientName.trim() ? { name: f.patientName } : {}),
    ...(f.birthDate ? { birthDate: f.birthDate } : {}),
    ...(f.sex ? { sex: f.sex } : {}),
  };
}

/** Maps contract paths (patient.mrn) to the form's field names. */
export const FORM_FIELD_OF_PATH: Record<string, keyof CaseFormState> = {
  title: 'title',
  clinicalQuestion: 'clinicalQuestion',
  'patient.mrn': 'mrn',
  'patient.name': 'patientName',
  'patient.birthDate': 'birthDate',
  'patient.sex': 'sex',
};

export function errorsByField(
  pathErrors: Record<string, string>,
): Partial<Record<keyof CaseFormState, string>> {
  const out: Partial<Record<keyof CaseFormState, string>> = {};
  for (const [path, message] of Object.entries(pathErrors)) {
    const field = FORM_FIELD_OF_PATH[path];
    if (field) out[field] ??= message;
  }
  return out;
}
