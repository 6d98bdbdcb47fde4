import type { DeidOptions } from './actions.ts';

/** A code of CID 7050 "De-identification Method" (coding scheme DCM). */
export interface DeidMethodCode {
  readonly value: string;
  readonly meaning: string;
}

export const BASIC_PROFILE: DeidMethodCode = {
  value: '113100',
  meaning: 'Basic Application Confidentiality Profile',
};
export const CLEAN_DESCRIPTORS: DeidMethodCode = { value: '113105', meaning: 'Clean Descriptors Option' };
export const MODIFIED_DATES: DeidMethodCode = {
  value: '113107',
  meaning: 'Retain Longitudinal Temporal Information Modified Dates Option',
};
export const PATIENT_CHARACTERISTICS: DeidMethodCode = {
  value: '113108',
  meaning: 'Retain Patient Characteristics Option',
};

/** The profile and the options applied, in the order PS3.15 lists them. */
export function methodCodes(options: DeidOptions): DeidMethodCode[] {
  return [
    BASIC_PROFILE,
    ...(options.cleanDescriptors ? [CLEAN_DESCRIPTORS] : []),
    ...(options.modifiedDates ? [MODIFIED_DATES] : []),
    ...(options.retainPatientCharacteristics ? [PATIENT_CHARACTERISTICS] : []),
  ];
}

/** DeidentificationMethod (0012,0063) values (LO, at most 64 characters each): the profile and options. */
export const methodText = (options: DeidOptions): string[] => methodCodes(options).map((c) => c.meaning);
