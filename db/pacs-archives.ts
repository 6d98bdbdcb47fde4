import type { Database } from 'better-sqlite3';
import { prepared } from './statements.ts';

/** One row of pacs_archives; `connection` is the contract's JSON, parsed by the caller. */
export interface ArchiveRow {
  id: number;
  name: string;
  connection: string;
  createdAt: string;
  updatedAt: string;
}

const SELECT = `SELECT id, name, connection, created_at AS createdAt, updated_at AS updatedAt FROM pacs_archives`;

export function listArchiveRows(db: Database): ArchiveRow[] {
  return prepared<[], ArchiveRow>(db, `${SELECT} ORDER BY name`).all();
}

export function findArchiveRow(db: Database, id: number): ArchiveRow | null {
  return prepared<[number], ArchiveRow>(db, `${SELECT} WHERE id = ?`).get(id) ?? null;
}

export function findArchiveRowByName(db: Database, name: string): ArchiveRow | null {
  return prepared<[string], ArchiveRow>(db, `${SELECT} WHERE name = ?`).get(name) ?? null;
}

export function insertArchiveRow(
  db: Database,
  row: { name: string; connection: string; userId: number; at: string },
): number {
  return Number(
    prepared(
      db,
      'INSERT INTO pacs_archives (name, connection, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    ).run(row.name, row.connection, row.userId, row.at, row.at).lastInsertRowid,
  );
}

export function updateArchiveRow(
  db: Database,
  id: number,
  row: { name: string; connection: string; at: string },
): void {
  prepared(db, 'UPDATE pacs_archives SET name = ?, connection = ?, updated_at = ? WHERE id = ?').run(
    row.name,
    row.connection,
    row.at,
    id,
  );
}

export function deleteArchiveRow(db: Database, id: number): void {
  prepared(db, 'DELETE FROM pacs_archives WHERE id = ?').run(id);
}

/** SOP Instance UIDs among `uids` that the store already holds (resume: never download them again). */
export function storedSopInstanceUids(db: Database, uids: readonly string[]): Set<string> {
  const found = new Set<string>();
  const stmt = prepared<[string], { uid: string }>(
    db,
    `SELECT sop_instance_uid AS uid FROM instances
      WHERE sop_instance_uid IN (SELECT value FROM json_each(?))`,
  );
  for (let i = 0; i < uids.length; i += 500)
    for (const r of stmt.all(JSON.stringify(uids.slice(i, i + 500)))) found.add(r.uid);
  return found;
}

/** Local instance counts per study UID (search results mark what is already imported). */
export function storedCountsByStudy(db: Database, studyUids: readonly string[]): Map<string, number> {
  const rows = prepared<[string], { uid: string; n: number }>(
    db,
    `SELECT st.study_uid AS uid, count(i.id) AS n FROM studies st
       JOIN series se ON se.study_id = st.id JOIN instances i ON i.series_id = se.id
      WHERE st.study_uid IN (SELECT value FROM json_each(?)) GROUP BY st.study_uid`,
  ).all(JSON.stringify(studyUids));
  return new Map(rows.map((r) => [r.uid, r.n]));
}

export function storedCountsBySeries(db: Database, seriesUids: readonly string[]): Map<string, number> {
  const rows = prepared<[string], { uid: string; n: number }>(
    db,
    `SELECT se.series_uid AS uid, count(i.id) AS n FROM series se JOIN instances i ON i.series_id = se.id
      WHERE se.series_uid IN (SELECT value FROM json_each(?)) GROUP BY se.series_uid`,
  ).all(JSON.stringify(seriesUids));
  return new Map(rows.map((r) => [r.uid, r.n]));
}

export function localStudyId(db: Database, studyUid: string): number | null {
  return (
    prepared<[string], { id: number }>(db, 'SELECT id FROM studies WHERE study_uid = ?').get(studyUid)?.id ??
    null
  );
}
