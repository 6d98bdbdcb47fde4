import { auditForCase, writeAudit } from '../../db/audit.ts';
import type { CaseChanges } from '../../db/cases.ts';
import {
  deleteCaseRow,
  findCase,
  findCaseRow,
  insertCase,
  listCases,
  updateCaseRow,
} from '../../db/cases.ts';
import { casesOfPatient, deleteCaseSearch, refreshCaseSearch } from '../../db/case-search.ts';
import { studiesOfCase } from '../../db/case-studies.ts';
import { findPatientByMrn, forgetPatientIfUnreferenced, upsertPatient } from '../../db/patients.ts';
import type { CreateCaseInput } from '../../shared/contract/schemas.ts';
import type { Patient } from '../../shared/domain/case.ts';
import type { PatientDetailField } from '../../shared/domain/patient-details.ts';
import { PATIENT_DETAIL_LABELS, patientDetailDifferences } from '../../shared/domain/patient-details.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { CaseRecord } from '../../shared/domain/case.ts';
import type { BackendContext } from './context.ts';
import { requireUser } from './context.ts';
import type { HandlerMap } from './handler.ts';
import { requireIdentityUnchanged } from './second-opinion-lock.ts';

function loadCase(ctx: BackendContext, id: number): CaseRecord {
  const found = findCase(ctx.db, id);
  if (!found) throw new AppError('NOT_FOUND', `Case ${id} does not exist.`);
  return found;
}

/** Runs a case change and its audit row in one transaction, then returns the case as stored. */
function changeCase(
  ctx: BackendContext,
  id: number,
  action: string,
  build: (row: NonNullable<ReturnType<typeof findCaseRow>>) => {
    changes: CaseChanges;
    detail: Record<string, unknown>;
  },
): CaseRecord {
  const user = requireUser(ctx);
  return ctx.db
    .transaction(() => {
      const row = findCaseRow(ctx.db, id);
      if (!row) throw new AppError('NOT_FOUND', `Case ${id} does not exist.`);
      const { changes, detail } = build(row);
      const at = ctx.now();
      updateCaseRow(ctx.db, id, changes, at);
      writeAudit(ctx.db, { at, userId: user.id, action, caseId: id, detail });
      if (changes.patientId !== undefined && row.patientId !== null && row.patientId !== changes.patientId)
        forgetPatientIfUnreferenced(ctx.db, row.patientId);
      // The patient's name and MRN are in the search text of every case of that patient.
      const patientId = changes.patientId !== undefined ? changes.patientId : row.patientId;
      const affected = new Set([id, ...(patientId === null ? [] : casesOfPatient(ctx.db, patientId))]);
      for (const caseId of affected) refreshCaseSearch(ctx.db, caseId);
      return loadCase(ctx, id);
    })
    .immediate();
}

/**
 * The patient a new case refers to. A patient already on record keeps their details unless the user
 * chose to replace the ones that differ: imaging-derived (or earlier) details are never overwritten
 * silently. Returns the fields that differed (names only) and where the recorded ones came from.
 */
function patientForNewCase(
  ctx: BackendContext,
  input: CreateCaseInput,
): { patient: Patient | null; differences: PatientDetailField[]; recordedFrom: 'imaging' | 'entry' } {
  if (!input.patient) return { patient: null, differences: [], recordedFrom: 'entry' };
  const recorded = findPatientByMrn(ctx.db, input.patient.mrn.trim());
  if (!recorded)
    return {
      patient: upsertPatient(ctx.db, input.patient, ctx.now()),
      differences: [],
      recordedFrom: 'entry',
    };
  const recordedFrom = recorded.fromImaging ? 'imaging' : 'entry';
  const differences = patientDetailDifferences(recorded, input.patient).map((d) => d.field);
  if (!differences.length) return { patient: recorded, differences, recordedFrom };
  if (!input.patientDetails) {
    const which = differences.map((f) => PATIENT_DETAIL_LABELS[f].toLowerCase()).join(', ');
    throw new AppError(
      'PATIENT_DETAILS_DIFFER',
      `This MRN belongs to a patient already on record${recorded.fromImaging ? ' from imported imaging' : ''}, whose ${which} differ${differences.length === 1 ? 's' : ''} from what you entered. Keep the recorded details or use yours.`,
    );
  }
  if (input.patientDetails === 'keep-recorded') return { patient: recorded, differences, recordedFrom };
  return { patient: upsertPatient(ctx.db, input.patient, ctx.now()), differences, recordedFrom };
}

export const caseHandlers = {
  'cases.list': (ctx, input) => listCases(ctx.db, input),
  'cases.get': (ctx, input) => loadCase(ctx, input.id),
  'cases.auditTrail': (ctx, input) => {
    loadCase(ctx, input.id);
    return auditForCase(ctx.db, input.id);
  },
  'patients.lookup': (ctx, input) => findPatientByMrn(ctx.db, input.mrn.trim()),
  'cases.create': (ctx, input) => {
    const user = requireUser(ctx);
    return ctx.db
      .transaction(() => {
        const at = ctx.now();
        const { patient, differences, recordedFrom } = patientForNewCase(ctx, input);
        const id = insertCase(ctx.db, {
          title: input.title,
          clinicalQuestion: input.clinicalQuestion ?? '',
          patientId: patient?.id ?? null,
          createdBy: user.id,
          at,
        });
        writeAudit(ctx.db, {
          at,
          userId: user.id,
          action: 'case.create',
          caseId: id,
          detail: {
            title: input.title,
            ...(differences.length && input.patientDetails === 'keep-recorded'
              ? { patientDetailsKept: differences, recordedFrom }
              : {}),
          },
        });
        // Recorded details replaced by typed ones: which, never the values (no patient data in the log).
        if (patient && differences.length && input.patientDetails === 'use-entered')
          writeAudit(ctx.db, {
            at,
            userId: user.id,
            action: 'patient.update',
            caseId: id,
            detail: { patientId: patient.id, fields: differences, recordedFrom },
          });
        refreshCaseSearch(ctx.db, id);
        return loadCase(ctx, id);
      })
      .immediate();
  },
  'cases.update': (ctx, input) =>
    changeCase(ctx, input.id, 'case.update', (row) => {
      if (row.status === 'archived')
        throw new AppError('READ_ONLY', 'This case is archived. Restore it to edit.');
      requireIdentityUnchanged(ctx.db, input.id, input);
      if (row.status === 'decided' && input.status !== undefined && input.status !== 'decided')
        throw new AppError(
          'READ_ONLY',
          'This case is decided. Reopen it from its evaluation, giving a reason.',
        );
      const changes: CaseChanges = {};
      if (input.title !== undefined) changes.title = input.title;
      if (input.clinicalQuestion !== undefined) changes.clinicalQuestion = input.clinicalQuestion;
      if (input.status !== undefined) changes.status = input.status;
      if (input.patient !== undefined)
        changes.patientId =
          input.patient === null ? null : upsertPatient(ctx.db, input.patient, ctx.now()).id;
      const detail = Object.fromEntries(
        Object.entries(changes).map(([k, v]) => [k, k === 'clinicalQuestion' ? '(edited)' : v]),
      );
      return { changes, detail: { changed: detail, statusBefore: row.status } };
    }),
  'cases.archive': (ctx, input) =>
    changeCase(ctx, input.id, 'case.archive', (row) => {
      if (row.status === 'archived') throw new AppError('CONFLICT', 'This case is already archived.');
      return {
        changes: { status: 'archived', statusBeforeArchive: row.status },
        detail: { from: row.status },
      };
    }),
  'cases.delete': (ctx, input) => {
    const user = requireUser(ctx);
    ctx.db
      .transaction(() => {
        const c = loadCase(ctx, input.id);
        const studies = studiesOfCase(ctx.db, input.id);
        // The audit row outlives the case (its case_id becomes NULL); the detail keeps what was deleted.
        writeAudit(ctx.db, {
          at: ctx.now(),
          userId: user.id,
          action: 'case.delete',
          caseId: input.id,
          detail: { caseId: input.id, title: c.title, studiesKeptInLibrary: studies.length },
        });
        deleteCaseRow(ctx.db, input.id);
        deleteCaseSearch(ctx.db, input.id);
        // The patient's identity goes with their last case, unless stored imaging still names them.
        if (c.patient) forgetPatientIfUnreferenced(ctx.db, c.patient.id);
      })
      .immediate();
    return null;
  },
  'cases.restore': (ctx, input) =>
    changeCase(ctx, input.id, 'case.restore', (row) => {
      if (row.status !== 'archived') throw new AppError('CONFLICT', 'Only an archived case can be restored.');
      const to = row.statusBeforeArchive ?? 'draft';
      return { changes: { status: to, statusBeforeArchive: null }, detail: { to } };
    }),
} satisfies Partial<HandlerMap>;
