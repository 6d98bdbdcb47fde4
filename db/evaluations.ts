import type { Database } from 'better-sqlite3';
import type { Discipline } from '../shared/domain/user.ts';
import { prepared } from './statements.ts';

/** A stored evaluation as written: the document is raw JSON text, migrated by the caller on read. */
export interface StoredEvaluation {
  caseId: number;
  version: number;
  schemaVersion: number;
  document: string;
  savedAt: string;
  authorName: string;
  authorDiscipline: Discipline;
}

export interface StoredVersionSummary {
  version: number;
  savedAt: string;
  authorName: string;
  authorDiscipline: Discipline;
  /** JSON array of top-level field ids. */
  changedFields: string;
}

export interface NewEvaluationVersion {
  caseId: number;
  version: number;
  schemaVersion: number;
  document: string;
  authorId: number;
  savedAt: string;
  changedFields: readonly string[];
}

const SELECT_CURRENT = `SELECT e.case_id AS caseId, e.version, e.schema_version AS schemaVersion,
  e.document, e.updated_at AS savedAt, u.name AS authorName, u.discipline AS authorDiscipline
  FROM evaluations e JOIN users u ON u.id = e.updated_by`;

export function findEvaluation(db: Database, caseId: number): StoredEvaluation | null {
  return (
    prepared<[number], StoredEvaluation>(db, `${SELECT_CURRENT} WHERE e.case_id = ?`).get(caseId) ?? null
  );
}

/** Current evaluations of these cases (all cases with one when `caseIds` is undefined), by case id. */
export function listEvaluations(db: Database, caseIds?: readonly number[]): StoredEvaluation[] {
  if (caseIds === undefined)
    return prepared<[], StoredEvaluation>(db, `${SELECT_CURRENT} ORDER BY e.case_id`).all();
  const wanted = [...new Set(caseIds)];
  return prepared<[string], StoredEvaluation>(
    db,
    `${SELECT_CURRENT} WHERE e.case_id IN (SELECT value FROM json_each(?)) ORDER BY e.case_id`,
  ).all(JSON.stringify(wanted));
}

/**
 * Appends a version and makes it the current document. Call inside the transaction that checked
 * the base version: the primary key (case_id, version) refuses a second writer of the same number.
 */
export function insertEvaluationVersion(db: Database, v: NewEvaluationVersion): void {
  prepared(
    db,
    `INSERT INTO evaluation_versions (case_id, version, schema_version, document, author_id, saved_at, changed_fields)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    v.caseId,
    v.version,
    v.schemaVersion,
    v.document,
    v.authorId,
    v.savedAt,
    JSON.stringify(v.changedFields),
  );
  prepared(
    db,
    `INSERT INTO evaluations (case_id, schema_version, document, version, updated_by, updated_at)
     VALUES (@caseId, @schemaVersion, @document, @version, @authorId, @savedAt)
     ON CONFLICT (case_id) DO UPDATE SET schema_version = excluded.schema_version,
       document = excluded.document, version = excluded.version,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run({
    caseId: v.caseId,
    schemaVersion: v.schemaVersion,
    document: v.document,
    version: v.version,
    authorId: v.authorId,
    savedAt: v.savedAt,
  });
}

/** Every saved version of a case's evaluation, newest first, without the documents. */
export function listEvaluationVersions(db: Database, caseId: number): StoredVersionSummary[] {
  return prepared<[number], StoredVersionSummary>(
    db,
    `SELECT v.version, v.saved_at AS savedAt, u.name AS authorName, u.discipline AS authorDiscipline,
            v.changed_fields AS changedFields
       FROM evaluation_versions v JOIN users u ON u.id = v.author_id
      WHERE v.case_id = ? ORDER BY v.version DESC`,
  ).all(caseId);
}

export function findEvaluationVersion(
  db: Database,
  caseId: number,
  version: number,
): (StoredEvaluation & { changedFields: string }) | null {
  return (
    prepared<[number, number], StoredEvaluation & { changedFields: string }>(
      db,
      `SELECT v.case_id AS caseId, v.version, v.schema_version AS schemaVersion, v.document,
              v.saved_at AS savedAt, u.name AS authorName, u.discipline AS authorDiscipline,
              v.changed_fields AS changedFields
         FROM evaluation_versions v JOIN users u ON u.id = v.author_id
        WHERE v.case_id = ? AND v.version = ?`,
    ).get(caseId, version) ?? null
  );
}
