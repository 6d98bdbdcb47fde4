import type { PatientInput } from '../contract/schemas.ts';
import type { Patient, Sex } from './case.ts';

/** The patient details a case form can type over a stored patient (the MRN only finds the patient). */
export const PATIENT_DETAIL_FIELDS = ['name', 'birthDate', 'sex'] as const;
export type PatientDetailField = (typeof PATIENT_DETAIL_FIELDS)[number];

export const PATIENT_DETAIL_LABELS: Record<PatientDetailField, string> = {
  name: 'Name',
  birthDate: 'Birth date',
  sex: 'Sex',
};

export const SEX_LABELS: Record<Sex, string> = { F: 'Female', M: 'Male', O: 'Other', U: 'Unknown' };

/** A recorded or typed detail as a person reads it (sex spelled out). */
export const showPatientDetail = (field: PatientDetailField, value: string): string =>
  field === 'sex' ? (SEX_LABELS[value as Sex] ?? value) : value;

/** One detail typed for a patient already on record that would change what is recorded. */
export interface PatientDetailDifference {
  field: PatientDetailField;
  /** What is recorded (null: nothing recorded, the typed value would fill the gap). */
  recorded: string | null;
  entered: string;
}

/**
 * The details typed in a case form that differ from the patient on record (or fill a detail the
 * record lacks). Details left empty change nothing and are not listed.
 */
export function patientDetailDifferences(
  recorded: Pick<Patient, PatientDetailField>,
  entered: PatientInput,
): PatientDetailDifference[] {
  const out: PatientDetailDifference[] = [];
  for (const field of PATIENT_DETAIL_FIELDS) {
    const typed = entered[field]?.trim();
    if (!typed) continue;
    const stored = recorded[field];
    if (stored !== typed) out.push({ field, recorded: stored, entered: typed });
  }
  return out;
}

/** A patient on record for an MRN, and whether imported imaging (DICOM) names them. */
export interface PatientOnRecord extends Patient {
  fromImaging: boolean;
}

/**
 * When a case is created for a patient already on record whose details differ from those typed:
 * keep what is recorded (imaging-derived details stay as the images say), or replace them with
 * what was typed (audited).
 */
export const PATIENT_DETAILS_CHOICES = ['keep-recorded', 'use-entered'] as const;
export type PatientDetailsChoice = (typeof PATIENT_DETAILS_CHOICES)[number];
