import type { z } from 'zod';
import type { AuditEntry } from '../domain/audit.ts';
import type { CaseRecord, CaseSummary } from '../domain/case.ts';
import type { PatientOnRecord } from '../domain/patient-details.ts';
import type { User } from '../domain/user.ts';
import type { ImportProgress } from '../imaging/import-progress.ts';
import type { PatientStudies } from '../imaging/study-tree.ts';
import type { Result } from './result.ts';
import { conferenceMethods } from './conference-schemas.ts';
import { evaluationMethods } from './evaluation-schemas.ts';
import { method } from './method-spec.ts';
import { measurementMethods } from './measurement-schemas.ts';
import { secondOpinionMethods } from './second-opinion-schemas.ts';
import { pacsMethods } from './pacs-schemas.ts';
import type { KeyImage, SavedLayout, SeriesGeometry, ViewerCase } from '../viewer/viewer-types.ts';
import {
  caseIdOnlySchema,
  createKeyImageInputSchema,
  keyImageIdInputSchema,
  layoutIdInputSchema,
  reorderKeyImagesInputSchema,
  saveLayoutInputSchema,
  seriesIdInputSchema,
  setDefaultLayoutInputSchema,
  updateKeyImageInputSchema,
} from './viewer-schemas.ts';
import {
  caseIdInputSchema,
  createCaseInputSchema,
  deleteCaseInputSchema,
  emptyInputSchema,
  importIdInputSchema,
  libraryInputSchema,
  listCasesInputSchema,
  mrnInputSchema,
  startImportInputSchema,
  studyLinkInputSchema,
  signInInputSchema,
  updateCaseInputSchema,
} from './schemas.ts';

export interface CaseStudies {
  linked: PatientStudies[];
  /** Studies of the same patient (Patient ID = the case's MRN) not yet linked. */
  suggested: PatientStudies[];
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser' | 'cli';
  dataDir: string;
}

/**
 * The one list of backend methods. Both transports (Electron IPC and the browser host's HTTP)
 * and the renderer's client are derived from it; nothing lists channels twice.
 */
export const methods = {
  'app.info': method<AppInfo>()(emptyInputSchema, false),
  'demo.load': method<{ caseId: number; importId: number | null }>()(emptyInputSchema, true),
  'session.currentUser': method<User | null>()(emptyInputSchema, false),
  'session.knownUsers': method<User[]>()(emptyInputSchema, false),
  'session.signIn': method<User>()(signInInputSchema, false),
  'session.signOut': method<null>()(emptyInputSchema, false),
  'cases.list': method<CaseSummary[]>()(listCasesInputSchema, false),
  'cases.get': method<CaseRecord>()(caseIdInputSchema, true, { action: 'case.opened', caseIdField: 'id' }),
  'cases.create': method<CaseRecord>()(createCaseInputSchema, true),
  /** The patient on record for an MRN (to show beside typed details that differ), or null. */
  'patients.lookup': method<PatientOnRecord | null>()(mrnInputSchema, true, { action: 'patient.lookup' }),
  'cases.update': method<CaseRecord>()(updateCaseInputSchema, true),
  'cases.archive': method<CaseRecord>()(caseIdInputSchema, true),
  'cases.restore': method<CaseRecord>()(caseIdInputSchema, true),
  'cases.auditTrail': method<AuditEntry[]>()(caseIdInputSchema, false),
  'cases.delete': method<null>()(deleteCaseInputSchema, true),
  'cases.studies': method<CaseStudies>()(caseIdInputSchema, false),
  'cases.linkStudy': method<CaseStudies>()(studyLinkInputSchema, true),
  'cases.unlinkStudy': method<CaseStudies>()(studyLinkInputSchema, true),
  'studies.library': method<PatientStudies[]>()(libraryInputSchema, false),
  'imports.beginUpload': method<{ uploadId: string }>()(emptyInputSchema, true),
  'imports.start': method<{ importId: number }>()(startImportInputSchema, true),
  'imports.status': method<ImportProgress>()(importIdInputSchema, false),
  'imports.cancel': method<boolean>()(importIdInputSchema, false),
  ...evaluationMethods,
  ...pacsMethods,
  ...conferenceMethods,
  'viewer.caseSeries': method<ViewerCase>()(caseIdInputSchema, true, {
    action: 'images.viewed',
    caseIdField: 'id',
  }),
  'viewer.seriesInstances': method<SeriesGeometry>()(seriesIdInputSchema, true, {
    action: 'series.viewed',
    detailFields: ['seriesId'],
  }),
  'viewer.layouts': method<SavedLayout[]>()(emptyInputSchema, false),
  'viewer.saveLayout': method<SavedLayout>()(saveLayoutInputSchema, true),
  'viewer.setDefaultLayout': method<SavedLayout[]>()(setDefaultLayoutInputSchema, true),
  'viewer.deleteLayout': method<SavedLayout[]>()(layoutIdInputSchema, true),
  'viewer.keyImages': method<KeyImage[]>()(caseIdOnlySchema, false),
  'viewer.createKeyImage': method<KeyImage>()(createKeyImageInputSchema, true),
  'viewer.updateKeyImage': method<KeyImage>()(updateKeyImageInputSchema, true),
  'viewer.reorderKeyImages': method<KeyImage[]>()(reorderKeyImagesInputSchema, true),
  'viewer.deleteKeyImage': method<KeyImage[]>()(keyImageIdInputSchema, true),
  'viewer.keyImagePng': method<{ dataUrl: string | null }>()(keyImageIdInputSchema, false),
  ...measurementMethods,
  ...secondOpinionMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export const METHOD_NAMES = Object.keys(methods) as MethodName[];

export type MethodInput<K extends MethodName> = z.input<Methods[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Methods[K]['input']>;
export type MethodOutput<K extends MethodName> = Exclude<Methods[K]['output'], undefined>;

/** The typed client the renderer uses, whichever transport carries it. */
export type CaseReviewApi = {
  [K in MethodName]: (input: MethodInput<K>) => Promise<Result<MethodOutput<K>>>;
};

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(methods, name);

/** Audit actions that record a read (not a change): the case history lists changes only. */
export const READ_AUDIT_ACTIONS: ReadonlySet<string> = new Set(
  METHOD_NAMES.flatMap((m) => {
    const spec: { needsUser: boolean; readAudit?: { action: string } } = methods[m];
    return spec.readAudit ? [spec.readAudit.action] : [];
  }),
);
