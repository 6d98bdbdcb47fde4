import type { Database } from 'better-sqlite3';
import type { ListCasesInput } from '../shared/contract/schemas.ts';
import type { CaseRecord, CaseStatus, CaseSummary } from '../shared/domain/case.ts';
import { ftsQuery } from './case-search.ts';
import { findPatient } from './patients.ts';
import { prepared } from './statements.ts';

interface CaseRow {
  id: number;
  title: string;
  status: CaseStatus;
  statusBeforeArchive: CaseStatus | null;
  clinicalQuestion: string;
  patientId: number | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
}

const SELECT_CASE = `SELECT c.id, c.title, c.status, c.status_before_archive AS statusBeforeArchive,
  c.clinical_question AS clinicalQuestion, c.patient_id AS patientId, c.created_at AS createdAt,
  c.updated_at AS updatedAt, u.name AS createdBy
  FROM cases c JOIN users u ON u.id = c.created_by WHERE c.id = ?`;

export function findCaseRow(db: Database, id: number): CaseRow | null {
  return prepared<[number], CaseRow>(db, SELECT_CASE).get(id) ?? null;
}

export function findCase(db: Database, id: number): CaseRecord | null {
  const row = findCaseRow(db, id);
  if (!row) return null;
  const { patientId, statusBeforeArchive: _, ...rest } = row;
  return { ...rest, patient: patientId === null ? null : findPatient(db, patientId) };
}

export interface NewCase {
  title: string;
  clinicalQuestion: string;
  patientId: number | null;
  createdBy: number;
  at: string;
}

export function insertCase(db: Database, c: NewCase): number {
  const info = prepared(
    db,
    `INSERT INTO cases (title, clinical_question, patient_id, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(c.title, c.clinicalQuestion, c.patientId, c.createdBy, c.at, c.at);
  return Number(info.lastInsertRowid);
}

export interface CaseChanges {
  title?: string;
  clinicalQuestion?: string;
  status?: CaseStatus;
  statusBeforeArchive?: CaseStatus | null;
  patientId?: number | null;
}

const COLUMN_OF: Record<keyof CaseChanges, string> = {
  title: 'title',
  clinicalQuestion: 'clinical_question',
  status: 'status',
  statusBeforeArchive: 'status_before_archive',
  patientId: 'patient_id',
};

export function updateCaseRow(db: Database, id: number, changes: CaseChanges, at: string): void {
  const keys = (Object.keys(changes) as (keyof CaseChanges)[]).filter((k) => changes[k] !== undefined);
  const assignments = keys.map((k) => `${COLUMN_OF[k]} = @${k}`);
  prepared(db, `UPDATE cases SET ${[...assignments, 'updated_at = @at'].join(', ')} WHERE id = @id`).run({
    ...Object.fromEntries(keys.map((k) => [k, changes[k]])),
    at,
    id,
  });
}

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
const likePattern = (s: string): string => `%${s.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The day after an ISO date, so a "to" date includes that whole day. */
function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function listCases(db: Database, filter: ListCasesInput): CaseSummary[] {
  const query = filter.query?.trim() ?? '';
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (filter.status) {
    where.push('c.status = @status');
    params.status = filter.status;
  } else if (!filter.includeArchived) {
    where.push("c.status <> 'archived'");
  }
  const terms = query.split(/\s+/).filter(Boolean);
  // Trigram full-text search needs 3+ characters per term; shorter terms fall back to LIKE.
  const long = terms.filter((t) => t.length >= 3);
  if (long.length) {
    where.push('c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH @fts)');
    params.fts = ftsQuery(long);
  }
  for (const [i, term] of terms.filter((t) => t.length < 3).entries()) {
    where.push(
      `(c.title LIKE @t${i} ESCAPE '\\' OR c.clinical_question LIKE @t${i} ESCAPE '\\'
        OR p.mrn LIKE @t${i} ESCAPE '\\' OR p.name LIKE @t${i} ESCAPE '\\')`,
    );
    params[`t${i}`] = likePattern(term);
  }
  if (filter.updatedFrom) {
    where.push('c.updated_at >= @from');
    params.from = filter.updatedFrom;
  }
  if (filter.updatedTo) {
    where.push('c.updated_at < @to');
    params.to = nextDay(filter.updatedTo);
  }
  const sql = `SELECT c.id, c.title, c.status, c.updated_at AS updatedAt, p.mrn, p.name AS patientName
    FROM cases c LEFT JOIN patients p ON p.id = c.patient_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY c.updated_at DESC, c.id DESC LIMIT 500`;
  return db.prepare<[Record<string, string>], CaseSummary>(sql).all(params);
}

/** Deletes the case row; linked studies stay in the image library (case_studies rows cascade). */
export function deleteCaseRow(db: Database, id: number): void {
  prepared(db, 'DELETE FROM cases WHERE id = ?').run(id);
}

/** The newest case with this title for the patient with this MRN that is not archived, if any. */
export function findOpenCaseByTitle(db: Database, title: string, mrn: string): number | null {
  const row = prepared<[string, string], { id: number }>(
    db,
    `SELECT c.id FROM cases c JOIN patients p ON p.id = c.patient_id
     WHERE c.title = ? AND p.mrn = ? AND c.status <> 'archived' ORDER BY c.id DESC LIMIT 1`,
  ).get(title, mrn);
  return row?.id ?? null;
}
