import { z } from 'zod';
import { caseStatusSchema, sexSchema } from '../domain/case.ts';
import { PATIENT_DETAILS_CHOICES } from '../domain/patient-details.ts';
import { isCalendarDate, todayIso } from '../domain/dates.ts';
import { disciplineSchema, userNameSchema } from '../domain/user.ts';

export const idSchema = z.number().int().positive();

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the date format YYYY-MM-DD.')
  .refine(isCalendarDate, 'Not a valid calendar date.');

const pastDate = isoDate.refine((s) => s <= todayIso(), 'This date is in the future.');

export const patientInputSchema = z.object({
  mrn: z
    .string()
    .trim()
    .min(1, 'Enter the medical record number (MRN).')
    .max(64, 'MRN is too long (at most 64 characters).'),
  name: z.string().trim().max(200, 'Name is too long (at most 200 characters).').optional(),
  birthDate: pastDate.optional(),
  sex: sexSchema.optional(),
});
export type PatientInput = z.infer<typeof patientInputSchema>;

export const caseTitleSchema = z
  .string()
  .trim()
  .min(3, 'Enter a case title (at least 3 characters).')
  .max(200, 'Title is too long (at most 200 characters).');

export const clinicalQuestionSchema = z
  .string()
  .max(4000, 'Clinical question is too long (at most 4000 characters).');

export const createCaseInputSchema = z.object({
  title: caseTitleSchema,
  clinicalQuestion: clinicalQuestionSchema.optional(),
  patient: patientInputSchema.optional(),
  /**
   * Needed when the MRN belongs to a patient on record whose details differ from those given: keep
   * the recorded ones, or replace them (audited). Without it such a create is refused, never silent.
   */
  patientDetails: z.enum(PATIENT_DETAILS_CHOICES).optional(),
});
export type CreateCaseInput = z.infer<typeof createCaseInputSchema>;

export const mrnInputSchema = z.object({ mrn: patientInputSchema.shape.mrn });

export const updateCaseInputSchema = z.object({
  id: idSchema,
  title: caseTitleSchema.optional(),
  clinicalQuestion: clinicalQuestionSchema.optional(),
  status: caseStatusSchema.exclude(['archived']).optional(),
  patient: patientInputSchema.nullable().optional(),
});
export type UpdateCaseInput = z.infer<typeof updateCaseInputSchema>;

export const listCasesInputSchema = z.object({
  query: z.string().max(200).optional(),
  status: caseStatusSchema.optional(),
  includeArchived: z.boolean().optional(),
  /** Last change on or after this day (YYYY-MM-DD). */
  updatedFrom: isoDate.optional(),
  /** Last change on or before this day (YYYY-MM-DD). */
  updatedTo: isoDate.optional(),
});
export type ListCasesInput = z.infer<typeof listCasesInputSchema>;

export const signInInputSchema = z.object({ name: userNameSchema, discipline: disciplineSchema });
export type SignInInput = z.infer<typeof signInInputSchema>;

export const caseIdInputSchema = z.object({ id: idSchema });
export const emptyInputSchema = z.object({}).strict();

export const startImportInputSchema = z
  .object({
    /**
     * Files, folders, DICOMDIRs or zips on this computer: paths from the CLI; from the desktop app, the
     * handles its main process issued for what the user chose or dropped. Refused over HTTP.
     */
    paths: z.array(z.string().min(1).max(4096)).min(1).max(1000).optional(),
    /** Files a browser uploaded with imports.beginUpload (browser host). */
    uploadId: z.uuid().optional(),
    caseId: idSchema.optional(),
  })
  .refine((v) => (v.paths ? 1 : 0) + (v.uploadId ? 1 : 0) === 1, 'Give either paths or an upload.');

export const importIdInputSchema = z.object({ importId: idSchema });

export const studyLinkInputSchema = z.object({ caseId: idSchema, studyId: idSchema });

export const libraryInputSchema = z.object({ mrn: z.string().max(64).optional() });

export const deleteCaseInputSchema = z.object({
  id: idSchema,
  /** The user retypes nothing; the UI asks, and sends this only after the question was answered. */
  confirmed: z.literal(true),
});
