import { z } from 'zod';
import { viewStateSchema } from '../contract/viewer-schemas.ts';
import { evaluationDocumentSchema } from '../evaluation/index.ts';
import { replyOpinionSchema } from './opinion.ts';

/**
 * The JSON documents inside a `.scrcase` bundle. They cross from another installation, so every
 * one is validated before anything is written; nothing in them names the patient.
 */
export const BUNDLE_FORMAT = 'spine-case-review/scrcase';
export const BUNDLE_FORMAT_VERSION = 1;

const uid = z
  .string()
  .regex(/^[0-9]+(\.[0-9]+)*$/, 'Not a DICOM UID.')
  .max(64);
const pngDataUrl = z
  .string()
  .max(8_000_000)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);

export const pseudonymSchema = z.string().regex(/^SCR-[0-9A-Z]{10}$/, 'Not a bundle case ID.');

export const bundleKeyImageSchema = z.object({
  sopInstanceUid: uid.nullable(),
  seriesInstanceUid: uid,
  frame: z.number().int().min(0),
  caption: z.string().max(500),
  view: viewStateSchema,
  png: pngDataUrl.nullable(),
  author: z.string().max(200),
});
export type BundleKeyImage = z.infer<typeof bundleKeyImageSchema>;

/** A measurement in image coordinates on one SOP instance (and frame), as the viewer stores it. */
export const bundleMeasurementSchema = z.object({
  sopInstanceUid: uid,
  frame: z.number().int().min(0),
  kind: z.string().max(50),
  label: z.string().max(500),
  points: z.array(z.object({ x: z.number().finite(), y: z.number().finite() })).max(100),
  value: z.number().finite().nullable(),
  unit: z.string().max(20).nullable(),
  level: z.string().max(20).nullable(),
  /** Arrow and text annotations' text; the calibration's true size; the screw it describes. */
  text: z.string().max(2000).nullable().optional(),
  knownMm: z.number().finite().positive().nullable().optional(),
  screw: z
    .object({ vertebra: z.string().max(4), side: z.enum(['left', 'right']) })
    .nullable()
    .optional(),
  author: z.string().max(200),
});
export type BundleMeasurement = z.infer<typeof bundleMeasurementSchema>;

export const caseDocumentSchema = z.object({
  kind: z.literal('case'),
  pseudonym: pseudonymSchema,
  title: z.string().max(200),
  clinicalQuestion: z.string().max(4000),
  patient: z.object({
    sex: z.enum(['F', 'M', 'O', 'U']).nullable(),
    age: z.number().int().min(0).max(150).nullable(),
  }),
  /** "Today" for the evaluation's own dates, moved with them, so intervals read true. */
  referenceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  evaluation: evaluationDocumentSchema.nullable(),
  keyImages: z.array(bundleKeyImageSchema).max(1000),
  measurements: z.array(bundleMeasurementSchema).max(10_000),
  deidentification: z.object({
    methodCodes: z.array(z.string().max(16)).max(20),
    dates: z.enum(['shifted', 'removed']),
    burnedInConfirmed: z.array(uid).max(100_000),
  }),
  instances: z.array(z.object({ path: z.string().max(200), sopInstanceUid: uid })).max(100_000),
});
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

export const replyDocumentSchema = z.object({
  kind: z.literal('reply'),
  pseudonym: pseudonymSchema,
  repliedAt: z.string().max(40),
  opinion: replyOpinionSchema,
  keyImages: z.array(bundleKeyImageSchema).max(1000),
  measurements: z.array(bundleMeasurementSchema).max(10_000),
});
export type ReplyDocument = z.infer<typeof replyDocumentSchema>;

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  kind: z.enum(['case', 'reply']),
  pseudonym: pseudonymSchema,
  createdAt: z.string().max(40),
  files: z
    .array(
      z.object({
        path: z.string().max(200),
        bytes: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(100_001),
});
export type BundleManifest = z.infer<typeof manifestSchema>;
