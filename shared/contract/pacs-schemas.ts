import { z } from 'zod';
import type { FileProblem, ImportState } from '../imaging/import-progress.ts';
import { emptyInputSchema, idSchema } from './schemas.ts';

/** Inputs and outputs of the pacs.* methods (shared/contract/methods.ts). */

/** PS3.5 6.2: AE titles are at most 16 characters, no backslash or control characters. */
export const aeTitleSchema = z
  .string()
  .trim()
  .min(1, 'Enter an AE title.')
  .max(16, 'AE titles have at most 16 characters.')
  .regex(/^[\x20-\x5b\x5d-\x7e]+$/, 'AE titles use printable characters without a backslash.');

const portSchema = z.number().int().min(1, 'Ports are 1–65535.').max(65535, 'Ports are 1–65535.');
const hostSchema = z
  .string()
  .trim()
  .min(1, 'Enter the host name or address.')
  .max(253, 'Host name is too long.')
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'A host is a name or an address, without spaces or a scheme.');

export const archiveUrlSchema = z
  .string()
  .trim()
  .max(2000, 'URL is too long.')
  .regex(
    /^https?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/i,
    'Enter the DICOMweb base URL, e.g. https://pacs.example.org/dicom-web (http or https, no query).',
  );

const timeoutSchema = z.number().int().min(2).max(600);

export const dicomWebConnectionSchema = z.object({
  kind: z.literal('dicomweb'),
  url: archiveUrlSchema,
  auth: z.enum(['none', 'basic', 'bearer']),
  /** User name for basic authentication; the password is a secret, never stored here. */
  user: z.string().trim().max(200).optional(),
  /** PEM of an extra certificate authority (hospital-internal CA); the system's are trusted too. */
  caPem: z
    .string()
    .max(200_000)
    .refine((s) => s.includes('-----BEGIN CERTIFICATE-----'), 'Paste the CA certificate in PEM form.')
    .optional(),
  timeoutSeconds: timeoutSchema.default(30),
});

export const dimseConnectionSchema = z.object({
  kind: z.literal('dimse'),
  aet: aeTitleSchema,
  host: hostSchema,
  port: portSchema,
  localAet: aeTitleSchema,
  retrieve: z.enum(['c-get', 'c-move']),
  /** C-MOVE only: the port this app listens on for the archive's C-STORE (the archive knows it). */
  storePort: portSchema.optional(),
  timeoutSeconds: timeoutSchema.default(30),
});

export const archiveConnectionSchema = z
  .discriminatedUnion('kind', [dicomWebConnectionSchema, dimseConnectionSchema])
  .superRefine((c, ctx) => {
    if (c.kind === 'dicomweb' && c.auth === 'basic' && !c.user)
      ctx.addIssue({ code: 'custom', path: ['user'], message: 'Basic authentication needs a user name.' });
    if (c.kind === 'dimse' && c.retrieve === 'c-move' && c.storePort === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['storePort'],
        message: 'C-MOVE needs the port on which this app receives images.',
      });
  });
export type ArchiveConnection = z.output<typeof archiveConnectionSchema>;
export type DicomWebConnection = z.output<typeof dicomWebConnectionSchema>;
export type DimseConnection = z.output<typeof dimseConnectionSchema>;

export const archiveNameSchema = z
  .string()
  .trim()
  .min(1, 'Name the archive.')
  .max(64, 'Name is too long (at most 64 characters).');

export const saveArchiveInputSchema = z.object({
  /** Absent: a new archive. */
  id: idSchema.optional(),
  name: archiveNameSchema,
  connection: archiveConnectionSchema,
  /** Password or bearer token. Absent: keep the stored one; null: forget it. */
  secret: z.string().max(8192).nullable().optional(),
});
export type SaveArchiveInput = z.infer<typeof saveArchiveInputSchema>;

export interface ArchiveSummary {
  id: number;
  name: string;
  connection: ArchiveConnection;
  hasSecret: boolean;
  createdAt: string;
  updatedAt: string;
}

export const archiveIdInputSchema = z.object({ archiveId: idSchema });

export const testConnectionInputSchema = z.union([
  archiveIdInputSchema,
  /** Test settings before saving them (the stored secret is used when `id` is given and none typed). */
  saveArchiveInputSchema,
]);

export interface ConnectionTest {
  ok: boolean;
  /** One plain sentence for the user. */
  message: string;
  milliseconds: number;
}

/** DICOM dates as the user types them (YYYY-MM-DD). */
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the date format YYYY-MM-DD.');
const queryText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\\\r\n]*$/, 'Backslashes and line breaks are not allowed.')
    .optional();

export const studyQuerySchema = z
  .object({
    patientId: queryText(64),
    /** Family^Given with * and ? wildcards (PS3.4 C.2.2.2.4). */
    patientName: queryText(64),
    birthDate: dateSchema.optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    modality: z
      .string()
      .trim()
      .regex(/^[A-Z]{0,16}$/, 'Modality is a code such as CT, MR or DX.')
      .optional(),
    accession: queryText(16),
  })
  .refine((q) => Object.values(q).some((v) => v), 'Enter at least one search field.')
  .refine((q) => !q.from || !q.to || q.from <= q.to, 'The study date range ends before it starts.');
export type StudyQuery = z.infer<typeof studyQuerySchema>;

export const searchInputSchema = z.object({
  archiveId: idSchema,
  query: studyQuerySchema,
  /** Lets the user cancel this query (pacs.cancelSearch) while it runs. */
  searchId: z.string().uuid().optional(),
});
export const cancelSearchInputSchema = z.object({ searchId: z.string().uuid() });

export interface ArchiveStudy {
  studyUid: string;
  patientId: string;
  patientName: string;
  birthDate: string | null;
  studyDate: string | null;
  description: string;
  accession: string;
  modalities: string[];
  seriesCount: number | null;
  instanceCount: number | null;
  /** Instances of this study already in the local store (0 = not imported). */
  storedInstances: number;
}

export interface ArchivePatient {
  patientId: string;
  patientName: string;
  birthDate: string | null;
  studies: ArchiveStudy[];
}

export interface SearchResult {
  patients: ArchivePatient[];
  /** Plain sentence when nothing matched or the archive limited the answer. */
  note: string | null;
}

const uidSchema = z
  .string()
  .regex(/^[0-9]+(\.[0-9]+)*$/, 'Not a DICOM UID.')
  .max(64);

export const seriesInputSchema = z.object({ archiveId: idSchema, studyUid: uidSchema });

export interface ArchiveSeries {
  seriesUid: string;
  modality: string;
  number: number | null;
  description: string;
  instanceCount: number | null;
  storedInstances: number;
}

export const retrieveInputSchema = z.object({
  archiveId: idSchema,
  studyUid: uidSchema,
  /** Only these series; the whole study when absent. */
  seriesUids: z.array(uidSchema).max(1000).optional(),
  caseId: idSchema.optional(),
});
export type RetrieveInput = z.infer<typeof retrieveInputSchema>;

export const retrieveIdInputSchema = z.object({ retrieveId: idSchema });

export type RetrievePhase = 'listing' | 'downloading' | 'importing' | 'done' | 'cancelled' | 'failed';

/** A retrieve's progress and, once ended, its import summary. */
export interface RetrieveProgress {
  retrieveId: number;
  phase: RetrievePhase;
  /** Instances the archive holds for the request. */
  instancesTotal: number;
  /** Already in the store before this retrieve (not downloaded again). */
  alreadyStored: number;
  downloaded: number;
  bytesDownloaded: number;
  imported: number;
  duplicates: number;
  skipped: number;
  failed: FileProblem[];
  conflicts: FileProblem[];
  megabytesPerSecond: number;
  etaSeconds: number | null;
  elapsedMs: number;
  /** Plain sentence when the retrieve failed or ended incomplete. */
  error: string | null;
  state: ImportState | 'running';
}

export const SEND_WHAT = ['key-images', 'sr', 'report'] as const;
export const sendInputSchema = z.object({
  archiveId: idSchema,
  caseId: idSchema,
  what: z.enum(SEND_WHAT),
  /** key-images: also send each key image as a secondary capture with its caption burnt in. */
  withCaptures: z.boolean().optional(),
});
export type SendInput = z.infer<typeof sendInputSchema>;

export interface SendResult {
  what: (typeof SEND_WHAT)[number];
  sent: { sopClassUid: string; sopInstanceUid: string; studyUid: string }[];
  failed: FileProblem[];
}

const spec =
  <O>() =>
  <I extends z.ZodType>(input: I, needsUser: boolean): { input: I; output?: O; needsUser: boolean } => ({
    input,
    needsUser,
  });

/** Spread at the end of `methods` (shared/contract/methods.ts). */
export const pacsMethods = {
  'pacs.archives': spec<ArchiveSummary[]>()(emptyInputSchema, false),
  'pacs.saveArchive': spec<ArchiveSummary>()(saveArchiveInputSchema, true),
  'pacs.deleteArchive': spec<ArchiveSummary[]>()(archiveIdInputSchema, true),
  'pacs.test': spec<ConnectionTest>()(testConnectionInputSchema, false),
  'pacs.search': spec<SearchResult>()(searchInputSchema, false),
  'pacs.cancelSearch': spec<boolean>()(cancelSearchInputSchema, false),
  'pacs.series': spec<ArchiveSeries[]>()(seriesInputSchema, false),
  'pacs.retrieve': spec<{ retrieveId: number }>()(retrieveInputSchema, true),
  'pacs.retrieveStatus': spec<RetrieveProgress>()(retrieveIdInputSchema, false),
  'pacs.cancelRetrieve': spec<boolean>()(retrieveIdInputSchema, false),
  'pacs.send': spec<SendResult>()(sendInputSchema, true),
} as const;
