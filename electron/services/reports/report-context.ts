import type { Database } from 'better-sqlite3';
import { findCase } from '../../../db/cases.ts';
import { findEvaluation } from '../../../db/evaluations.ts';
import { AppError } from '../../../shared/contract/result.ts';
import type { CaseRecord } from '../../../shared/domain/case.ts';
import { todayIso } from '../../../shared/domain/dates.ts';
import type { EvaluationValues } from '../../../shared/evaluation/index.ts';
import { migrateEvaluation } from '../../../shared/evaluation/index.ts';

/** What reports and conference handlers read: the database and the clock. */
export interface ReportContext {
  db: Database;
  now: () => string;
}

export const reportToday = (ctx: ReportContext): string => todayIso(new Date(ctx.now()));

export function caseOrThrow(db: Database, caseId: number): CaseRecord {
  const c = findCase(db, caseId);
  if (!c) throw new AppError('NOT_FOUND', `Case ${caseId} does not exist.`);
  return c;
}

/** The case's current evaluation values (brought to the current form version) and their version. */
export function evaluationValues(
  db: Database,
  caseId: number,
): { values: EvaluationValues; version: number } {
  const row = findEvaluation(db, caseId);
  if (!row) return { values: {}, version: 0 };
  const doc = migrateEvaluation(JSON.parse(row.document) as unknown);
  if (!doc.ok)
    throw new AppError(
      'INVALID_INPUT',
      `The stored evaluation of case ${caseId} cannot be read: ${doc.error.message}`,
    );
  return { values: doc.value.values, version: row.version };
}
