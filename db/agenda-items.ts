import type { Database } from 'better-sqlite3';
import type { AgendaCase } from '../shared/conference/types.ts';
import { prepared } from './statements.ts';

/** The conference's cases in agenda order, with what the agenda shows of each. */
export function listAgenda(db: Database, conferenceId: number): AgendaCase[] {
  return prepared<[number], AgendaCase>(
    db,
    `SELECT a.case_id AS caseId, a.position, c.title, c.status, p.mrn, p.name AS patientName
       FROM agenda_items a JOIN cases c ON c.id = a.case_id LEFT JOIN patients p ON p.id = c.patient_id
      WHERE a.conference_id = ? ORDER BY a.position, a.id`,
  ).all(conferenceId);
}

export function hasAgendaCase(db: Database, conferenceId: number, caseId: number): boolean {
  return (
    prepared<[number, number], { n: number }>(
      db,
      'SELECT count(*) AS n FROM agenda_items WHERE conference_id = ? AND case_id = ?',
    ).get(conferenceId, caseId)?.n === 1
  );
}

/** Appends the case at the end of the agenda. */
export function insertAgendaItem(db: Database, conferenceId: number, caseId: number): void {
  prepared(
    db,
    `INSERT INTO agenda_items (conference_id, case_id, position)
     VALUES (@conferenceId, @caseId,
       (SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE conference_id = @conferenceId))`,
  ).run({ conferenceId, caseId });
}

export function deleteAgendaItem(db: Database, conferenceId: number, caseId: number): void {
  prepared(db, 'DELETE FROM agenda_items WHERE conference_id = ? AND case_id = ?').run(conferenceId, caseId);
}

/** Sets the order; call in a transaction with the caller's check that `caseIds` is the whole agenda. */
export function reorderAgenda(db: Database, conferenceId: number, caseIds: readonly number[]): void {
  const set = prepared(db, 'UPDATE agenda_items SET position = ? WHERE conference_id = ? AND case_id = ?');
  caseIds.forEach((caseId, i) => set.run(i + 1, conferenceId, caseId));
}

/** The conferences a case is on, newest first (minutes and the case report name them). */
export function conferencesOfCase(db: Database, caseId: number): number[] {
  return prepared<[number], { id: number }>(
    db,
    `SELECT c.id FROM agenda_items a JOIN conferences c ON c.id = a.conference_id
      WHERE a.case_id = ? ORDER BY c.date DESC, c.id DESC`,
  )
    .all(caseId)
    .map((r) => r.id);
}
