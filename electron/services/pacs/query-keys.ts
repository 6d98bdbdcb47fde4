import type { StudyQuery } from '../../../shared/contract/pacs-schemas.ts';

const dicomDate = (iso: string): string => iso.replaceAll('-', '');

/**
 * A study search as DICOM matching keys (PS3.4 C.2.2.2): the same keys serve QIDO-RS query
 * parameters and C-FIND identifiers. Names keep the user's * and ? wildcards; a date range is
 * "from-to" with either end open.
 */
export function studyMatchingKeys(q: StudyQuery): Record<string, string> {
  const keys: Record<string, string> = {};
  if (q.patientId) keys.PatientID = q.patientId;
  if (q.patientName) keys.PatientName = q.patientName;
  if (q.birthDate) keys.PatientBirthDate = dicomDate(q.birthDate);
  if (q.from || q.to) keys.StudyDate = `${q.from ? dicomDate(q.from) : ''}-${q.to ? dicomDate(q.to) : ''}`;
  if (q.modality) keys.ModalitiesInStudy = q.modality;
  if (q.accession) keys.AccessionNumber = q.accession;
  return keys;
}

/** YYYYMMDD → YYYY-MM-DD (null when absent or malformed). */
export function isoDate(dicom: string | undefined | null): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(dicom ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
