import { z } from 'zod';
import type { CaseRecord, CaseStatus } from '../domain/case.ts';
import type { Discipline } from '../domain/user.ts';
import type {
  CompletenessReport,
  DerivedValues,
  DiscussionFlag,
  EvaluationDocument,
  ValidationMessage,
} from '../evaluation/index.ts';
import { evaluationDocumentSchema } from '../evaluation/index.ts';
import { idSchema } from './schemas.ts';
import { method } from './method-spec.ts';

/** Inputs and outputs of the evaluation.* methods (shared/contract/methods.ts). */

export const evaluationCaseInputSchema = z.object({ caseId: idSchema });

export const evaluationSaveInputSchema = z.object({
  caseId: idSchema,
  /** The version the edit started from (0 = nothing saved yet); another save since then is a CONFLICT. */
  baseVersion: z.number().int().min(0),
  /** Shape only: invalid field values are kept and reported by validateEvaluation, never dropped. */
  document: evaluationDocumentSchema,
});
export type EvaluationSaveInput = z.infer<typeof evaluationSaveInputSchema>;

export const evaluationVersionInputSchema = z.object({
  caseId: idSchema,
  version: z.number().int().positive(),
});

export const REOPEN_TARGETS = ['presented', 'ready'] as const satisfies readonly CaseStatus[];

export const evaluationReopenInputSchema = z.object({
  caseId: idSchema,
  to: z.enum(REOPEN_TARGETS),
  reason: z
    .string()
    .trim()
    .min(3, 'Give the reason for reopening (at least 3 characters).')
    .max(2000, 'Reason is too long (at most 2000 characters).'),
});

/** csv: every form field, one row per case; registry: registry columns, one row per decided version. */
export const EXPORT_FORMATS = ['csv', 'fhir', 'json', 'registry'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const evaluationExportInputSchema = z.object({
  format: exportFormatSchema,
  /** Only these cases; all cases with a saved evaluation when absent. */
  caseIds: z.array(idSchema).min(1).max(10_000).optional(),
  /** Name and MRN removed, free text cleaned, dates shifted (see shared/deid/export-case.ts). */
  deidentified: z.boolean().optional(),
});
export type EvaluationExportInput = z.infer<typeof evaluationExportInputSchema>;

export interface EvaluationAuthor {
  name: string;
  discipline: Discipline;
}

export interface EvaluationState {
  caseId: number;
  caseStatus: CaseStatus;
  /** Decided or archived cases cannot be edited (reopen or restore first). */
  readOnly: boolean;
  /**
   * The sections that may be edited (when not readOnly); null: all. A case received for a second
   * opinion keeps the sender's evaluation and opens only the second-opinion section.
   */
  editableSections: readonly string[] | null;
  document: EvaluationDocument;
  /** 0 until the first save. */
  version: number;
  savedAt: string | null;
  savedBy: EvaluationAuthor | null;
  derived: DerivedValues;
  validation: readonly ValidationMessage[];
  completeness: CompletenessReport;
  flags: DiscussionFlag[];
  /** Steps applied when a document stored by an older form version was read. */
  migrated: readonly string[];
}

export interface EvaluationSaved {
  caseId: number;
  version: number;
  savedAt: string;
  savedBy: EvaluationAuthor;
  /** Top-level field ids that differ from the previous version. */
  changedFieldIds: string[];
}

export interface EvaluationVersionSummary {
  version: number;
  savedAt: string;
  author: EvaluationAuthor;
  changedFieldIds: string[];
}

export interface EvaluationVersion extends EvaluationVersionSummary {
  document: EvaluationDocument;
}

export interface ExportFile {
  name: string;
  mimeType: string;
  content: string;
}

export interface EvaluationExport {
  format: ExportFormat;
  caseCount: number;
  files: ExportFile[];
}

const spec = method;

/** Spread at the end of `methods` (shared/contract/methods.ts). */
export const evaluationMethods = {
  'evaluation.get': spec<EvaluationState>()(evaluationCaseInputSchema, true, {
    action: 'evaluation.viewed',
    caseIdField: 'caseId',
  }),
  'evaluation.save': spec<EvaluationSaved>()(evaluationSaveInputSchema, true),
  'evaluation.history': spec<EvaluationVersionSummary[]>()(evaluationCaseInputSchema, false),
  'evaluation.version': spec<EvaluationVersion>()(evaluationVersionInputSchema, false),
  'evaluation.reopen': spec<CaseRecord>()(evaluationReopenInputSchema, true),
  'evaluation.export': spec<EvaluationExport>()(evaluationExportInputSchema, true),
} as const;
