import { readFile } from 'node:fs/promises';
import { parseDicom } from '../../../../shared/dicom/parse.ts';
import type { InstanceHeader } from '../../../../shared/imaging/header.ts';
import { readHeader } from '../../../../shared/imaging/read-header.ts';

/** The patient and study an object the app sends belongs to, copied from a stored original. */
export interface PatientStudy {
  header: InstanceHeader;
}

const da = (iso: string | null): string => (iso ? iso.replaceAll('-', '') : '');

/** Reads the identifiers of a stored instance (the file the archive itself sent or the CD held). */
export async function patientStudyOf(path: string): Promise<PatientStudy> {
  const bytes = await readFile(path);
  const reading = readHeader(parseDicom(bytes), bytes.length);
  if (reading.kind !== 'instance') throw new Error('The stored object is not an image instance.');
  return { header: reading.header };
}

/**
 * Patient and General Study modules (PS3.3 C.7.1.1, C.7.2.1) exactly as the archive knows them, so
 * the sent object files under the same patient and study. Type 2 attributes are present, maybe empty.
 */
export function patientStudyModules({ header: { patient, study } }: PatientStudy): Record<string, unknown> {
  return {
    SpecificCharacterSet: 'ISO_IR 192',
    PatientName: patient.name ?? '',
    PatientID: patient.id.startsWith('NO-ID:') ? '' : patient.id,
    ...(patient.issuer ? { IssuerOfPatientID: patient.issuer } : {}),
    PatientBirthDate: da(patient.birthDate),
    PatientSex: patient.sex ?? '',
    StudyInstanceUID: study.uid,
    StudyDate: da(study.date),
    StudyTime: study.time ?? '',
    ReferringPhysicianName: study.referringPhysician ?? '',
    StudyID: study.studyId ?? '',
    AccessionNumber: study.accession ?? '',
    ...(study.description ? { StudyDescription: study.description } : {}),
  };
}
