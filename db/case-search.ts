import type { Database } from 'better-sqlite3';
import { prepared } from './statements.ts';

/**
 * Rebuilds the search text of one case: title, question, patient identity, the descriptions of its
 * linked studies and series, and its evaluation's fused levels and imaging summary (so "sag T2" or
 * "L5-S1" find the case). Call after any change.
 */
export function refreshCaseSearch(db: Database, caseId: number): void {
  const row = prepared<[number], { text: string | null }>(
    db,
    `SELECT concat_ws(' ', c.title, c.clinical_question, p.mrn, replace(p.name, '^', ' '),
        (SELECT group_concat(concat_ws(' ', st.description, st.accession,
            (SELECT group_concat(concat_ws(' ', se.modality, se.description, se.body_part), ' ') FROM series se WHERE se.study_id = st.id)), ' ')
           FROM studies st JOIN case_studies cs ON cs.study_id = st.id WHERE cs.case_id = c.id),
        (SELECT group_concat(l.value, ' ') FROM evaluations e, json_each(e.document, '$.values."history.levelsFused"') l
          WHERE e.case_id = c.id),
        (SELECT json_extract(e.document, '$.values."imaging.summary"') FROM evaluations e WHERE e.case_id = c.id)) AS text
       FROM cases c LEFT JOIN patients p ON p.id = c.patient_id WHERE c.id = ?`,
  ).get(caseId);
  prepared(db, 'DELETE FROM case_search WHERE rowid = ?').run(caseId);
  if (row) prepared(db, 'INSERT INTO case_search (rowid, text) VALUES (?, ?)').run(caseId, row.text ?? '');
}

export function deleteCaseSearch(db: Database, caseId: number): void {
  prepared(db, 'DELETE FROM case_search WHERE rowid = ?').run(caseId);
}

/** Cases of a patient (their search text names the patient). */
export function casesOfPatient(db: Database, patientId: number): number[] {
  return prepared<[number], { id: number }>(db, 'SELECT id FROM cases WHERE patient_id = ?')
    .all(patientId)
    .map((r) => r.id);
}

/** FTS5 query matching every term as a substring (trigram), quoted so punctuation is literal. */
export const ftsQuery = (terms: string[]): string =>
  terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
