import type { Database } from 'better-sqlite3';
import { prepared } from './statements.ts';

/** A key image with what the archive needs to point at it, and a stored file of its study. */
export interface KeyImageSource {
  id: number;
  caption: string;
  /** 0-based frame in the viewer; DICOM frame numbers are 1-based. */
  frame: number;
  png: Buffer | null;
  sopClassUid: string | null;
  sopInstanceUid: string | null;
  frames: number | null;
  seriesUid: string;
  studyUid: string;
  /** A stored file of the key image's series (its own file when it shows a stored instance). */
  filePath: string | null;
}

export function keyImageSources(db: Database, caseId: number): KeyImageSource[] {
  return prepared<[number], KeyImageSource>(
    db,
    `SELECT k.id, k.caption, k.frame, k.png, i.sop_class_uid AS sopClassUid, i.sop_instance_uid AS sopInstanceUid,
            i.frames, se.series_uid AS seriesUid, st.study_uid AS studyUid,
            COALESCE(i.file_path, (SELECT i2.file_path FROM instances i2 WHERE i2.series_id = k.series_id LIMIT 1)) AS filePath
       FROM key_images k JOIN series se ON se.id = k.series_id JOIN studies st ON st.id = se.study_id
       LEFT JOIN instances i ON i.id = k.instance_id
      WHERE k.case_id = ? ORDER BY k.position, k.id`,
  ).all(caseId);
}

/** The case's most recent linked study and one of its stored files (reports are filed there). */
export function latestCaseStudyFile(
  db: Database,
  caseId: number,
): { studyUid: string; filePath: string } | null {
  return (
    prepared<[number], { studyUid: string; filePath: string }>(
      db,
      `SELECT st.study_uid AS studyUid,
              (SELECT i.file_path FROM series se JOIN instances i ON i.series_id = se.id
                WHERE se.study_id = st.id LIMIT 1) AS filePath
         FROM case_studies cs JOIN studies st ON st.id = cs.study_id
        WHERE cs.case_id = ? AND filePath IS NOT NULL
        ORDER BY COALESCE(st.study_date, '') DESC, st.id DESC LIMIT 1`,
    ).get(caseId) ?? null
  );
}
