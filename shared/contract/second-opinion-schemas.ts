import { z } from 'zod';
import type { FreeText } from '../deid/evaluation.ts';
import type { CaseDocument, ReplyDocument } from '../second-opinion/bundle-documents.ts';
import type { OpinionDraft } from '../second-opinion/opinion.ts';
import { opinionDraftSchema } from '../second-opinion/opinion.ts';
import { idSchema } from './schemas.ts';

/** Inputs and outputs of the secondOpinion.* methods (shared/contract/methods.ts). */

export const bundlePasswordSchema = z
  .string()
  .min(8, 'Use a password of at least 8 characters.')
  .max(1024, 'Password is too long.');

const outPathSchema = z.string().min(1).max(4096);

export const secondOpinionCaseInputSchema = z.object({ caseId: idSchema });

export const exportBundleInputSchema = z.object({
  caseId: idSchema,
  /** Retain Longitudinal Temporal Information with Modified Dates (one random offset per bundle). */
  keepDates: z.boolean(),
  cleanDescriptors: z.boolean(),
  confirmBurnedIn: z.boolean(),
  password: bundlePasswordSchema.optional(),
  /** Free texts as the sender reviewed them, by key (see secondOpinion.preview). */
  reviewed: z.record(z.string().max(200), z.string().max(8000)).default({}),
  /** CLI and Electron: where to write; otherwise the file is offered for download. */
  outPath: outPathSchema.optional(),
});

export const saveOpinionInputSchema = z.object({ caseId: idSchema, opinion: opinionDraftSchema });

export const exportReplyInputSchema = z.object({
  caseId: idSchema,
  password: bundlePasswordSchema.optional(),
  outPath: outPathSchema.optional(),
});

export const importBundleInputSchema = z
  .object({
    path: z.string().min(1).max(4096).optional(),
    /** A bundle the browser uploaded with imports.beginUpload. */
    uploadId: z.uuid().optional(),
    /** Not validated for length: a wrong password must get the wrong-password answer. */
    password: z.string().max(1024).optional(),
  })
  .refine((v) => (v.path ? 1 : 0) + (v.uploadId ? 1 : 0) === 1, 'Give either a path or an upload.');

export interface BurnedInImage {
  instanceId: number;
  series: string;
  instanceNumber: number | null;
  reason: string;
}

export interface BundlePreview {
  caseId: number;
  instanceCount: number;
  freeTexts: FreeText[];
  burnedIn: BurnedInImage[];
}

export interface WrittenBundleInfo {
  pseudonym: string;
  fileName: string;
  bytes: number;
  /** Relative URL to download the file (browser host); null when written to `outPath`. */
  downloadUrl: string | null;
  path: string | null;
}

export interface ExportedBundleInfo extends WrittenBundleInfo {
  instanceCount: number;
  burnedInCount: number;
}

/** The other side's measurements drawn on this case's images by an import. */
export interface RecreatedMeasurementsInfo {
  created: number;
  /** Already there from an earlier import of the same bundle or reply. */
  existing: number;
  /** Those that could not be placed, with why. */
  skipped: string[];
}

export type ImportedBundleInfo =
  | {
      kind: 'case';
      caseId: number;
      pseudonym: string;
      alreadyImported: boolean;
      instances: number;
      measurements: RecreatedMeasurementsInfo;
    }
  | {
      kind: 'reply';
      caseId: number;
      pseudonym: string;
      merged: boolean;
      measurements: RecreatedMeasurementsInfo;
    };

export interface SentBundle {
  pseudonym: string;
  createdAt: string;
  createdBy: string;
  instanceCount: number;
  encrypted: boolean;
  dates: 'shifted' | 'removed';
}

export interface ReceivedReply {
  id: number;
  pseudonym: string;
  receivedAt: string;
  receivedBy: string;
  reply: ReplyDocument;
}

export interface ReviewRequest {
  pseudonym: string;
  receivedAt: string;
  receivedBy: string;
  sender: Omit<CaseDocument, 'instances'>;
  opinion: OpinionDraft | null;
  opinionUpdatedAt: string | null;
  repliedAt: string | null;
}

export interface SecondOpinionState {
  caseId: number;
  /** Reviewer: this case came in a bundle. Sender: any other case. */
  role: 'reviewer' | 'sender';
  request: ReviewRequest | null;
  sent: SentBundle[];
  replies: ReceivedReply[];
}

/** Same shape as methods.ts's MethodSpec: the input schema, a phantom output type, needsUser. */
const spec =
  <O>() =>
  <I extends z.ZodType>(input: I, needsUser: boolean): { input: I; output?: O; needsUser: boolean } => ({
    input,
    needsUser,
  });

/** Spread into `methods` (shared/contract/methods.ts). */
export const secondOpinionMethods = {
  'secondOpinion.state': spec<SecondOpinionState>()(secondOpinionCaseInputSchema, false),
  'secondOpinion.preview': spec<BundlePreview>()(secondOpinionCaseInputSchema, false),
  'secondOpinion.exportBundle': spec<ExportedBundleInfo>()(exportBundleInputSchema, true),
  'secondOpinion.saveOpinion': spec<SecondOpinionState>()(saveOpinionInputSchema, true),
  'secondOpinion.exportReply': spec<WrittenBundleInfo>()(exportReplyInputSchema, true),
  'secondOpinion.importBundle': spec<ImportedBundleInfo>()(importBundleInputSchema, true),
} as const;
