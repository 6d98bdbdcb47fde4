import type { Database } from 'better-sqlite3';
import { prepared } from './statements.ts';

export interface CaseInstanceFile {
  instanceId: number;
  seriesId: number;
  sopInstanceUid: string;
  seriesInstanceUid: string;
  /** Relative to the store root. */
  filePath: string;
  modality: string | null;
  seriesDescription: string | null;
  instanceNumber: number | null;
}

/** Every stored instance of the case's linked studies, study by study, series by series. */
export function caseInstanceFiles(db: Database, caseId: number): CaseInstanceFile[] {
  return prepared<[number], CaseInstanceFile>(
    db,
    `SELECT i.id AS instanceId, se.id AS seriesId, i.sop_instance_uid AS sopInstanceUid,
        se.series_uid AS seriesInstanceUid, i.file_path AS filePath, se.modality,
        se.description AS seriesDescription, i.instance_number AS instanceNumber
      FROM case_studies cs JOIN series se ON se.study_id = cs.study_id JOIN instances i ON i.series_id = se.id
      WHERE cs.case_id = ? ORDER BY cs.study_id, se.series_number, se.id, i.instance_number, i.id`,
  ).all(caseId);
}

/** Studies (ids) that hold any of these SOP instances. */
export function studiesOfInstances(db: Database, sopInstanceUids: readonly string[]): number[] {
  const ids = new Set<number>();
  for (const uid of sopInstanceUids) {
    const row = prepared<[string], { studyId: number }>(
      db,
      `SELECT se.study_id AS studyId FROM instances i JOIN series se ON se.id = i.series_id
        WHERE i.sop_instance_uid = ?`,
    ).get(uid);
    if (row) ids.add(row.studyId);
  }
  return [...ids];
}

/** SOP Instance and Series Instance UIDs of a stored instance / series. */
export const instanceUids = (db: Database, instanceId: number): { sop: string; series: string } | null =>
  prepared<[number], { sop: string; series: string }>(
    db,
    `SELECT i.sop_instance_uid AS sop, se.series_uid AS series FROM instances i JOIN series se ON se.id = i.series_id
      WHERE i.id = ?`,
  ).get(instanceId) ?? null;

export const seriesUid = (db: Database, seriesId: number): string | null =>
  prepared<[number], { uid: string }>(db, 'SELECT series_uid AS uid FROM series WHERE id = ?').get(seriesId)
    ?.uid ?? null;
