import { z } from 'zod';
import type { CaseMeasurements } from '../measurements/measurement.ts';
import { MEASUREMENT_TOOLS } from '../measurements/tools.ts';
import { SPINAL_LEVELS } from '../measurements/types.ts';
import { idSchema } from './schemas.ts';

/** Inputs and outputs of the measurements.* methods (shared/contract/methods.ts). */

const coordinate = z.number().finite().min(-100_000).max(100_000);
const pointSchema = z.tuple([coordinate, coordinate]);
const vertebraSchema = z.enum(SPINAL_LEVELS);
/** A vertebra (L4) or a motion segment of two (L3-L4). */
const levelSchema = z
  .string()
  .regex(/^(C|T|L|S)\d{1,2}(-(C|T|L|S)\d{1,2})?$/, 'A level is a vertebra (L4) or a segment (L3-L4).')
  .refine(
    (s) => s.split('-').every((v) => (SPINAL_LEVELS as readonly string[]).includes(v)),
    'Unknown vertebra.',
  );
const screwSchema = z.object({ vertebra: vertebraSchema, side: z.enum(['left', 'right']) }).strict();

const editable = {
  points: z.array(pointSchema).min(1).max(16),
  label: z.string().trim().max(200),
  text: z.string().trim().max(2000).nullable(),
  knownMm: z.number().positive().max(10_000).nullable(),
  level: levelSchema.nullable(),
  screw: screwSchema.nullable(),
};

export const createMeasurementInputSchema = z
  .object({
    caseId: idSchema,
    instanceId: idSchema,
    frame: z.number().int().min(0).max(100_000).default(0),
    tool: z.enum(MEASUREMENT_TOOLS),
    points: editable.points,
    label: editable.label.default(''),
    text: editable.text.default(null),
    knownMm: editable.knownMm.default(null),
    level: editable.level.default(null),
    screw: editable.screw.default(null),
  })
  .strict();
export type CreateMeasurementInput = z.infer<typeof createMeasurementInputSchema>;

export const updateMeasurementInputSchema = z
  .object({
    id: idSchema,
    points: editable.points.optional(),
    label: editable.label.optional(),
    text: editable.text.optional(),
    knownMm: editable.knownMm.optional(),
    level: editable.level.optional(),
    screw: editable.screw.optional(),
  })
  .strict();
export type UpdateMeasurementInput = z.infer<typeof updateMeasurementInputSchema>;

export const MEASUREMENT_EXPORT_FORMATS = ['csv', 'sr'] as const;
export const measurementExportInputSchema = z
  .object({ caseId: idSchema, format: z.enum(MEASUREMENT_EXPORT_FORMATS) })
  .strict();

export interface MeasurementExport {
  name: string;
  mimeType: string;
  /** CSV text, or the SR's Part 10 bytes in base64. */
  content: string;
  encoding: 'utf8' | 'base64';
}

/** A value of a form field as the form holds it: a number, the raw text typed, or empty. */
const formValueSchema = z.union([z.number().finite(), z.string().max(200), z.null()]);

/**
 * A typed value replacing one a measurement filled into the form: which field, what the measurement
 * gave, what the form held and what was typed, and why (kept in the case history).
 */
export const measuredOverrideInputSchema = z
  .object({
    caseId: idSchema,
    measurementId: idSchema,
    fieldId: z.string().min(1).max(200),
    level: z.string().max(20).nullable().default(null),
    column: z.string().max(60).nullable().default(null),
    previousValue: formValueSchema,
    newValue: formValueSchema,
    reason: z
      .string()
      .trim()
      .min(3, 'Give the reason for overriding the measured value (at least 3 characters).')
      .max(500, 'Keep the reason under 500 characters.'),
  })
  .strict();
export type MeasuredOverrideInput = z.infer<typeof measuredOverrideInputSchema>;

/** What the case history keeps of an override (the audit entry's detail). */
export interface MeasuredOverrideDetail {
  fieldId: string;
  fieldLabel: string;
  level: string | null;
  column: string | null;
  measurementId: number;
  measuredValue: number;
  unit: string;
  previousValue: number | string | null;
  newValue: number | string | null;
  reason: string;
}

const spec =
  <O>() =>
  <I extends z.ZodType>(input: I, needsUser: boolean): { input: I; output?: O; needsUser: boolean } => ({
    input,
    needsUser,
  });

const caseInput = z.object({ caseId: idSchema }).strict();
const idInput = z.object({ id: idSchema }).strict();

/** Spread at the end of `methods` (shared/contract/methods.ts). */
export const measurementMethods = {
  'measurements.list': spec<CaseMeasurements>()(caseInput, false),
  'measurements.create': spec<CaseMeasurements>()(createMeasurementInputSchema, true),
  'measurements.update': spec<CaseMeasurements>()(updateMeasurementInputSchema, true),
  'measurements.delete': spec<CaseMeasurements>()(idInput, true),
  'measurements.export': spec<MeasurementExport>()(measurementExportInputSchema, true),
  'measurements.recordOverride': spec<MeasuredOverrideDetail>()(measuredOverrideInputSchema, true),
} as const;
