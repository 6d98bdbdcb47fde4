import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../shared/domain/audit.ts';
import { prepared } from './statements.ts';

export interface AuditInput {
  at: string;
  userId: number;
  action: string;
  caseId: number | null;
  detail?: Record<string, unknown>;
}

/** Call inside the same transaction as the change it records. */
export function writeAudit(db: Database, entry: AuditInput): void {
  prepared(db, 'INSERT INTO audit_log (at, user_id, action, case_id, detail) VALUES (?, ?, ?, ?, ?)').run(
    entry.at,
    entry.userId,
    entry.action,
    entry.caseId,
    JSON.stringify(entry.detail ?? {}),
  );
}

export function auditForCase(db: Database, caseId: number): AuditEntry[] {
  return prepared<[number], AuditEntry>(
    db,
    `SELECT a.id, a.at, u.name AS userName, u.discipline, a.action, a.case_id AS caseId, a.detail
       FROM audit_log a JOIN users u ON u.id = a.user_id
      WHERE a.case_id = ? ORDER BY a.id DESC`,
  ).all(caseId);
}

/** Identical reads by the same user closer together than this are one audit row (a re-render is not a new access). */
const READ_REPEAT_MS = 10 * 60 * 1000;

/** Records a read of patient data (case opened, images viewed), once per user, case and detail per window. */
export function writeReadAudit(db: Database, entry: AuditInput): void {
  const detail = JSON.stringify(entry.detail ?? {});
  const since = new Date(Date.parse(entry.at) - READ_REPEAT_MS).toISOString();
  const recent = prepared<[number, string, number | null, string, string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM audit_log
      WHERE user_id = ? AND action = ? AND case_id IS ? AND detail = ? AND at > ?`,
  ).get(entry.userId, entry.action, entry.caseId, detail, since);
  if (!recent?.n) writeAudit(db, entry);
}
