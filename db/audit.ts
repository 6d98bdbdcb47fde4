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
