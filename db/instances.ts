import type { Database } from 'better-sqlite3';
import { prepared } from './statements.ts';

/** Where the stored file of an instance is (relative to the store root) and its SOP identity. */
export function instanceFile(
  db: Database,
  instanceId: number,
): { seriesId: number; filePath: string; sopInstanceUid: string; sopClassUid: string } | null {
  return (
    prepared<[number], { seriesId: number; filePath: string; sopInstanceUid: string; sopClassUid: string }>(
      db,
      `SELECT series_id AS seriesId, file_path AS filePath, sop_instance_uid AS sopInstanceUid,
          sop_class_uid AS sopClassUid FROM instances WHERE id = ?`,
    ).get(instanceId) ?? null
  );
}

/** The DICOM identity of an instance and of its series, study and patient (for SR references). */
export interface InstanceReference {
  instanceId: number;
  sopInstanceUid: string;
  sopClassUid: string;
  seriesUid: string;
  studyUid: string;
  studyDate: string | null;
  studyTime: string | null;
  accession: string | null;
  referringPhysician: string | null;
  studyIdText: string | null;
  patientName: string | null;
  mrn: string;
  birthDate: string | null;
  sex: string | null;
}

export function instanceReference(db: Database, instanceId: number): InstanceReference | null {
  return (
    prepared<[number], InstanceReference>(
      db,
      `SELECT i.id AS instanceId, i.sop_instance_uid AS sopInstanceUid, i.sop_class_uid AS sopClassUid,
          se.series_uid AS seriesUid, st.study_uid AS studyUid, st.study_date AS studyDate,
          st.study_time AS studyTime, st.accession, st.referring_physician AS referringPhysician,
          st.study_id AS studyIdText, p.name AS patientName, p.mrn, p.birth_date AS birthDate, p.sex
        FROM instances i JOIN series se ON se.id = i.series_id JOIN studies st ON st.id = se.study_id
        JOIN patients p ON p.id = st.patient_id WHERE i.id = ?`,
    ).get(instanceId) ?? null
  );
}

export const instanceIdByUid = (db: Database, sopInstanceUid: string): number | null =>
  prepared<[string], { id: number }>(db, 'SELECT id FROM instances WHERE sop_instance_uid = ?').get(
    sopInstanceUid,
  )?.id ?? null;
