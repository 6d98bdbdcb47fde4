import type { Database } from 'better-sqlite3';
import { prepared } from './statements.ts';

export function startImportRun(db: Database, at: string, userId: number, caseId: number | null): number {
  return Number(
    prepared(
      db,
      "INSERT INTO import_runs (started_at, user_id, case_id, state) VALUES (?, ?, ?, 'running')",
    ).run(at, userId, caseId).lastInsertRowid,
  );
}

export function finishImportRun(db: Database, id: number, at: string, state: string, summary: object): void {
  prepared(db, 'UPDATE import_runs SET finished_at = ?, state = ?, summary = ? WHERE id = ?').run(
    at,
    state,
    JSON.stringify(summary),
    id,
  );
}

/** Runs still marked running when the app starts were cut short by a crash or a kill. */
export function markInterruptedRuns(db: Database, at: string): number {
  return prepared(
    db,
    "UPDATE import_runs SET state = 'interrupted', finished_at = ? WHERE state = 'running'",
  ).run(at).changes;
}
