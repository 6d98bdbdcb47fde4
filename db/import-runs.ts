import type { Database } from 'better-sqlite3';
import { prepared } from './statements.ts';

export function startImportRun(
  db: Database,
  at: string,
  userId: number,
  caseId: number | null,
  pid: number,
): number {
  return Number(
    prepared(
      db,
      "INSERT INTO import_runs (started_at, user_id, case_id, state, pid) VALUES (?, ?, ?, 'running', ?)",
    ).run(at, userId, caseId, pid).lastInsertRowid,
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

/**
 * Runs still marked running whose process is gone were cut short by a crash or a kill: mark them
 * interrupted. Returns the ids of runs still running in other live processes.
 */
export function markInterruptedRuns(db: Database, at: string, isAlive: (pid: number) => boolean): number[] {
  const running = prepared<[], { id: number; pid: number | null }>(
    db,
    "SELECT id, pid FROM import_runs WHERE state = 'running'",
  ).all();
  const live: number[] = [];
  for (const run of running) {
    if (run.pid !== null && isAlive(run.pid)) live.push(run.id);
    else
      prepared(db, "UPDATE import_runs SET state = 'interrupted', finished_at = ? WHERE id = ?").run(
        at,
        run.id,
      );
  }
  return live;
}

export function addPendingObjects(db: Database, importId: number, paths: string[]): void {
  const insert = prepared(db, 'INSERT OR IGNORE INTO pending_objects (file_path, import_id) VALUES (?, ?)');
  db.transaction(() => {
    for (const path of paths) insert.run(path, importId);
  })();
}

export function clearPendingObjects(db: Database, importId: number, paths: string[]): void {
  const remove = prepared(db, 'DELETE FROM pending_objects WHERE file_path = ? AND import_id = ?');
  for (const path of paths) remove.run(path, importId);
}

/** Pending objects of runs that are no longer running: candidates for the orphan sweep. */
export function abandonedPendingObjects(db: Database): string[] {
  return prepared<[], { path: string }>(
    db,
    `SELECT DISTINCT p.file_path AS path FROM pending_objects p JOIN import_runs r ON r.id = p.import_id
      WHERE r.state <> 'running'`,
  )
    .all()
    .map((r) => r.path);
}

export function forgetPendingObjects(db: Database, paths: string[]): void {
  const remove = prepared(db, 'DELETE FROM pending_objects WHERE file_path = ?');
  db.transaction(() => {
    for (const path of paths) remove.run(path);
  })();
}
