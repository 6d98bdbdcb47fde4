import type { Database } from 'better-sqlite3';
import type { PatientStudies, StudyNode } from '../shared/imaging/study-tree.ts';
import { prepared } from './statements.ts';

export function linkStudy(
  db: Database,
  caseId: number,
  studyId: number,
  userId: number,
  at: string,
): boolean {
  return (
    prepared(
      db,
      'INSERT INTO case_studies (case_id, study_id, linked_at, linked_by) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ).run(caseId, studyId, at, userId).changes > 0
  );
}

export function unlinkStudy(db: Database, caseId: number, studyId: number): boolean {
  return (
    prepared(db, 'DELETE FROM case_studies WHERE case_id = ? AND study_id = ?').run(caseId, studyId).changes >
    0
  );
}

export function studiesOfCase(db: Database, caseId: number): number[] {
  return prepared<[number], { id: number }>(db, 'SELECT study_id AS id FROM case_studies WHERE case_id = ?')
    .all(caseId)
    .map((r) => r.id);
}

export function studyExists(db: Database, studyId: number): boolean {
  return !!prepared(db, 'SELECT 1 FROM studies WHERE id = ?').get(studyId);
}

interface SeriesRow {
  patientId: number;
  mrn: string;
  patientName: string | null;
  birthDate: string | null;
  sex: string | null;
  studyId: number;
  studyUid: string;
  studyDate: string | null;
  studyDescription: string | null;
  accession: string | null;
  seriesId: number | null;
  seriesUid: string | null;
  modality: string | null;
  seriesNumber: number | null;
  seriesDescription: string | null;
  bodyPart: string | null;
  plane: string | null;
  instanceCount: number;
  frameCount: number;
  notDisplayable: number;
  firstInstanceId: number | null;
}

const TREE_SELECT = `SELECT p.id AS patientId, p.mrn, p.name AS patientName, p.birth_date AS birthDate, p.sex,
    st.id AS studyId, st.study_uid AS studyUid, st.study_date AS studyDate, st.description AS studyDescription,
    st.accession, se.id AS seriesId, se.series_uid AS seriesUid, se.modality, se.series_number AS seriesNumber,
    se.description AS seriesDescription, se.body_part AS bodyPart, se.plane,
    (SELECT count(*) FROM instances i WHERE i.series_id = se.id) AS instanceCount,
    (SELECT coalesce(sum(frames), 0) FROM instances i WHERE i.series_id = se.id) AS frameCount,
    (SELECT count(*) FROM instances i WHERE i.series_id = se.id AND i.decodable = 0) AS notDisplayable,
    (SELECT i.id FROM instances i WHERE i.series_id = se.id ORDER BY i.instance_number, i.id LIMIT 1) AS firstInstanceId
  FROM studies st JOIN patients p ON p.id = st.patient_id LEFT JOIN series se ON se.study_id = st.id`;

function toTree(rows: SeriesRow[]): PatientStudies[] {
  const patients = new Map<number, PatientStudies>();
  const studies = new Map<number, StudyNode>();
  for (const r of rows) {
    let patient = patients.get(r.patientId);
    if (!patient) {
      patient = {
        patientId: r.patientId,
        mrn: r.mrn,
        name: r.patientName,
        birthDate: r.birthDate,
        sex: r.sex,
        studies: [],
      };
      patients.set(r.patientId, patient);
    }
    let study = studies.get(r.studyId);
    if (!study) {
      study = {
        studyId: r.studyId,
        studyUid: r.studyUid,
        date: r.studyDate,
        description: r.studyDescription,
        accession: r.accession,
        modalities: [],
        series: [],
      };
      studies.set(r.studyId, study);
      patient.studies.push(study);
    }
    if (r.seriesId === null || r.seriesUid === null) continue;
    if (r.modality && !study.modalities.includes(r.modality)) study.modalities.push(r.modality);
    study.series.push({
      seriesId: r.seriesId,
      seriesUid: r.seriesUid,
      modality: r.modality,
      number: r.seriesNumber,
      description: r.seriesDescription,
      bodyPart: r.bodyPart,
      plane: r.plane,
      instanceCount: r.instanceCount,
      frameCount: r.frameCount,
      notDisplayable: r.notDisplayable,
      firstInstanceId: r.firstInstanceId,
    });
  }
  return [...patients.values()];
}

const ORDER = 'ORDER BY p.mrn, st.study_date DESC, st.id, se.series_number, se.id';

/** Patient → study → series with counts, for the studies linked to a case. */
export function caseStudyTree(db: Database, caseId: number): PatientStudies[] {
  return toTree(
    prepared<[number], SeriesRow>(
      db,
      `${TREE_SELECT} WHERE st.id IN (SELECT study_id FROM case_studies WHERE case_id = ?) ${ORDER}`,
    ).all(caseId),
  );
}

/** Every study in the library, or those of one patient (by MRN). */
export function libraryStudyTree(db: Database, mrn: string | null): PatientStudies[] {
  return mrn === null
    ? toTree(prepared<[], SeriesRow>(db, `${TREE_SELECT} ${ORDER}`).all())
    : toTree(prepared<[string], SeriesRow>(db, `${TREE_SELECT} WHERE p.mrn = ? ${ORDER}`).all(mrn));
}

/** Studies of the case's patient (same MRN / Patient ID) not yet linked to it. */
export function suggestedStudyIds(db: Database, caseId: number): number[] {
  return prepared<[number], { id: number }>(
    db,
    `SELECT st.id FROM studies st JOIN cases c ON c.patient_id = st.patient_id
      WHERE c.id = ? AND st.id NOT IN (SELECT study_id FROM case_studies WHERE case_id = c.id)
      ORDER BY st.study_date DESC`,
  )
    .all(caseId)
    .map((r) => r.id);
}

export function casesOfStudies(db: Database, studyIds: number[]): number[] {
  if (!studyIds.length) return [];
  return db
    .prepare<number[], { caseId: number }>(
      `SELECT DISTINCT case_id AS caseId FROM case_studies WHERE study_id IN (${studyIds.map(() => '?').join(',')})`,
    )
    .all(...studyIds)
    .map((r) => r.caseId);
}

/** The middle image (and middle frame of a multi-frame image) of a series, for its thumbnail. */
export function seriesThumbnailSource(
  db: Database,
  seriesId: number,
): { filePath: string; sha256: string; frame: number } | null {
  const rows = prepared<[number], { filePath: string; sha256: string; frames: number }>(
    db,
    `SELECT file_path AS filePath, sha256, frames FROM instances
      WHERE series_id = ? AND decodable = 1 AND rows IS NOT NULL
      ORDER BY instance_number, id`,
  ).all(seriesId);
  const middle = rows[Math.floor(rows.length / 2)];
  return middle
    ? { filePath: middle.filePath, sha256: middle.sha256, frame: Math.floor(middle.frames / 2) }
    : null;
}

/** The stored file of an instance (for the viewer's image requests). */
export function instanceFile(
  db: Database,
  instanceId: number,
): { filePath: string; fileSize: number } | null {
  return (
    prepared<[number], { filePath: string; fileSize: number }>(
      db,
      'SELECT file_path AS filePath, file_size AS fileSize FROM instances WHERE id = ?',
    ).get(instanceId) ?? null
  );
}
