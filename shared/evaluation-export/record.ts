import type { CaseStatus } from '../domain/case.ts';
import type { Discipline } from '../domain/user.ts';
import {
  computeDerived,
  computeFlags,
  evaluationCompleteness,
  validateEvaluation,
} from '../evaluation/index.ts';
import type {
  CompletenessReport,
  DerivedValues,
  DiscussionFlag,
  EvaluationDocument,
  ValidationResult,
} from '../evaluation/index.ts';

/** What the backend reads for one case; everything else in an export is computed from it. */
export interface ExportCaseInput {
  readonly caseId: number;
  readonly title: string;
  readonly status: CaseStatus;
  readonly mrn: string | null;
  readonly patientName: string | null;
  readonly version: number;
  readonly savedAt: string;
  readonly savedBy: { readonly name: string; readonly discipline: Discipline };
  /** Already migrated to the current form version. */
  readonly document: EvaluationDocument;
}

export interface ExportRecord extends ExportCaseInput {
  readonly derived: DerivedValues;
  readonly validation: ValidationResult;
  readonly completeness: CompletenessReport;
  readonly flags: readonly DiscussionFlag[];
}

export interface ExportOptions {
  /** Today (YYYY-MM-DD) for date checks and flags; also stamps file names. */
  readonly today: string;
  /** When the export was made (ISO time). */
  readonly exportedAt: string;
}

/** Derived values, validation, completeness and flags, computed once per case for every format. */
export function exportRecord(input: ExportCaseInput, today: string): ExportRecord {
  const values = input.document.values;
  const derived = computeDerived(values, { today });
  return {
    ...input,
    derived,
    validation: validateEvaluation(values, { today }),
    completeness: evaluationCompleteness(values, { today }),
    flags: computeFlags(values, derived, { today }),
  };
}
