import type { Database } from 'better-sqlite3';
import { prepared } from './statements.ts';

export interface StoredReply {
  id: number;
  caseId: number;
  exportId: number;
  pseudonym: string;
  sha256: string;
  reply: string;
  receivedBy: string;
  receivedAt: string;
}

/** Adds a reply unless the same one (by hash) is already there; true if added. */
export function insertReply(
  db: Database,
  r: { caseId: number; exportId: number; sha256: string; reply: string; userId: number; at: string },
): boolean {
  return (
    prepared(
      db,
      `INSERT INTO second_opinion_replies (case_id, export_id, sha256, reply, received_by, received_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
    ).run(r.caseId, r.exportId, r.sha256, r.reply, r.userId, r.at).changes > 0
  );
}

export const repliesOfCase = (db: Database, caseId: number): StoredReply[] =>
  prepared<[number], StoredReply>(
    db,
    `SELECT r.id, r.case_id AS caseId, r.export_id AS exportId, b.pseudonym, r.sha256, r.reply,
        u.name AS receivedBy, r.received_at AS receivedAt
      FROM second_opinion_replies r JOIN bundle_exports b ON b.id = r.export_id JOIN users u ON u.id = r.received_by
      WHERE r.case_id = ? ORDER BY r.id`,
  ).all(caseId);
