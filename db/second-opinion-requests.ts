import type { Database } from 'better-sqlite3';
import { prepared } from './statements.ts';

/** A case that arrived in a bundle, on the reviewer's side. */
export interface StoredRequest {
  caseId: number;
  pseudonym: string;
  bundleSha256: string;
  sender: string;
  receivedBy: string;
  receivedAt: string;
  opinion: string | null;
  opinionUpdatedAt: string | null;
  repliedAt: string | null;
}

const SELECT = `SELECT r.case_id AS caseId, r.pseudonym, r.bundle_sha256 AS bundleSha256, r.sender,
    u.name AS receivedBy, r.received_at AS receivedAt, r.opinion, r.opinion_updated_at AS opinionUpdatedAt,
    r.replied_at AS repliedAt
  FROM second_opinion_requests r JOIN users u ON u.id = r.received_by`;

export const findRequest = (db: Database, caseId: number): StoredRequest | null =>
  prepared<[number], StoredRequest>(db, `${SELECT} WHERE r.case_id = ?`).get(caseId) ?? null;

export const findRequestByPseudonym = (db: Database, pseudonym: string): StoredRequest | null =>
  prepared<[string], StoredRequest>(db, `${SELECT} WHERE r.pseudonym = ?`).get(pseudonym) ?? null;

export function insertRequest(
  db: Database,
  r: { caseId: number; pseudonym: string; bundleSha256: string; sender: string; userId: number; at: string },
): void {
  prepared(
    db,
    `INSERT INTO second_opinion_requests (case_id, pseudonym, bundle_sha256, sender, received_by, received_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(r.caseId, r.pseudonym, r.bundleSha256, r.sender, r.userId, r.at);
}

export function saveOpinion(db: Database, caseId: number, opinion: string, at: string): void {
  prepared(
    db,
    'UPDATE second_opinion_requests SET opinion = ?, opinion_updated_at = ? WHERE case_id = ?',
  ).run(opinion, at, caseId);
}

export function markReplied(db: Database, caseId: number, at: string): void {
  prepared(db, 'UPDATE second_opinion_requests SET replied_at = ? WHERE case_id = ?').run(at, caseId);
}
