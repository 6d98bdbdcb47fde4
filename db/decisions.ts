import type { Database } from 'better-sqlite3';
import type {
  DecisionPlan,
  DecisionRecord,
  DecisionVote,
  FollowUpAction,
} from '../shared/conference/types.ts';
import { prepared } from './statements.ts';

interface DecisionRow {
  id: number;
  caseId: number;
  conferenceId: number | null;
  recommendation: string;
  details: string;
  rationale: string;
  votes: string;
  actions: string;
  evaluationVersion: number;
  decidedBy: string;
  decidedAt: string;
}

const SELECT = `SELECT d.id, d.case_id AS caseId, d.conference_id AS conferenceId, d.recommendation,
  d.details, d.rationale, d.votes, d.actions, d.evaluation_version AS evaluationVersion,
  u.name AS decidedBy, d.decided_at AS decidedAt
  FROM decisions d JOIN users u ON u.id = d.decided_by`;

function toRecord(row: DecisionRow): DecisionRecord {
  const { details, votes, actions, ...rest } = row;
  return {
    ...rest,
    ...(JSON.parse(details) as DecisionPlan),
    votes: JSON.parse(votes) as DecisionVote[],
    actions: JSON.parse(actions) as FollowUpAction[],
  };
}

/** The case's current decision: the newest one recorded. */
export function currentDecision(db: Database, caseId: number): DecisionRecord | null {
  const row = prepared<[number], DecisionRow>(
    db,
    `${SELECT} WHERE d.case_id = ? ORDER BY d.id DESC LIMIT 1`,
  ).get(caseId);
  return row ? toRecord(row) : null;
}

/** Every decision recorded for the case, newest first. */
export function decisionHistory(db: Database, caseId: number): DecisionRecord[] {
  return prepared<[number], DecisionRow>(db, `${SELECT} WHERE d.case_id = ? ORDER BY d.id DESC`)
    .all(caseId)
    .map(toRecord);
}

export interface NewDecision extends DecisionPlan {
  caseId: number;
  conferenceId: number | null;
  recommendation: string;
  rationale: string;
  votes: readonly DecisionVote[];
  actions: readonly FollowUpAction[];
  evaluationVersion: number;
  decidedBy: number;
  decidedAt: string;
}

export function insertDecision(db: Database, d: NewDecision): number {
  const plan: DecisionPlan = {
    plannedProcedure: d.plannedProcedure,
    modification: d.modification,
    nonOperativePlan: d.nonOperativePlan,
    investigations: d.investigations,
    referTo: d.referTo,
    details: d.details,
  };
  const info = prepared(
    db,
    `INSERT INTO decisions (case_id, conference_id, recommendation, details, rationale, votes, actions,
       evaluation_version, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    d.caseId,
    d.conferenceId,
    d.recommendation,
    JSON.stringify(plan),
    d.rationale,
    JSON.stringify(d.votes),
    JSON.stringify(d.actions),
    d.evaluationVersion,
    d.decidedBy,
    d.decidedAt,
  );
  return Number(info.lastInsertRowid);
}

/** A decision and the evaluation version it was recorded on. */
export interface DecidedVersion {
  decisionId: number;
  caseId: number;
  evaluationVersion: number;
  decidedAt: string;
}

/**
 * Every decision with its evaluation version, of these cases (all cases when `caseIds` is
 * undefined), oldest first per case: one registry row each.
 */
export function listDecidedVersions(db: Database, caseIds?: readonly number[]): DecidedVersion[] {
  const select = `SELECT id AS decisionId, case_id AS caseId, evaluation_version AS evaluationVersion,
    decided_at AS decidedAt FROM decisions`;
  if (caseIds === undefined) return prepared<[], DecidedVersion>(db, `${select} ORDER BY case_id, id`).all();
  return prepared<[string], DecidedVersion>(
    db,
    `${select} WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY case_id, id`,
  ).all(JSON.stringify([...new Set(caseIds)]));
}
